import { Duration } from 'luxon';
import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import type { EscalationTarget } from '@casework/timers/domain/deadline-events';

/*
 * Deadline-policy building blocks shared by the surveillance policy. The same shapes
 * and messages as the referral policy, so a force's administrator reads one language.
 * (exposure/ keeps an identical copy: hoist both into a trauma-wide module when
 * the lib gets one.)
 */

export type EscalationRung = {
  /** Measured from the deadline's due time, not from when the stage opened. */
  readonly after: DueSpec;
  readonly notify: Exclude<EscalationTarget, 'owner'>;
};

/**
 * The rungs above the owner's for a deadline due at `dueAt`. Working days are added
 * keeping the time of day: a deadline falls at close of business, and `calendar.dueAt`
 * would count a start at close as "after close" and so charge one working day too many.
 */
export function ladderFrom(
  escalation: readonly EscalationRung[],
  calendar: WorkingCalendar,
  dueAt: Date,
): { readonly at: Date; readonly notify: EscalationRung['notify'] }[] {
  return escalation.map(({ after, notify }) => ({
    at: 'workingDays' in after ? calendar.addWorkingDays(dueAt, after.workingDays) : calendar.dueAt(dueAt, after),
    notify,
  }));
}

/** A timer job id holds the level, and the timers cancel at most six per deadline. */
const MAX_ESCALATION_RUNGS = 5;
const NOTIFY_TARGETS: readonly string[] = ['team_manager', 'head_of_wellbeing'];

export function ladderProblems(path: string, ladder: unknown): string[] {
  if (!Array.isArray(ladder)) return [`${path} must be a list (it may be empty)`];
  const problems: string[] = [];
  if (ladder.length > MAX_ESCALATION_RUNGS) {
    problems.push(`${path} has ${ladder.length} rungs; at most ${MAX_ESCALATION_RUNGS} are supported`);
  }
  const seen = new Set<string>();
  ladder.forEach((rung: unknown, i) => {
    const { after, notify } = (rung ?? {}) as { after?: unknown; notify?: unknown };
    problems.push(...dueSpecProblems(`${path}[${i}].after`, after));
    if (typeof notify !== 'string' || !NOTIFY_TARGETS.includes(notify)) {
      problems.push(`${path}[${i}].notify must be one of ${NOTIFY_TARGETS.join(', ')}, got ${JSON.stringify(notify)}`);
    } else if (seen.has(notify)) {
      problems.push(`${path}[${i}].notify repeats ${notify}: each rung notifies someone new`);
    }
    if (typeof notify === 'string') seen.add(notify);
  });
  return problems;
}

/** Problems with a DueSpec; `positive` refuses a zero length (an interval must move time on). */
export function dueSpecProblems(path: string, spec: unknown, positive = false): string[] {
  const shape = `${path} must be exactly one of { workingDays }, { hours } or { duration }, got ${JSON.stringify(spec)}`;
  if (typeof spec !== 'object' || spec === null || Object.keys(spec).length !== 1) return [shape];
  const { workingDays, hours, duration } = spec as { workingDays?: unknown; hours?: unknown; duration?: unknown };
  const min = positive ? 1 : 0;
  if ('workingDays' in spec) {
    return typeof workingDays === 'number' && Number.isInteger(workingDays) && workingDays >= min
      ? []
      : [`${path}.workingDays must be a whole number ≥ ${min}, got ${JSON.stringify(workingDays)}`];
  }
  if ('hours' in spec) {
    return typeof hours === 'number' && Number.isFinite(hours) && (positive ? hours > 0 : hours >= 0)
      ? []
      : [`${path}.hours must be a number ${positive ? '> 0' : '≥ 0'}, got ${JSON.stringify(hours)}`];
  }
  if ('duration' in spec) {
    const parsed = typeof duration === 'string' ? Duration.fromISO(duration) : Duration.invalid('not a string');
    const parts = parsed.isValid ? Object.values(parsed.toObject()) : [];
    const valid =
      parts.length > 0 &&
      parts.every((part) => typeof part === 'number' && part >= 0) &&
      (!positive || parts.some((part) => part > 0));
    return valid
      ? []
      : [
          `${path}.duration must be a ${positive ? 'positive' : 'non-negative'} ISO 8601 duration such as "P6M", got ${JSON.stringify(duration)}`,
        ];
  }
  return [shape];
}
