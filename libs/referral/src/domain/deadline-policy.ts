import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder as ladderFor,
  validateDueSpec,
  validateEscalation,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';
import type { Urgency } from './types';

/** The deadline kinds a referral schedules, as stored in `DeadlineScheduled.kind`. */
export const REFERRAL_DEADLINES = {
  triage: 'triage',
  firstAppointment: 'first-appointment',
  outcomeReport: 'outcome-report',
} as const;

export type { EscalationRung };

/** How long each referral stage may take in one force, and who hears when it slips. */
export type ReferralDeadlinePolicy = {
  readonly triage: { readonly routine: DueSpec; readonly urgent: DueSpec };
  /** Measured from submission (or re-measured from a missed appointment). */
  readonly firstAppointment: { readonly routine: DueSpec; readonly urgent: DueSpec };
  /** Measured from attendance at the assessment. */
  readonly outcomeReport: DueSpec;
  /** Rungs after the owner's; the owner is always told first, at the due time. */
  readonly escalation: readonly EscalationRung[];
  /** Missed appointments after which the referral closes as did-not-attend. */
  readonly maxDidNotAttend: number;
};

/** The brief's defaults; a force overrides any part of it. */
export const DEFAULT_REFERRAL_POLICY: ReferralDeadlinePolicy = {
  triage: { routine: { workingDays: 2 }, urgent: { workingDays: 1 } },
  firstAppointment: { routine: { workingDays: 10 }, urgent: { workingDays: 3 } },
  outcomeReport: { workingDays: 2 },
  escalation: [
    { after: { workingDays: 1 }, notify: 'team_manager' },
    { after: { workingDays: 2 }, notify: 'head_of_wellbeing' },
  ],
  maxDidNotAttend: 2,
};

export function triageDueAt(
  policy: ReferralDeadlinePolicy,
  calendar: WorkingCalendar,
  urgency: Urgency,
  submittedAt: Date,
): Date {
  return calendar.dueAt(submittedAt, policy.triage[urgency]);
}

export function firstAppointmentDueAt(
  policy: ReferralDeadlinePolicy,
  calendar: WorkingCalendar,
  urgency: Urgency,
  from: Date,
): Date {
  return calendar.dueAt(from, policy.firstAppointment[urgency]);
}

export function outcomeReportDueAt(policy: ReferralDeadlinePolicy, calendar: WorkingCalendar, attendedAt: Date): Date {
  return calendar.dueAt(attendedAt, policy.outcomeReport);
}

/** The rungs above the owner's for a deadline due at `dueAt` (see the timers' `escalationLadder`). */
export function escalationLadder(policy: ReferralDeadlinePolicy, calendar: WorkingCalendar, dueAt: Date) {
  return ladderFor(policy.escalation, calendar, dueAt);
}

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 */
export function validateReferralPolicy(policy: ReferralDeadlinePolicy): string[] {
  const p: Partial<Record<keyof ReferralDeadlinePolicy, unknown>> = policy;
  const problems: string[] = [];
  for (const stage of ['triage', 'firstAppointment'] as const) {
    const specs = (p[stage] ?? {}) as Partial<Record<Urgency, unknown>>;
    problems.push(
      ...validateDueSpec(specs.routine, `${stage}.routine`),
      ...validateDueSpec(specs.urgent, `${stage}.urgent`),
    );
  }
  problems.push(...validateDueSpec(p.outcomeReport, 'outcomeReport'));
  problems.push(...validateEscalation(p.escalation, 'escalation'));
  if (typeof p.maxDidNotAttend !== 'number' || !Number.isInteger(p.maxDidNotAttend) || p.maxDidNotAttend < 1) {
    problems.push(`maxDidNotAttend must be a whole number ≥ 1, got ${JSON.stringify(p.maxDidNotAttend)}`);
  }
  return problems;
}
