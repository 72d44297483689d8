import {
  DEFAULT_REFERRAL_POLICY,
  escalationLadder,
  firstAppointmentDueAt,
  outcomeReportDueAt,
  triageDueAt,
  validateReferralPolicy,
  type ReferralDeadlinePolicy,
} from './deadline-policy';
import { calendar } from './testing/referral-fixtures';

const policy = DEFAULT_REFERRAL_POLICY;
const at = (iso: string): Date => new Date(iso);

describe('referral deadline policy', () => {
  describe('triage', () => {
    it('a routine referral is due for triage by close of business two working days after submission', () => {
      // Mon 2 Mar 2026 09:00 → Wed 4 Mar 17:00 (GMT)
      expect(triageDueAt(policy, calendar, 'routine', at('2026-03-02T09:00:00Z'))).toEqual(at('2026-03-04T17:00:00Z'));
    });

    it('an urgent referral is due for triage by close of business the next working day', () => {
      expect(triageDueAt(policy, calendar, 'urgent', at('2026-03-02T09:00:00Z'))).toEqual(at('2026-03-03T17:00:00Z'));
    });

    it('a referral arriving after close of business on a Friday starts its clock on Monday', () => {
      expect(triageDueAt(policy, calendar, 'urgent', at('2026-03-06T18:30:00Z'))).toEqual(at('2026-03-10T17:00:00Z'));
    });

    it('bank holidays are not working days, and close of business is 17:00 on London clocks', () => {
      // Thu 2 Apr 2026 (BST); Good Friday 3 Apr and Easter Monday 6 Apr are off → Wed 8 Apr 17:00 BST
      expect(triageDueAt(policy, calendar, 'routine', at('2026-04-02T09:00:00Z'))).toEqual(at('2026-04-08T16:00:00Z'));
    });
  });

  describe('first appointment', () => {
    it('a routine referral must be offered an appointment within ten working days of submission', () => {
      expect(firstAppointmentDueAt(policy, calendar, 'routine', at('2026-03-02T09:00:00Z'))).toEqual(
        at('2026-03-16T17:00:00Z'),
      );
    });

    it('an urgent referral must be offered an appointment within three working days', () => {
      expect(firstAppointmentDueAt(policy, calendar, 'urgent', at('2026-03-02T09:00:00Z'))).toEqual(
        at('2026-03-05T17:00:00Z'),
      );
    });
  });

  it('the outcome report is due two working days after the assessment', () => {
    expect(outcomeReportDueAt(policy, calendar, at('2026-03-10T15:00:00Z'))).toEqual(at('2026-03-12T17:00:00Z'));
  });

  describe('escalation ladder', () => {
    it('tells the team manager one working day after the due time and the head of wellbeing two', () => {
      // due Thu 12 Mar 17:00 → Fri 13 Mar 17:00, then Mon 16 Mar 17:00 (the weekend does not count)
      expect(escalationLadder(policy, calendar, at('2026-03-12T17:00:00Z'))).toEqual([
        { at: at('2026-03-13T17:00:00Z'), notify: 'team_manager' },
        { at: at('2026-03-16T17:00:00Z'), notify: 'head_of_wellbeing' },
      ]);
    });

    it('measures rungs in hours as elapsed time from the due time', () => {
      const hourly: ReferralDeadlinePolicy = {
        ...policy,
        escalation: [{ after: { hours: 4 }, notify: 'team_manager' }],
      };
      expect(escalationLadder(hourly, calendar, at('2026-03-12T17:00:00Z'))).toEqual([
        { at: at('2026-03-12T21:00:00Z'), notify: 'team_manager' },
      ]);
    });

    it('may be empty, leaving only the owner to be told', () => {
      expect(escalationLadder({ ...policy, escalation: [] }, calendar, at('2026-03-12T17:00:00Z'))).toEqual([]);
    });
  });

  describe('validation', () => {
    it('accepts the default policy and an empty ladder', () => {
      expect(validateReferralPolicy(policy)).toEqual([]);
      expect(validateReferralPolicy({ ...policy, escalation: [] })).toEqual([]);
      expect(validateReferralPolicy({ ...policy, outcomeReport: { duration: 'P2D' } })).toEqual([]);
    });

    it('lists every problem, naming where it is', () => {
      const broken = {
        triage: { routine: { workingDays: -1 }, urgent: { workingDays: 0.5 } },
        firstAppointment: { routine: { hours: -3 }, urgent: { workingDays: 3, hours: 2 } },
        outcomeReport: { duration: 'two days' },
        escalation: [
          { after: { workingDays: 1 }, notify: 'team_manager' },
          { after: { workingDays: 2 }, notify: 'team_manager' },
          { after: { workingDays: 3 }, notify: 'chief_constable' },
        ],
        maxDidNotAttend: 0,
      } as unknown as ReferralDeadlinePolicy;
      expect(validateReferralPolicy(broken)).toEqual([
        'triage.routine.workingDays must be a whole number ≥ 0, got -1',
        'triage.urgent.workingDays must be a whole number ≥ 0, got 0.5',
        'firstAppointment.routine.hours must be a number ≥ 0, got -3',
        'firstAppointment.urgent must be exactly one of { workingDays }, { hours } or { duration }, got {"workingDays":3,"hours":2}',
        'outcomeReport.duration must be a non-negative ISO 8601 duration such as "P28D", got "two days"',
        'escalation[1].notify repeats team_manager: each rung notifies someone new',
        'escalation[2].notify must be one of team_manager, head_of_wellbeing, got "chief_constable"',
        'maxDidNotAttend must be a whole number ≥ 1, got 0',
      ]);
    });

    it('rejects a missing ladder, a negative duration and a ladder longer than the timers support', () => {
      const rung = { after: { workingDays: 1 }, notify: 'team_manager' } as const;
      expect(validateReferralPolicy({ ...policy, escalation: undefined } as unknown as ReferralDeadlinePolicy)).toEqual(
        ['escalation must be a list (it may be empty)'],
      );
      expect(validateReferralPolicy({ ...policy, outcomeReport: { duration: '-P1D' } })).toHaveLength(1);
      expect(validateReferralPolicy({ ...policy, escalation: Array(6).fill(rung) })).toContain(
        'escalation has 6 rungs; at most 5 are supported',
      );
    });
  });
});
