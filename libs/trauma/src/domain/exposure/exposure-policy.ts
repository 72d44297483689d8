/**
 * When repeat exposure calls for a proactive, personal offer of support. The brief's
 * example is "3 in 90 days"; forces weight severe incidents more, so by default the rule
 * adds up severity weights (an ordinary exposure weighs 1, so it reads as a count).
 *
 * The threshold is reached when any stated minimum is: `minWeight` alone is weight mode,
 * `minCount` alone is count mode, both is count-or-weight (whichever comes first).
 */
export interface ExposureThreshold {
  /** Must be one of the policy's windows, so the register shows the number judged. */
  readonly windowDays: number;
  readonly minCount: number | null;
  readonly minWeight: number | null;
}

export interface ExposurePolicy {
  /** Rolling windows the register reports, in London calendar days. */
  readonly windows: readonly number[];
  readonly threshold: ExposureThreshold;
}

/**
 * The brief's "3 in 90 days", or sooner when the exposures are severe: severity weights
 * adding up to 6 (two of the heaviest incident types) reach it too. One severe incident
 * alone is not *repeat* exposure; TRiM and ESTIP answer that.
 */
export const DEFAULT_EXPOSURE_POLICY: ExposurePolicy = {
  windows: [30, 90, 365],
  threshold: { windowDays: 90, minCount: 3, minWeight: 6 },
};

/** Whether a window's tally reaches the threshold (weights compared to 6 decimal places). */
export function reachesThreshold(threshold: ExposureThreshold, tally: { count: number; weightedSum: number }): boolean {
  const { minCount, minWeight } = threshold;
  return (minCount !== null && tally.count >= minCount) || (minWeight !== null && tally.weightedSum >= minWeight);
}

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 */
export function validateExposurePolicy(policy: ExposurePolicy): string[] {
  const p: Partial<Record<keyof ExposurePolicy, unknown>> = policy;
  const problems: string[] = [];
  const windows = Array.isArray(p.windows) ? (p.windows as unknown[]) : null;
  if (windows === null || windows.length === 0) {
    problems.push(`windows must be a non-empty list of days, got ${JSON.stringify(p.windows)}`);
  } else {
    windows.forEach((days, i) => {
      if (!isWholeAtLeast(days, 1))
        problems.push(`windows[${i}] must be a whole number of days ≥ 1, got ${JSON.stringify(days)}`);
      else if (windows.indexOf(days) !== i) problems.push(`windows[${i}] repeats ${days} days`);
    });
  }
  const threshold = (typeof p.threshold === 'object' && p.threshold !== null ? p.threshold : null) as Partial<
    Record<keyof ExposureThreshold, unknown>
  > | null;
  if (threshold === null) return [...problems, `threshold must be an object, got ${JSON.stringify(p.threshold)}`];
  const { windowDays, minCount, minWeight } = threshold;
  if (!isWholeAtLeast(windowDays, 1)) {
    problems.push(`threshold.windowDays must be a whole number of days ≥ 1, got ${JSON.stringify(windowDays)}`);
  } else if (windows !== null && !windows.includes(windowDays)) {
    problems.push(`threshold.windowDays (${windowDays}) must be one of the windows, so the register shows it`);
  }
  if (minCount !== null && !isWholeAtLeast(minCount, 1)) {
    problems.push(`threshold.minCount must be null or a whole number ≥ 1, got ${JSON.stringify(minCount)}`);
  }
  if (minWeight !== null && !(typeof minWeight === 'number' && Number.isFinite(minWeight) && minWeight > 0)) {
    problems.push(`threshold.minWeight must be null or a number > 0, got ${JSON.stringify(minWeight)}`);
  }
  if ((minCount ?? null) === null && (minWeight ?? null) === null) {
    problems.push('threshold needs minCount, minWeight or both: with neither, nobody ever reaches it');
  }
  return problems;
}

function isWholeAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
