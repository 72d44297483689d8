import {
  DEFAULT_EXPOSURE_POLICY,
  reachesThreshold,
  validateExposurePolicy,
  type ExposurePolicy,
} from './exposure-policy';

const policy = DEFAULT_EXPOSURE_POLICY;

describe('repeat-exposure policy', () => {
  it('by default, 3 exposures within 90 days reach the threshold, or fewer severe ones weighing 6', () => {
    expect(policy.threshold).toEqual({ windowDays: 90, minCount: 3, minWeight: 6 });
    expect(reachesThreshold(policy.threshold, { count: 2, weightedSum: 5.999999 })).toBe(false);
    expect(reachesThreshold(policy.threshold, { count: 3, weightedSum: 3 })).toBe(true);
    expect(reachesThreshold(policy.threshold, { count: 2, weightedSum: 6 })).toBe(true);
    expect(reachesThreshold(policy.threshold, { count: 1, weightedSum: 3 })).toBe(false);
  });

  it('count-or-weight mode is reached by whichever comes first', () => {
    const either = { windowDays: 90, minCount: 3, minWeight: 4 };
    expect(reachesThreshold(either, { count: 3, weightedSum: 1.5 })).toBe(true);
    expect(reachesThreshold(either, { count: 2, weightedSum: 4 })).toBe(true);
    expect(reachesThreshold(either, { count: 2, weightedSum: 3.5 })).toBe(false);
  });

  describe('validation', () => {
    it('accepts the default and the count and count-or-weight modes', () => {
      expect(validateExposurePolicy(policy)).toEqual([]);
      expect(
        validateExposurePolicy({ ...policy, threshold: { windowDays: 30, minCount: 3, minWeight: null } }),
      ).toEqual([]);
      expect(
        validateExposurePolicy({ ...policy, threshold: { windowDays: 365, minCount: 5, minWeight: 6.5 } }),
      ).toEqual([]);
    });

    it('lists every problem, naming where it is', () => {
      const broken = {
        windows: [30, 0, 30, 'ninety'],
        threshold: { windowDays: 60, minCount: 2.5, minWeight: -1 },
      } as unknown as ExposurePolicy;
      expect(validateExposurePolicy(broken)).toEqual([
        'windows[1] must be a whole number of days ≥ 1, got 0',
        'windows[2] repeats 30 days',
        'windows[3] must be a whole number of days ≥ 1, got "ninety"',
        'threshold.windowDays (60) must be one of the windows, so the register shows it',
        'threshold.minCount must be null or a whole number ≥ 1, got 2.5',
        'threshold.minWeight must be null or a number > 0, got -1',
      ]);
    });

    it('refuses a threshold nobody can reach, and a missing list or threshold', () => {
      expect(
        validateExposurePolicy({ ...policy, threshold: { windowDays: 90, minCount: null, minWeight: null } }),
      ).toEqual(['threshold needs minCount, minWeight or both: with neither, nobody ever reaches it']);
      expect(validateExposurePolicy({ windows: [] } as unknown as ExposurePolicy)).toEqual([
        'windows must be a non-empty list of days, got []',
        'threshold must be an object, got undefined',
      ]);
      expect(validateExposurePolicy({ ...policy, threshold: { ...policy.threshold, windowDays: 0 } })).toEqual([
        'threshold.windowDays must be a whole number of days ≥ 1, got 0',
      ]);
    });
  });
});
