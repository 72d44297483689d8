import {
  DEFAULT_STAY_POLICY,
  escalationLadder,
  followUpDueAt,
  interviewDueAt,
  validateStayPolicy,
  type StayPolicy,
} from './policy';
import { calendar } from './testing/stay-fixtures';
import { DEFAULT_STAY_THEMES, unknownTheme } from './themes';

const policy = DEFAULT_STAY_POLICY;
const at = (iso: string): Date => new Date(iso);

describe('stay-interview policy', () => {
  it('the interview is due by close of business 10 working days after the request', () => {
    expect(interviewDueAt(policy, calendar, at('2026-03-02T09:00:00Z'))).toEqual(at('2026-03-16T17:00:00Z'));
  });

  it('the follow-up is due 30 working days after the actions are agreed, bank holidays skipped', () => {
    expect(followUpDueAt(policy, calendar, at('2026-03-10T10:00:00Z'))).toEqual(at('2026-04-23T16:00:00Z'));
  });

  it('escalates to the retention team manager a working day after the due time, the head of wellbeing two', () => {
    // due Fri 13 Mar 17:00 → Mon 16 Mar, then Tue 17 Mar (the weekend does not count)
    expect(escalationLadder(policy, calendar, at('2026-03-13T17:00:00Z'))).toEqual([
      { at: at('2026-03-16T17:00:00Z'), notify: 'team_manager' },
      { at: at('2026-03-17T17:00:00Z'), notify: 'head_of_wellbeing' },
    ]);
  });

  it('the default themes are the leaving drivers HR reports by', () => {
    expect(DEFAULT_STAY_THEMES.map((theme) => theme.code)).toEqual([
      'pay',
      'development',
      'promotion',
      'workload',
      'flexibility',
      'culture',
      'management',
      'bullying_harassment_discrimination',
      'relocation',
      'personal',
    ]);
    expect(unknownTheme(DEFAULT_STAY_THEMES, ['pay', 'culture'])).toBeUndefined();
    expect(unknownTheme(DEFAULT_STAY_THEMES, ['pay', 'parking', 'canteen'])).toBe('parking');
  });

  describe('validation', () => {
    const check = (changes: Record<string, unknown>) =>
      validateStayPolicy({ ...policy, ...changes } as unknown as StayPolicy);

    it('the default policy is valid', () => {
      expect(validateStayPolicy(policy)).toEqual([]);
    });

    it('names every broken time limit by its path', () => {
      expect(check({ interview: { workingDays: -1 }, followUp: undefined })).toEqual([
        'interview.workingDays must be a whole number ≥ 0, got -1',
        'followUp must be exactly one of { workingDays }, { hours } or { duration }, got undefined',
      ]);
    });

    it('themes are a non-empty list of distinct lower_snake_case codes, each with a label', () => {
      expect(check({ themes: 'pay' })).toEqual(['themes must be a list of themes, got "pay"']);
      expect(check({ themes: [] })).toEqual(['themes must list at least one theme']);
      expect(
        check({
          themes: [
            { code: 'pay', label: 'Pay' },
            { code: 'pay', label: 'Salary' },
            { code: 'Shift Pattern', label: '' },
          ],
        }),
      ).toEqual([
        'themes[1].code repeats pay: each theme is listed once',
        'themes[2].code must be lower_snake_case, got "Shift Pattern"',
        'themes[2].label must be a non-empty text, got ""',
      ]);
    });

    it('checks the escalation ladder with the shared rules', () => {
      expect(check({ escalation: undefined })).toEqual(['escalation must be a list (it may be empty)']);
      expect(check({ escalation: [] })).toEqual([]);
    });
  });
});
