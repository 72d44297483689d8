import {
  DEFAULT_TRIM_POLICY,
  escalationLadder,
  followUpAssessmentDueAt,
  initialAssessmentDueAt,
  isAtOrAboveThreshold,
  riskTotal,
  traumaBriefDueAt,
  validateTrimPolicy,
  type TrimPolicy,
} from './policy';
import { calendar, HIGH, scores } from './testing/trim-fixtures';
import { TRIM_RISK_ITEMS, TRIM_RISK_ITEM_KEYS } from './types';

const policy = DEFAULT_TRIM_POLICY;
const at = (iso: string): Date => new Date(iso);

describe('TRiM policy', () => {
  it('the trauma brief is due 24 elapsed hours after activation, weekend or not', () => {
    expect(traumaBriefDueAt(policy, calendar, at('2026-03-06T18:00:00Z'))).toEqual(at('2026-03-07T18:00:00Z'));
  });

  it('the initial assessment, aimed at 72 h after the incident, is late after 96 h', () => {
    expect(initialAssessmentDueAt(policy, calendar, at('2026-03-02T14:00:00Z'))).toEqual(at('2026-03-06T14:00:00Z'));
  });

  it('hours are elapsed time: a clock change does not lengthen them', () => {
    // Sat 28 Mar 12:00 GMT + 96 h crosses the spring-forward: Wed 1 Apr 12:00 UTC (13:00 BST)
    expect(initialAssessmentDueAt(policy, calendar, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-04-01T12:00:00Z'));
  });

  it('the follow-up is due 28 days after the incident plus five working days of grace', () => {
    // 2 Mar 14:00 → 30 Mar 14:00 UTC → five working days past Easter → 8 Apr 17:00 BST
    expect(followUpAssessmentDueAt(policy, calendar, at('2026-03-02T14:00:00Z'))).toEqual(at('2026-04-08T16:00:00Z'));
  });

  it('escalates to the TRiM coordinator a day after the due time, the head of wellbeing two working days after', () => {
    // due Fri 6 Mar 14:00 → Sat 7 Mar 14:00, then Tue 10 Mar 14:00 (the weekend does not count)
    expect(escalationLadder(policy, calendar, at('2026-03-06T14:00:00Z'))).toEqual([
      { at: at('2026-03-07T14:00:00Z'), notify: 'team_manager' },
      { at: at('2026-03-10T14:00:00Z'), notify: 'head_of_wellbeing' },
    ]);
  });

  describe('risk scoring', () => {
    it('there are ten risk items, each with a stable key and a plain-English label', () => {
      expect(TRIM_RISK_ITEMS).toHaveLength(10);
      expect(new Set(TRIM_RISK_ITEM_KEYS).size).toBe(10);
      for (const item of TRIM_RISK_ITEMS) expect(item.label).toMatch(/^[A-Z][a-z]/);
    });

    it('the total is one point per item present', () => {
      expect(riskTotal(scores())).toBe(0);
      expect(riskTotal(HIGH)).toBe(3);
      expect(riskTotal(scores(...TRIM_RISK_ITEM_KEYS))).toBe(10);
    });

    it('a total at the threshold is higher risk; one below it is not', () => {
      expect(isAtOrAboveThreshold(policy, 3)).toBe(true);
      expect(isAtOrAboveThreshold(policy, 2)).toBe(false);
      expect(isAtOrAboveThreshold({ ...policy, riskThreshold: 4 }, 3)).toBe(false);
    });
  });

  describe('validation', () => {
    it('the default policy is valid', () => {
      expect(validateTrimPolicy(policy)).toEqual([]);
    });

    it.each([0, 11, 2.5, '3', undefined])('a risk threshold of %p is refused', (riskThreshold) => {
      expect(validateTrimPolicy({ ...policy, riskThreshold } as unknown as TrimPolicy)).toEqual([
        `riskThreshold must be a whole number from 1 to 10, got ${JSON.stringify(riskThreshold)}`,
      ]);
    });

    it('names every broken time limit by its path', () => {
      const broken = {
        ...policy,
        traumaBrief: { hours: -1 },
        initialAssessment: { hours: 96, workingDays: 3 },
        followUpAssessment: { due: { duration: 'P' }, grace: { workingDays: 1.5 } },
      } as unknown as TrimPolicy;
      expect(validateTrimPolicy(broken)).toEqual([
        'traumaBrief.hours must be a number ≥ 0, got -1',
        'initialAssessment must be exactly one of { workingDays }, { hours } or { duration }, ' +
          'got {"hours":96,"workingDays":3}',
        'followUpAssessment.due.duration must be a non-negative ISO 8601 duration such as "P28D", got "P"',
        'followUpAssessment.grace.workingDays must be a whole number ≥ 0, got 1.5',
      ]);
      expect(validateTrimPolicy({ ...policy, followUpAssessment: undefined } as unknown as TrimPolicy)).toEqual([
        'followUpAssessment.due must be exactly one of { workingDays }, { hours } or { duration }, got undefined',
        'followUpAssessment.grace must be exactly one of { workingDays }, { hours } or { duration }, got undefined',
      ]);
    });

    it('checks the escalation ladder: known targets, none twice, at most five rungs', () => {
      const ladder = (escalation: unknown) => validateTrimPolicy({ ...policy, escalation } as unknown as TrimPolicy);
      expect(ladder(undefined)).toEqual(['escalation must be a list (it may be empty)']);
      expect(ladder([])).toEqual([]);
      expect(ladder([{ after: { hours: 1 }, notify: 'owner' }])).toEqual([
        'escalation[0].notify must be one of team_manager, head_of_wellbeing, got "owner"',
      ]);
      expect(
        ladder([
          { after: { hours: 1 }, notify: 'team_manager' },
          { after: { hours: 2 }, notify: 'team_manager' },
        ]),
      ).toEqual(['escalation[1].notify repeats team_manager: each rung notifies someone new']);
      expect(ladder(Array.from({ length: 6 }, () => ({ after: { hours: 1 }, notify: 'nobody' })))).toContain(
        'escalation has 6 rungs; at most 5 are supported',
      );
    });
  });
});
