import {
  DEFAULT_SURVEILLANCE_POLICY,
  firstScreeningDueAt,
  nextScreeningDueAt,
  providerAllowed,
  screeningOverdueAt,
  surveillanceEscalationLadder,
  validateSurveillancePolicy,
  type SurveillancePolicy,
} from './surveillance-policy';
import { calendar } from './testing/surveillance-fixtures';

const policy = DEFAULT_SURVEILLANCE_POLICY;
const at = (iso: string): Date => new Date(iso);

describe('surveillance policy', () => {
  it('level 1 is screened every six months; levels 2 and 3 every year', () => {
    const done = at('2026-03-10T10:00:00Z');
    expect(nextScreeningDueAt(policy, calendar, 1, done)).toEqual(at('2026-09-10T10:00:00Z'));
    expect(nextScreeningDueAt(policy, calendar, 2, done)).toEqual(at('2027-03-10T10:00:00Z'));
    expect(nextScreeningDueAt(policy, calendar, 3, done)).toEqual(at('2027-03-10T10:00:00Z'));
  });

  it('level 1 takes a baseline on enrolment; levels 2 and 3 are first screened a year in', () => {
    const enrolled = at('2026-03-02T09:00:00Z');
    expect(firstScreeningDueAt(policy, calendar, 1, enrolled)).toEqual(enrolled);
    expect(firstScreeningDueAt(policy, calendar, 2, enrolled)).toEqual(at('2027-03-02T09:00:00Z'));
    expect(firstScreeningDueAt(policy, calendar, 3, enrolled)).toEqual(at('2027-03-02T09:00:00Z'));
  });

  it('six months from the end of August is the end of February', () => {
    expect(nextScreeningDueAt(policy, calendar, 1, at('2026-08-31T10:00:00Z'))).toEqual(at('2027-02-28T10:00:00Z'));
  });

  it('a screening is overdue at close of business ten working days after its due date', () => {
    expect(screeningOverdueAt(policy, calendar, at('2026-03-02T09:00:00Z'))).toEqual(at('2026-03-16T17:00:00Z'));
    // Thu 10 Sep 2026 11:00 BST → Thu 24 Sep 17:00 BST
    expect(screeningOverdueAt(policy, calendar, at('2026-09-10T10:00:00Z'))).toEqual(at('2026-09-24T16:00:00Z'));
  });

  it('an overdue screening goes to the team manager after five working days and the head of wellbeing after ten', () => {
    expect(surveillanceEscalationLadder(policy, calendar, at('2026-03-16T17:00:00Z'))).toEqual([
      { at: at('2026-03-23T17:00:00Z'), notify: 'team_manager' },
      { at: at('2026-03-30T16:00:00Z'), notify: 'head_of_wellbeing' },
    ]);
  });

  it('level 2 is screened by an external provider, level 3 by the internal questionnaire, level 1 by either', () => {
    expect([providerAllowed(policy, 1, 'internal'), providerAllowed(policy, 1, 'external')]).toEqual([true, true]);
    expect([providerAllowed(policy, 2, 'internal'), providerAllowed(policy, 2, 'external')]).toEqual([false, true]);
    expect([providerAllowed(policy, 3, 'internal'), providerAllowed(policy, 3, 'external')]).toEqual([true, false]);
  });

  describe('validation', () => {
    it('accepts the default, a zero grace period and an empty ladder', () => {
      expect(validateSurveillancePolicy(policy)).toEqual([]);
      expect(validateSurveillancePolicy({ ...policy, grace: { duration: 'P0D' }, escalation: [] })).toEqual([]);
    });

    it('lists every problem, naming where it is', () => {
      const broken = {
        levels: {
          1: { interval: { duration: 'P0D' }, firstScreening: 'soon', providers: ['external'] },
          2: { interval: { workingDays: 0 }, firstScreening: 'after_interval', providers: [] },
        },
        grace: { days: 10 },
        escalation: [{ after: { workingDays: 5 }, notify: 'owner' }],
      } as unknown as SurveillancePolicy;
      expect(validateSurveillancePolicy(broken)).toEqual([
        'levels.1.interval.duration must be a positive ISO 8601 duration such as "P6M", got "P0D"',
        'levels.1.firstScreening must be on_enrolment or after_interval, got "soon"',
        'levels.2.interval.workingDays must be a whole number ≥ 1, got 0',
        'levels.2.providers must be a non-empty list of internal, external, got []',
        'levels.3 is missing: every screening level needs an interval, a first screening and providers',
        'grace must be exactly one of { workingDays }, { hours } or { duration }, got {"days":10}',
        'escalation[0].notify must be one of team_manager, head_of_wellbeing, got "owner"',
      ]);
    });

    it('refuses an unknown provider, a zero-hour interval and a missing ladder', () => {
      const levels = {
        ...policy.levels,
        1: { ...policy.levels[1], interval: { hours: 0 }, providers: ['gp'] },
      } as unknown as SurveillancePolicy['levels'];
      expect(
        validateSurveillancePolicy({ ...policy, levels, escalation: undefined } as unknown as SurveillancePolicy),
      ).toEqual([
        'levels.1.interval.hours must be a number > 0, got 0',
        'levels.1.providers must be a non-empty list of internal, external, got ["gp"]',
        'escalation must be a list (it may be empty)',
      ]);
    });
  });
});
