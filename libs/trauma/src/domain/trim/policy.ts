import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder as ladderFor,
  validateDueSpec,
  validateEscalation,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';
import { TRIM_RISK_ITEM_KEYS, type TrimRiskScores } from './types';

/** The deadline kinds an activation schedules, as stored in `DeadlineScheduled.kind`. */
export const TRIM_DEADLINES = {
  traumaBrief: 'trauma-brief',
  initialAssessment: 'initial-assessment',
  followUpAssessment: 'follow-up-assessment',
} as const;

export type { EscalationRung };

/** How one force runs TRiM: its risk threshold, its time limits, who hears when one slips. */
export type TrimPolicy = {
  /** A total at or above this marks higher risk (the ten items give 0–10). */
  readonly riskThreshold: number;
  /** Measured from the activation. */
  readonly traumaBrief: DueSpec;
  /** Measured from the assessment clock: the incident, or the activation for referrals. */
  readonly initialAssessment: DueSpec;
  /** `due` from the assessment clock, then `grace` on top of that. */
  readonly followUpAssessment: { readonly due: DueSpec; readonly grace: DueSpec };
  /** Rungs after the owner's; the owner is always told first, at the due time. */
  readonly escalation: readonly EscalationRung[];
};

/**
 * The brief's defaults; a force overrides any part of it.
 * - Trauma brief: 24 elapsed hours from activation, as the brief says.
 * - Initial assessment: the assessment is *aimed* at ~72 h after the incident, so it is
 *   only late after 96 h: a practitioner seeing someone on day 3 or 4 is on time. Hours,
 *   not working days: trauma keeps no office hours, and a weekend must not add two days.
 * - Follow-up: aimed at 28 days after the incident, late after five more working days,
 *   room to book around shifts, leave and bank holidays.
 * - Escalation: the TRiM coordinator (team manager rung) a day after the due time, the
 *   head of wellbeing two working days after it.
 */
export const DEFAULT_TRIM_POLICY: TrimPolicy = {
  riskThreshold: 3,
  traumaBrief: { hours: 24 },
  initialAssessment: { hours: 96 },
  followUpAssessment: { due: { duration: 'P28D' }, grace: { workingDays: 5 } },
  escalation: [
    { after: { hours: 24 }, notify: 'team_manager' },
    { after: { workingDays: 2 }, notify: 'head_of_wellbeing' },
  ],
};

export function traumaBriefDueAt(policy: TrimPolicy, calendar: WorkingCalendar, activatedAt: Date): Date {
  return calendar.dueAt(activatedAt, policy.traumaBrief);
}

/**
 * Measured from the incident, because the 72 hours are about the person's reaction, not
 * about our paperwork: an activation made after the window is born overdue, and says so.
 */
export function initialAssessmentDueAt(policy: TrimPolicy, calendar: WorkingCalendar, clockFrom: Date): Date {
  return calendar.dueAt(clockFrom, policy.initialAssessment);
}

export function followUpAssessmentDueAt(policy: TrimPolicy, calendar: WorkingCalendar, clockFrom: Date): Date {
  const { due, grace } = policy.followUpAssessment;
  return calendar.dueAt(calendar.dueAt(clockFrom, due), grace);
}

/** The rungs above the owner's for a deadline due at `dueAt` (see the timers' `escalationLadder`). */
export function escalationLadder(policy: TrimPolicy, calendar: WorkingCalendar, dueAt: Date) {
  return ladderFor(policy.escalation, calendar, dueAt);
}

/** The risk score: one point per item present. */
export function riskTotal(scores: TrimRiskScores): number {
  return TRIM_RISK_ITEM_KEYS.reduce((sum, key) => sum + scores[key], 0);
}

export function isAtOrAboveThreshold(policy: TrimPolicy, total: number): boolean {
  return total >= policy.riskThreshold;
}

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 */
export function validateTrimPolicy(policy: TrimPolicy): string[] {
  const p: Partial<Record<keyof TrimPolicy, unknown>> = policy;
  const problems: string[] = [];
  const threshold = p.riskThreshold;
  const items = TRIM_RISK_ITEM_KEYS.length;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1 || threshold > items) {
    problems.push(`riskThreshold must be a whole number from 1 to ${items}, got ${JSON.stringify(threshold)}`);
  }
  problems.push(...validateDueSpec(p.traumaBrief, 'traumaBrief'));
  problems.push(...validateDueSpec(p.initialAssessment, 'initialAssessment'));
  const followUp = (p.followUpAssessment ?? {}) as { due?: unknown; grace?: unknown };
  problems.push(...validateDueSpec(followUp.due, 'followUpAssessment.due'));
  problems.push(...validateDueSpec(followUp.grace, 'followUpAssessment.grace'));
  problems.push(...validateEscalation(p.escalation, 'escalation'));
  return problems;
}
