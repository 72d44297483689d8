import { DateTime } from 'luxon';
import { deterministicId } from '@casework/core/ids';
import type { RaiseSupportTask } from './commands';
import { reachesThreshold, type ExposurePolicy } from './exposure-policy';
import type { Exposure, ExposureHistoryItem, ExposureSummary, ExposureWindowSummary } from './types';

/*
 * The repeat-exposure register: pure arithmetic over one person's exposures.
 *
 * Windows. An exposure counts in an n-day window from the instant it happened until the
 * same wall-clock time n London calendar days later (exclusive). Evaluated at `asOf`,
 * a window therefore holds the exposures with occurredAt in (asOf − n days, asOf]: one
 * exactly n days old has just left, one at asOf itself has just arrived, and exposures
 * dated after asOf do not count yet. Days are calendar days on London clocks, so a
 * window that spans a clock change is still "the same time n days ago".
 *
 * Input hygiene. Exposures may arrive in any order and more than once (projections are
 * at-least-once): they are sorted by occurredAt and de-duplicated by exposureId, the
 * last copy winning, so a later `removed: true` retracts an earlier copy. Removed
 * exposures never count.
 */

/** Case timelines and windows follow the business time zone (architecture rule 8). */
const ZONE = 'Europe/London';

/** The count and weighted sum in each of the policy's windows at `asOf`. */
export function exposureSummary(exposures: readonly Exposure[], asOf: Date, policy: ExposurePolicy): ExposureSummary {
  const counted = effective(exposures);
  return {
    asOf: asOf.toISOString(),
    windows: policy.windows.map((days) =>
      tally(
        days,
        counted.filter((e) => inWindow(e, days, asOf)),
      ),
    ),
  };
}

/** When the person's current spell above the threshold began, or null if they are below it at `asOf`. */
export function aboveThresholdSince(exposures: readonly Exposure[], asOf: Date, policy: ExposurePolicy): string | null {
  return currentEpisode(effective(exposures), asOf, policy)?.startedAt ?? null;
}

export function isAboveThreshold(exposures: readonly Exposure[], asOf: Date, policy: ExposurePolicy): boolean {
  return aboveThresholdSince(exposures, asOf, policy) !== null;
}

/**
 * A task the person already had, as the caller knows it. `triggeredAt` is when its
 * triggering exposure happened (not when the task was raised), so it can be placed
 * within a spell above the threshold.
 */
export interface PreviousSupportTask {
  readonly taskId: string;
  readonly triggeredAt: string;
  readonly open: boolean;
}

export type ThresholdCrossing =
  | {
      readonly raise: true;
      readonly taskId: string;
      readonly personId: string;
      /** The exposure that took the person over the threshold in the current spell. */
      readonly triggeringExposure: ExposureHistoryItem;
      readonly aboveSince: string;
      /** Every counted exposure in the longest window, oldest first. */
      readonly history: readonly ExposureHistoryItem[];
      readonly summary: ExposureSummary;
    }
  | {
      readonly raise: false;
      readonly reason: 'below_threshold' | 'already_raised' | 'task_open';
      readonly aboveSince: string | null;
    };

/**
 * Whether a NEW proactive-support task should be raised for this person at `asOf`.
 *
 * A "spell" is a stretch of time during which the person stays at or above the
 * threshold; it begins with the exposure that took them over (the crossing exposure)
 * and ends when enough exposures age out of the window to take them back below.
 * - below the threshold at `asOf`: no task;
 * - a task triggered within the current spell already exists (open or closed): no task.
 *   Staying above across further exposures is the same spell, so it never adds a task;
 * - any task still open: no task. Its coordinator already has the person in hand,
 *   even if they dipped below and crossed again meanwhile;
 * - otherwise: a task for the current spell's crossing exposure. Dropping below and
 *   crossing again later (with no task open) therefore raises a new task.
 *
 * The task id is `deterministicId('exposure-task', personId, crossingExposureId)`
 * (`supportTaskId`): processing the same exposure twice, or re-evaluating the same spell,
 * names the same task, and raising an existing task records nothing. The crossing is
 * judged on the sorted history, so an exposure that arrives late can move the crossing
 * to an earlier exposure of the same spell; `previousTasks` (placed by `triggeredAt`)
 * is what keeps that from raising a second task, so pass every task the person has had.
 */
