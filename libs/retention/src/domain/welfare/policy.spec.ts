import {
  DEFAULT_WELFARE_POLICY,
  escalationLadder,
  firstReportDueAt,
  homeVisitDueAt,
  nextContactDueAt,
  nextReportDueAt,
  validateWelfarePolicy,
  type WelfarePolicy,
} from './policy';
import { calendar } from './testing/welfare-fixtures';

const policy = DEFAULT_WELFARE_POLICY;
const at = (iso: string): Date => new Date(iso);

describe('welfare liaison policy', () => {
  it('contact is due every 14 elapsed days, every 7 on sick leave, bank holidays or not', () => {
    expect(nextContactDueAt(policy, calendar, at('2026-03-27T10:00:00Z'), false)).toEqual(at('2026-04-10T10:00:00Z'));
    expect(nextContactDueAt(policy, calendar, at('2026-03-27T10:00:00Z'), true)).toEqual(at('2026-04-03T10:00:00Z'));
  });

  it('a home visit is due within 5 working days of sickness absence beginning', () => {
    // Wed 1 Apr: Good Friday and Easter Monday do not count → Fri 10 Apr 17:00 BST
    expect(homeVisitDueAt(policy, calendar, at('2026-04-01T09:00:00Z'))).toEqual(at('2026-04-10T16:00:00Z'));
  });

  it('the first progress report is due 12 months after the investigation started, later ones 6 months apart', () => {
    expect(firstReportDueAt(policy, calendar, at('2026-03-02T09:00:00Z'))).toEqual(at('2027-03-02T09:00:00Z'));
    expect(nextReportDueAt(policy, calendar, at('2027-08-31T09:00:00Z'))).toEqual(at('2028-02-29T09:00:00Z'));
  });

  it('escalates to the welfare coordinator a working day after the due time, the head of wellbeing two', () => {
    // due Fri 6 Mar 14:00 → Mon 9 Mar 14:00, then Tue 10 Mar 14:00
    expect(escalationLadder(policy, calendar, at('2026-03-06T14:00:00Z'))).toEqual([
      { at: at('2026-03-09T14:00:00Z'), notify: 'team_manager' },
      { at: at('2026-03-10T14:00:00Z'), notify: 'head_of_wellbeing' },
    ]);
  });

  describe('validating a force’s policy', () => {
    it('the defaults are valid', () => {
      expect(validateWelfarePolicy(policy)).toEqual([]);
    });

    it('reports every problem, in words an administrator can act on', () => {
      const broken = {
        contactCadence: { normal: { duration: 'P0D' } },
        homeVisit: { workingDays: -1 },
        firstReport: { months: 12 },
        subsequentReports: { duration: 'P6M' },
        escalation: [{ after: { hours: 4 }, notify: 'chief_constable' }],
      } as unknown as WelfarePolicy;
      expect(validateWelfarePolicy(broken)).toEqual([
        'contactCadence.normal.duration must be a positive ISO 8601 duration such as "P14D", got "P0D"',
        'contactCadence.sickLeave must be exactly one of { workingDays }, { hours } or { duration }, got undefined',
        'homeVisit.workingDays must be a whole number ≥ 0, got -1',
        'firstReport must be exactly one of { workingDays }, { hours } or { duration }, got {"months":12}',
        'escalation[0].notify must be one of team_manager, head_of_wellbeing, got "chief_constable"',
      ]);
    });

    it('a policy that is not even an object is reported, not thrown', () => {
      expect(validateWelfarePolicy({} as WelfarePolicy)).toHaveLength(6);
    });
  });
});
