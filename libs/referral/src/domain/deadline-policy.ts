import { Duration } from 'luxon';
import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import type { EscalationTarget } from '@casework/timers/domain/deadline-events';
import type { Urgency } from './types';

/** The deadline kinds a referral schedules, as stored in `DeadlineScheduled.kind`. */
export const REFERRAL_DEADLINES = {
  triage: 'triage',
  firstAppointment: 'first-appointment',
  outcomeReport: 'outcome-report',
} as const;

export type EscalationRung = {
  /** Measured from the deadline's due time, not from when the stage opened. */
  readonly after: DueSpec;
  readonly notify: Exclude<EscalationTarget, 'owner'>;
};

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

/**
 * The rungs above the owner's for a deadline due at `dueAt`. Working days are added
 * keeping the time of day: a deadline falls at close of business, and `calendar.dueAt`
 * would count a start at close as "after close" and so charge one working day too many.
 */
export function escalationLadder(
  policy: ReferralDeadlinePolicy,
  calendar: WorkingCalendar,
  dueAt: Date,
): { readonly at: Date; readonly notify: EscalationRung['notify'] }[] {
  return policy.escalation.map(({ after, notify }) => ({
    at: 'workingDays' in after ? calendar.addWorkingDays(dueAt, after.workingDays) : calendar.dueAt(dueAt, after),
    notify,
  }));
}

/** A timer job id holds the level, and the timers cancel at most six per deadline. */
const MAX_ESCALATION_RUNGS = 5;
const NOTIFY_TARGETS: readonly string[] = ['team_manager', 'head_of_wellbeing'];

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
      ...dueSpecProblems(`${stage}.routine`, specs.routine),
      ...dueSpecProblems(`${stage}.urgent`, specs.urgent),
    );
  }
  problems.push(...dueSpecProblems('outcomeReport', p.outcomeReport));
  if (!Array.isArray(p.escalation)) {
    problems.push('escalation must be a list (it may be empty)');
  } else {
    problems.push(...ladderProblems(p.escalation));
  }
  if (typeof p.maxDidNotAttend !== 'number' || !Number.isInteger(p.maxDidNotAttend) || p.maxDidNotAttend < 1) {
    problems.push(`maxDidNotAttend must be a whole number ≥ 1, got ${JSON.stringify(p.maxDidNotAttend)}`);
  }
  return problems;
}

function ladderProblems(ladder: readonly unknown[]): string[] {
  const problems: string[] = [];
  if (ladder.length > MAX_ESCALATION_RUNGS) {
    problems.push(`escalation has ${ladder.length} rungs; at most ${MAX_ESCALATION_RUNGS} are supported`);
  }
  const seen = new Set<string>();
  ladder.forEach((rung, i) => {
    const { after, notify } = (rung ?? {}) as { after?: unknown; notify?: unknown };
    problems.push(...dueSpecProblems(`escalation[${i}].after`, after));
    if (typeof notify !== 'string' || !NOTIFY_TARGETS.includes(notify)) {
      problems.push(
        `escalation[${i}].notify must be one of ${NOTIFY_TARGETS.join(', ')}, got ${JSON.stringify(notify)}`,
      );
    } else if (seen.has(notify)) {
      problems.push(`escalation[${i}].notify repeats ${notify}: each rung notifies someone new`);
    }
    if (typeof notify === 'string') seen.add(notify);
  });
  return problems;
}

function dueSpecProblems(path: string, spec: unknown): string[] {
  if (typeof spec !== 'object' || spec === null || Object.keys(spec).length !== 1) {
    return [`${path} must be exactly one of { workingDays }, { hours } or { duration }, got ${JSON.stringify(spec)}`];
  }
  const { workingDays, hours, duration } = spec as { workingDays?: unknown; hours?: unknown; duration?: unknown };
  if ('workingDays' in spec) {
    return typeof workingDays === 'number' && Number.isInteger(workingDays) && workingDays >= 0
      ? []
      : [`${path}.workingDays must be a whole number ≥ 0, got ${JSON.stringify(workingDays)}`];
  }
  if ('hours' in spec) {
    return typeof hours === 'number' && Number.isFinite(hours) && hours >= 0
      ? []
      : [`${path}.hours must be a number ≥ 0, got ${JSON.stringify(hours)}`];
  }
  if ('duration' in spec) {
    const parsed = typeof duration === 'string' ? Duration.fromISO(duration) : Duration.invalid('not a string');
    const parts = parsed.isValid ? Object.values(parsed.toObject()) : [];
    return parts.length > 0 && parts.every((part) => typeof part === 'number' && part >= 0)
      ? []
      : [`${path}.duration must be a non-negative ISO 8601 duration such as "P28D", got ${JSON.stringify(duration)}`];
  }
  return [`${path} must be exactly one of { workingDays }, { hours } or { duration }, got ${JSON.stringify(spec)}`];
}
