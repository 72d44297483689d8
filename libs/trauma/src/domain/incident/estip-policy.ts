import { Duration } from 'luxon';
import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import type { EscalationTarget } from '@casework/timers/domain/deadline-events';

/** The deadline kinds an incident schedules, as stored in `DeadlineScheduled.kind`. */
export const INCIDENT_DEADLINES = {
  demobilisation: 'demobilisation',
  defusion: 'defusion',
  trimPlanning: 'trim-planning',
} as const;
export type IncidentDeadlineKind = (typeof INCIDENT_DEADLINES)[keyof typeof INCIDENT_DEADLINES];

export type EscalationRung = {
  /** Measured from the deadline's due time, not from the incident. */
  readonly after: DueSpec;
  readonly notify: Exclude<EscalationTarget, 'owner'>;
};

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

/**
 * The rungs above the owner's for a deadline due at `dueAt`. Working days keep the time
 * of day (`calendar.dueAt` would move a due time after close of business to the next
 * day's close, charging the rung a day too many).
 */
export function escalationLadder(
  policy: EstipPolicy,
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
export function validateEstipPolicy(policy: EstipPolicy): string[] {
  const p: Partial<Record<keyof EstipPolicy, unknown>> = policy;
  const problems: string[] = [];
  for (const stage of ['demobilisation', 'defusion', 'trimPlanning'] as const) {
    problems.push(...dueSpecProblems(stage, p[stage]));
  }
  if (!Array.isArray(p.escalation)) {
    problems.push('escalation must be a list (it may be empty)');
  } else {
    problems.push(...ladderProblems(p.escalation));
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
  const shape = `${path} must be exactly one of { workingDays }, { hours } or { duration }, got ${JSON.stringify(
    spec,
  )}`;
  if (typeof spec !== 'object' || spec === null || Object.keys(spec).length !== 1) return [shape];
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
      : [`${path}.duration must be a non-negative ISO 8601 duration such as "PT72H", got ${JSON.stringify(duration)}`];
  }
  return [shape];
}