export function thresholdCrossing(
  exposures: readonly Exposure[],
  asOf: Date,
  policy: ExposurePolicy,
  previousTasks: readonly PreviousSupportTask[],
): ThresholdCrossing {
  const counted = effective(exposures);
  const episode = currentEpisode(counted, asOf, policy);
  if (episode === null) return { raise: false, reason: 'below_threshold', aboveSince: null };
  const { crossing, startedAt } = episode;
  const taskId = supportTaskId(crossing.personId, crossing.exposureId);
  const start = Date.parse(startedAt);
  if (previousTasks.some((task) => task.taskId === taskId || Date.parse(task.triggeredAt) >= start)) {
    return { raise: false, reason: 'already_raised', aboveSince: startedAt };
  }
  if (previousTasks.some((task) => task.open)) return { raise: false, reason: 'task_open', aboveSince: startedAt };
  const longest = Math.max(...policy.windows);
  return {
    raise: true,
    taskId,
    personId: crossing.personId,
    triggeringExposure: historyItem(crossing),
    aboveSince: startedAt,
    history: counted.filter((e) => inWindow(e, longest, asOf)).map(historyItem),
    summary: exposureSummary(exposures, asOf, policy),
  };
}

/** One task per person per crossing exposure, whoever or whatever asks twice. */
export function supportTaskId(personId: string, exposureId: string): string {
  return deterministicId('exposure-task', personId, exposureId);
}

/** The RaiseSupportTask data for a crossing, with the person's details from the people directory. */
export function supportTaskRequest(
  crossing: Extract<ThresholdCrossing, { raise: true }>,
  person: { readonly personName: string; readonly department: string },
): RaiseSupportTask['data'] {
  return {
    taskId: crossing.taskId,
    personId: crossing.personId,
    personName: person.personName,
    department: person.department,
    triggeringExposureId: crossing.triggeringExposure.exposureId,
    exposures: crossing.history,
    summary: crossing.summary,
  };
}

interface Episode {
  readonly startedAt: string;
  readonly crossing: Exposure;
}

/**
 * Replays entries into and exits from the threshold window up to `asOf`. At the same
 * instant exits go first (the window is half-open), then entries in exposureId order.
 */
function currentEpisode(counted: readonly Exposure[], asOf: Date, policy: ExposurePolicy): Episode | null {
  const { threshold } = policy;
  const until = asOf.getTime();
  const steps = counted
    .flatMap((exposure) => [
      { at: Date.parse(exposure.occurredAt), order: 1, delta: 1, exposure },
      { at: leavesWindowAt(exposure, threshold.windowDays), order: 0, delta: -1, exposure },
    ])
    .filter((step) => step.at <= until)
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let count = 0;
  let weightedSum = 0;
  let episode: Episode | null = null;
  for (const step of steps) {
    count += step.delta;
    weightedSum = round(weightedSum + step.delta * step.exposure.severityWeight);
    const above = reachesThreshold(threshold, { count, weightedSum });
    if (above && episode === null) {
      episode = { startedAt: new Date(step.at).toISOString(), crossing: step.exposure };
    } else if (!above) {
      episode = null;
    }
  }
  return episode;
}

/** De-duplicated (last copy wins), without removed exposures, oldest first. */
function effective(exposures: readonly Exposure[]): Exposure[] {
  const latest = new Map<string, Exposure>();
  const people = new Set<string>();
  for (const exposure of exposures) {
    checkExposure(exposure);
    people.add(exposure.personId);
    latest.delete(exposure.exposureId);
    latest.set(exposure.exposureId, exposure);
  }
  if (people.size > 1) throw new RangeError(`Exposures of ${people.size} people given; the register is per person`);
  return [...latest.values()]
    .filter((e) => e.removed !== true)
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || compare(a.exposureId, b.exposureId));
}

/** Projections feed this, so bad data is a bug upstream, not a business refusal. */
function checkExposure(exposure: Exposure): void {
  if (Number.isNaN(Date.parse(exposure.occurredAt))) {
    throw new RangeError(
      `Exposure ${exposure.exposureId} has an invalid occurredAt ${JSON.stringify(exposure.occurredAt)}`,
    );
  }
  if (!Number.isFinite(exposure.severityWeight) || exposure.severityWeight < 0) {
    throw new RangeError(
      `Exposure ${exposure.exposureId} has severity weight ${exposure.severityWeight}; it must be ≥ 0`,
    );
  }
}

function inWindow(exposure: Exposure, days: number, asOf: Date): boolean {
  const at = asOf.getTime();
  return Date.parse(exposure.occurredAt) <= at && at < leavesWindowAt(exposure, days);
}

function leavesWindowAt(exposure: Exposure, days: number): number {
  return DateTime.fromISO(exposure.occurredAt, { zone: ZONE }).plus({ days }).toMillis();
}

function tally(days: number, inside: readonly Exposure[]): ExposureWindowSummary {
  return {
    days,
    count: inside.length,
    weightedSum: round(inside.reduce((sum, e) => sum + e.severityWeight, 0)),
  };
}

function historyItem(exposure: Exposure): ExposureHistoryItem {
  const { exposureId, incidentId, incidentType, severityWeight, occurredAt } = exposure;
  return { exposureId, incidentId, incidentType, severityWeight, occurredAt };
}

/** Weights like 0.1 + 0.2 must still reach 0.3. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
