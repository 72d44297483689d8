import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder as ladderFor,
  validateDueSpec,
  validateEscalation,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';
import { DEFAULT_STAY_THEMES, validateThemeTaxonomy, type StayThemeTaxonomy } from './themes';

/** The deadline kinds a stay interview schedules, as stored in `DeadlineScheduled.kind`. */
export const STAY_DEADLINES = {
  interview: 'stay-interview',
  followUp: 'stay-follow-up',
} as const;

export type { EscalationRung };

/** How one force runs stay interviews: its time limits, its themes, who hears when one slips. */
export type StayPolicy = {
  /** Measured from the request. */
  readonly interview: DueSpec;
  /** Measured from when the actions were agreed. */
  readonly followUp: DueSpec;
  /** The themes an interview may record. */
  readonly themes: StayThemeTaxonomy;
  /** Rungs after the owner's; the owner is always told first, at the due time. */
  readonly escalation: readonly EscalationRung[];
};

/**
 * The brief's defaults; a force overrides any part of it.
 * - Interview: held within 10 working days of the request, while the concern is live.
 * - Follow-up: 30 working days (about six weeks) after the actions are agreed, time for
 *   the first of them to land.
 * - Escalation as for OH referrals: the retention team manager a working day after the
 *   due time, the head of wellbeing two working days after it.
 */
export const DEFAULT_STAY_POLICY: StayPolicy = {
  interview: { workingDays: 10 },
  followUp: { workingDays: 30 },
  themes: DEFAULT_STAY_THEMES,
  escalation: [
    { after: { workingDays: 1 }, notify: 'team_manager' },
    { after: { workingDays: 2 }, notify: 'head_of_wellbeing' },
  ],
};

export function interviewDueAt(policy: StayPolicy, calendar: WorkingCalendar, requestedAt: Date): Date {
  return calendar.dueAt(requestedAt, policy.interview);
}

export function followUpDueAt(policy: StayPolicy, calendar: WorkingCalendar, actionsAgreedAt: Date): Date {
  return calendar.dueAt(actionsAgreedAt, policy.followUp);
}

/** The rungs above the owner's for a deadline due at `dueAt` (see the timers' `escalationLadder`). */
export function escalationLadder(policy: StayPolicy, calendar: WorkingCalendar, dueAt: Date) {
  return ladderFor(policy.escalation, calendar, dueAt);
}

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 */
export function validateStayPolicy(policy: StayPolicy): string[] {
  const p: Partial<Record<keyof StayPolicy, unknown>> = policy;
  return [
    ...validateDueSpec(p.interview, 'interview'),
    ...validateDueSpec(p.followUp, 'followUp'),
    ...validateThemeTaxonomy(p.themes, 'themes'),
    ...validateEscalation(p.escalation, 'escalation'),
  ];
}
