import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder as ladderFor,
  validateDueSpec,
  validateEscalation,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';

/** The deadline kinds an incident schedules, as stored in `DeadlineScheduled.kind`. */
export const INCIDENT_DEADLINES = {
  demobilisation: 'demobilisation',
  defusion: 'defusion',
  trimPlanning: 'trim-planning',
} as const;
export type IncidentDeadlineKind = (typeof INCIDENT_DEADLINES)[keyof typeof INCIDENT_DEADLINES];

export type { EscalationRung };

/**
 * How soon after an incident each ESTIP/TRiM step is due in one force, and who hears when
 * one slips. Every limit runs from when the incident occurred, not from when it was
 * recorded: a late record must not buy the support more time (it may be overdue at once).
 */
export type EstipPolicy = {
  readonly demobilisation: DueSpec;
  readonly defusion: DueSpec;
  readonly trimPlanning: DueSpec;
  /** Rungs after the owner's; the owner is always told first, at the due time. */
  readonly escalation: readonly EscalationRung[];
};

/**
 * The brief's defaults; a force overrides any part of it.
 * - Demobilisation "same day": 12 elapsed hours. Incidents happen at any hour and police
 *   work shifts, so close of business would be wrong; 12 h covers the end of the longest
 *   common shift, which is when the people exposed go home.
 * - Defusion "within 72 h" (the brief's deadline table) as elapsed time: ESTIP times it
 *   from the incident, weekends included, like TRiM.
 * - TRiM planning meeting 24–48 h after the incident: due at 48 h.
 * - Escalation as for OH referrals: team manager one working day after the due time,
 *   head of wellbeing two.
 */
export const DEFAULT_ESTIP_POLICY: EstipPolicy = {
  demobilisation: { hours: 12 },
  defusion: { hours: 72 },
  trimPlanning: { hours: 48 },
  escalation: [
    { after: { workingDays: 1 }, notify: 'team_manager' },
    { after: { workingDays: 2 }, notify: 'head_of_wellbeing' },
  ],
};

export function demobilisationDueAt(policy: EstipPolicy, calendar: WorkingCalendar, occurredAt: Date): Date {
  return calendar.dueAt(occurredAt, policy.demobilisation);
}

export function defusionDueAt(policy: EstipPolicy, calendar: WorkingCalendar, occurredAt: Date): Date {
  return calendar.dueAt(occurredAt, policy.defusion);
}

export function trimPlanningDueAt(policy: EstipPolicy, calendar: WorkingCalendar, occurredAt: Date): Date {
  return calendar.dueAt(occurredAt, policy.trimPlanning);
}

/** The rungs above the owner's for a deadline due at `dueAt` (see the timers' `escalationLadder`). */
export function escalationLadder(policy: EstipPolicy, calendar: WorkingCalendar, dueAt: Date) {
  return ladderFor(policy.escalation, calendar, dueAt);
}

/** ESTIP's limits are hours after an incident, so its messages give an example in hours. */
const ESTIP_CHECK = { example: 'PT72H' };

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 */
export function validateEstipPolicy(policy: EstipPolicy): string[] {
  const p: Partial<Record<keyof EstipPolicy, unknown>> = policy;
  const problems: string[] = [];
  for (const stage of ['demobilisation', 'defusion', 'trimPlanning'] as const) {
    problems.push(...validateDueSpec(p[stage], stage, ESTIP_CHECK));
  }
  problems.push(...validateEscalation(p.escalation, 'escalation', ESTIP_CHECK));
  return problems;
}
