import {
  DEFAULT_ESTIP_POLICY,
  defusionDueAt,
  demobilisationDueAt,
  escalationLadder,
  trimPlanningDueAt,
  validateEstipPolicy,
  type EstipPolicy,
} from './estip-policy';
import { calendar } from './testing/incident-fixtures';

const policy = DEFAULT_ESTIP_POLICY;
const at = (iso: string): Date => new Date(iso);

describe('ESTIP deadline policy', () => {
  it('a demobilisation is due the same day: within 12 hours of the incident, night or weekend', () => {
    // Sat 7 Mar 2026 22:00 → Sun 8 Mar 10:00: people are demobilised before they go home
    expect(demobilisationDueAt(policy, calendar, at('2026-03-07T22:00:00Z'))).toEqual(at('2026-03-08T10:00:00Z'));
  });

  it('a defusion is due within 72 hours of the incident, weekends included', () => {
    expect(defusionDueAt(policy, calendar, at('2026-03-06T15:00:00Z'))).toEqual(at('2026-03-09T15:00:00Z'));
  });

  it('the TRiM planning meeting is due 48 hours after the incident, as elapsed time across a clock change', () => {
    // Sat 28 Mar 2026 12:00 GMT → Mon 30 Mar 12:00 UTC (13:00 BST)
    expect(trimPlanningDueAt(policy, calendar, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-30T12:00:00Z'));
  });

  it('a force may time a stage in working days instead', () => {
    const workingDays: EstipPolicy = { ...policy, defusion: { workingDays: 3 } };
    // Fri 6 Mar 15:00 → close of business Wed 11 Mar
    expect(defusionDueAt(workingDays, calendar, at('2026-03-06T15:00:00Z'))).toEqual(at('2026-03-11T17:00:00Z'));
  });

  describe('escalation ladder', () => {
    it('tells the team manager one working day after the due time and the head of wellbeing two', () => {
      // due Fri 6 Mar 03:00 → Mon 9 Mar 03:00, then Tue 10 Mar 03:00
      expect(escalationLadder(policy, calendar, at('2026-03-06T03:00:00Z'))).toEqual([
        { at: at('2026-03-09T03:00:00Z'), notify: 'team_manager' },
        { at: at('2026-03-10T03:00:00Z'), notify: 'head_of_wellbeing' },
      ]);
    });

    it('measures rungs in hours as elapsed time from the due time', () => {
      const hourly: EstipPolicy = { ...policy, escalation: [{ after: { hours: 6 }, notify: 'team_manager' }] };
      expect(escalationLadder(hourly, calendar, at('2026-03-06T03:00:00Z'))).toEqual([
        { at: at('2026-03-06T09:00:00Z'), notify: 'team_manager' },
      ]);
    });
  });

  describe('validation', () => {
    it('accepts the default policy, an empty ladder and ISO durations', () => {
      expect(validateEstipPolicy(policy)).toEqual([]);
      expect(validateEstipPolicy({ ...policy, escalation: [], defusion: { duration: 'PT72H' } })).toEqual([]);
    });

    it('lists every problem, naming where it is', () => {
      const broken = {
        demobilisation: { hours: -1 },
        defusion: { workingDays: 1.5 },
        trimPlanning: { hours: 48, workingDays: 2 },
        escalation: [
          { after: { duration: 'one day' }, notify: 'team_manager' },
          { after: { workingDays: 2 }, notify: 'team_manager' },
          { after: { workingDays: 3 }, notify: 'chief_constable' },
        ],
      } as unknown as EstipPolicy;
      expect(validateEstipPolicy(broken)).toEqual([
        'demobilisation.hours must be a number ≥ 0, got -1',
        'defusion.workingDays must be a whole number ≥ 0, got 1.5',
        'trimPlanning must be exactly one of { workingDays }, { hours } or { duration }, got {"hours":48,"workingDays":2}',
        'escalation[0].after.duration must be a non-negative ISO 8601 duration such as "PT72H", got "one day"',
        'escalation[1].notify repeats team_manager: each rung notifies someone new',
        'escalation[2].notify must be one of team_manager, head_of_wellbeing, got "chief_constable"',
      ]);
    });

    it('rejects a missing stage, a missing ladder and a ladder longer than the timers support', () => {
      const rung = { after: { workingDays: 1 }, notify: 'team_manager' } as const;
      expect(validateEstipPolicy({ ...policy, demobilisation: undefined } as unknown as EstipPolicy)).toEqual([
        'demobilisation must be exactly one of { workingDays }, { hours } or { duration }, got undefined',
      ]);
      expect(validateEstipPolicy({ ...policy, escalation: undefined } as unknown as EstipPolicy)).toEqual([
        'escalation must be a list (it may be empty)',
      ]);
      expect(validateEstipPolicy({ ...policy, escalation: Array(6).fill(rung) })).toContain(
        'escalation has 6 rungs; at most 5 are supported',
      );
    });
  });
});
