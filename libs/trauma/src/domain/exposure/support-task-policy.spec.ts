import {
  DEFAULT_SUPPORT_TASK_POLICY,
  firstContactDueAt,
  supportTaskEscalationLadder,
  validateSupportTaskPolicy,
  type SupportTaskPolicy,
} from './support-task-policy';
import { calendar } from './testing/support-task-fixtures';

const policy = DEFAULT_SUPPORT_TASK_POLICY;
const at = (iso: string): Date => new Date(iso);

describe('support-task deadline policy', () => {
  it('a coordinator must reach the person by close of business two working days after the task is raised', () => {
    expect(firstContactDueAt(policy, calendar, at('2026-03-02T09:00:00Z'))).toEqual(at('2026-03-04T17:00:00Z'));
  });

  it('a task raised after close on a Friday starts its clock on Monday; bank holidays do not count', () => {
    expect(firstContactDueAt(policy, calendar, at('2026-03-06T18:00:00Z'))).toEqual(at('2026-03-11T17:00:00Z'));
    // Thu 2 Apr 2026 (BST): Good Friday and Easter Monday off → Wed 8 Apr 17:00 BST
    expect(firstContactDueAt(policy, calendar, at('2026-04-02T09:00:00Z'))).toEqual(at('2026-04-08T16:00:00Z'));
  });

  it('escalates to the team manager a working day after the due time, and to the head of wellbeing two', () => {
    expect(supportTaskEscalationLadder(policy, calendar, at('2026-03-06T17:00:00Z'))).toEqual([
      { at: at('2026-03-09T17:00:00Z'), notify: 'team_manager' },
      { at: at('2026-03-10T17:00:00Z'), notify: 'head_of_wellbeing' },
    ]);
  });

  describe('validation', () => {
    it('accepts the default, an hours limit and an empty ladder', () => {
      expect(validateSupportTaskPolicy(policy)).toEqual([]);
      expect(validateSupportTaskPolicy({ firstContact: { hours: 24 }, escalation: [] })).toEqual([]);
    });

    it('lists every problem, naming where it is', () => {
      const broken = {
        firstContact: { workingDays: 2, hours: 4 },
        escalation: [
          { after: { duration: 'soon' }, notify: 'team_manager' },
          { after: { workingDays: 1 }, notify: 'team_manager' },
          { after: { workingDays: 1 }, notify: 'chief_constable' },
        ],
      } as unknown as SupportTaskPolicy;
      expect(validateSupportTaskPolicy(broken)).toEqual([
        'firstContact must be exactly one of { workingDays }, { hours } or { duration }, got {"workingDays":2,"hours":4}',
        'escalation[0].after.duration must be a non-negative ISO 8601 duration such as "P6M", got "soon"',
        'escalation[1].notify repeats team_manager: each rung notifies someone new',
        'escalation[2].notify must be one of team_manager, head_of_wellbeing, got "chief_constable"',
      ]);
    });

    it('refuses a missing ladder and one longer than the timers support', () => {
      const rung = { after: { workingDays: 1 }, notify: 'team_manager' } as const;
      expect(validateSupportTaskPolicy({ firstContact: { workingDays: 2 } } as SupportTaskPolicy)).toEqual([
        'escalation must be a list (it may be empty)',
      ]);
      expect(validateSupportTaskPolicy({ ...policy, escalation: Array(6).fill(rung) })).toContain(
        'escalation has 6 rungs; at most 5 are supported',
      );
    });
  });
});
