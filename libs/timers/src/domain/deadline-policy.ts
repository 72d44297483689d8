import { Duration } from 'luxon';
import { deterministicId } from '@casework/core/ids';
import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent, EscalationTarget } from './deadline-events';
import { scheduleDeadline } from './deadline-ledger';

/*
 * The deadline-policy building blocks every workflow shares: the escalation ladder a
 * force configures, how it turns into rung times, and the checks run on a force's policy
 * file. One set of shapes and messages, so an administrator reads one language whichever
 * workflow's policy they edit.
 */

export type EscalationRung = {
  /** Measured from the deadline's due time, not from when the stage opened. */
  readonly after: DueSpec;
  readonly notify: Exclude<EscalationTarget, 'owner'>;
};

/** One rung of a deadline's ladder above the owner's, as `scheduleDeadline` takes it. */
export type EscalationStep = { readonly at: Date; readonly notify: EscalationRung['notify'] };

/** A timer job id holds the level, and the timers cancel at most six per deadline. */
export const MAX_ESCALATION_RUNGS = 5;
export const ESCALATION_NOTIFY_TARGETS: readonly EscalationRung['notify'][] = ['team_manager', 'head_of_wellbeing'];

/**
 * The rungs above the owner's for a deadline due at `dueAt`. Working days are added
 * keeping the time of day: a deadline falls at close of business, and `calendar.dueAt`
 * would count a start at close as "after close" and so charge one working day too many.
 */
export function escalationLadder(
  rungs: readonly EscalationRung[],
  calendar: WorkingCalendar,
  dueAt: Date,
): EscalationStep[] {
  return rungs.map(({ after, notify }) => ({
    at: 'workingDays' in after ? calendar.addWorkingDays(dueAt, after.workingDays) : calendar.dueAt(dueAt, after),
    notify,
  }));
}

/** A deadline a command opens: its kind, the command's id, when it falls due and whose it is. */
export interface DeadlineToSchedule {
  readonly kind: string;
  readonly commandId: string;
  readonly dueAt: Date;
  readonly ownerId: string | null;
}

/**
 * Schedules a workflow deadline with the force's escalation ladder. The id comes from the
 * command, so a retried command schedules the same deadline and never a second one.
 */
export function scheduleEscalatingDeadline(
  rungs: readonly EscalationRung[],
  calendar: WorkingCalendar,
  deadline: DeadlineToSchedule,
): DeadlineEvent {
  return scheduleDeadline({
    deadlineId: deterministicId(deadline.commandId, deadline.kind),
    kind: deadline.kind,
    dueAt: deadline.dueAt,
    ownerId: deadline.ownerId,
    escalations: escalationLadder(rungs, calendar, deadline.dueAt),
  });
}

export interface DueSpecCheck {
  /** Refuse a zero length (an interval must move time on). */
  readonly positive?: boolean;
  /** The ISO 8601 duration a message offers as an example; "P28D" unless told. */
  readonly example?: string;
}

/**
 * Every problem with the DueSpec at `name` in a policy file, in words an administrator can
 * act on; empty when it is usable. Nothing about its shape is assumed.
 */
export function validateDueSpec(spec: unknown, name: string, check: DueSpecCheck = {}): string[] {
  const { positive = false, example = 'P28D' } = check;
  const got = JSON.stringify(spec);
  const shape = `${name} must be exactly one of { workingDays }, { hours } or { duration }, got ${got}`;
  if (typeof spec !== 'object' || spec === null || Object.keys(spec).length !== 1) return [shape];
  const { workingDays, hours, duration } = spec as { workingDays?: unknown; hours?: unknown; duration?: unknown };
  const min = positive ? 1 : 0;
  if ('workingDays' in spec) {
    return typeof workingDays === 'number' && Number.isInteger(workingDays) && workingDays >= min
      ? []
      : [`${name}.workingDays must be a whole number ≥ ${min}, got ${JSON.stringify(workingDays)}`];
  }
  if ('hours' in spec) {
    return typeof hours === 'number' && Number.isFinite(hours) && (positive ? hours > 0 : hours >= 0)
      ? []
      : [`${name}.hours must be a number ${positive ? '> 0' : '≥ 0'}, got ${JSON.stringify(hours)}`];
  }
  if ('duration' in spec) {
    const parsed = typeof duration === 'string' ? Duration.fromISO(duration) : Duration.invalid('not a string');
    const parts = parsed.isValid ? Object.values(parsed.toObject()) : [];
    const valid =
      parts.length > 0 &&
      parts.every((part) => typeof part === 'number' && part >= 0) &&
      (!positive || parts.some((part) => part > 0));
    const kind = positive ? 'positive' : 'non-negative';
    return valid
      ? []
      : [`${name}.duration must be a ${kind} ISO 8601 duration such as "${example}", got ${JSON.stringify(duration)}`];
  }
  return [shape];
}

/**
 * Every problem with the escalation ladder at `name` in a policy file: it must be a list
 * (possibly empty) of at most five rungs, each notifying someone new after a valid
 * DueSpec. `check.example` is passed on to the rungs' DueSpec messages.
 */
export function validateEscalation(rungs: unknown, name: string, check: Pick<DueSpecCheck, 'example'> = {}): string[] {
  if (!Array.isArray(rungs)) return [`${name} must be a list (it may be empty)`];
  const problems: string[] = [];
  if (rungs.length > MAX_ESCALATION_RUNGS) {
    problems.push(`${name} has ${rungs.length} rungs; at most ${MAX_ESCALATION_RUNGS} are supported`);
  }
  const targets: readonly string[] = ESCALATION_NOTIFY_TARGETS;
  const seen = new Set<string>();
  rungs.forEach((rung: unknown, i) => {
    const { after, notify } = (rung ?? {}) as { after?: unknown; notify?: unknown };
    problems.push(...validateDueSpec(after, `${name}[${i}].after`, check));
    if (typeof notify !== 'string' || !targets.includes(notify)) {
      problems.push(`${name}[${i}].notify must be one of ${targets.join(', ')}, got ${JSON.stringify(notify)}`);
    } else if (seen.has(notify)) {
      problems.push(`${name}[${i}].notify repeats ${notify}: each rung notifies someone new`);
    }
    if (typeof notify === 'string') seen.add(notify);
  });
  return problems;
}
