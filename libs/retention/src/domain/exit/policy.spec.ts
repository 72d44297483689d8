import {
  DEFAULT_EXIT_POLICY,
  escalationLadder,
  exitInterviewDueAt,
  validateExitPolicy,
  type ExitPolicy,
} from './policy';
import { calendar } from './testing/exit-fixtures';
import { DEFAULT_EXIT_DRIVERS } from './types';

const policy = DEFAULT_EXIT_POLICY;
const at = (iso: string): Date => new Date(iso);
const broken = (changes: Record<string, unknown>) =>
  validateExitPolicy({ ...policy, ...changes } as unknown as ExitPolicy);

describe('exit policy', () => {
  it('the interview is due at the start of the leaving date, on London clocks', () => {
    expect(exitInterviewDueAt(policy, calendar, '2026-03-27')).toEqual(at('2026-03-27T00:00:00Z'));
    expect(exitInterviewDueAt(policy, calendar, '2026-06-30')).toEqual(at('2026-06-29T23:00:00Z')); // BST
  });

  it('a force may want it some days earlier', () => {
    const earlier = { ...policy, interviewDueDaysBeforeLeaving: 5 };
    expect(exitInterviewDueAt(earlier, calendar, '2026-04-02')).toEqual(at('2026-03-28T00:00:00Z'));
  });

  it('escalates to the retention team manager a working day after, the head of wellbeing two', () => {
    // Fri 27 Mar 00:00 GMT → Mon 30 Mar 00:00 BST, Tue 31 Mar 00:00 BST
    expect(escalationLadder(policy, calendar, at('2026-03-27T00:00:00Z'))).toEqual([
      { at: at('2026-03-29T23:00:00Z'), notify: 'team_manager' },
      { at: at('2026-03-30T23:00:00Z'), notify: 'head_of_wellbeing' },
    ]);
  });

  it('records drivers from the default taxonomy unless a force sets its own', () => {
    expect(policy.drivers).toEqual(DEFAULT_EXIT_DRIVERS);
    expect(DEFAULT_EXIT_DRIVERS).toContain('bullying_harassment_discrimination');
  });

  describe('validation', () => {
    it('the default policy is valid', () => {
      expect(validateExitPolicy(policy)).toEqual([]);
    });

    it.each([-1, 1.5, '0', undefined])('a lead of %p days is refused', (days) => {
      expect(broken({ interviewDueDaysBeforeLeaving: days })).toEqual([
        `interviewDueDaysBeforeLeaving must be a whole number ≥ 0, got ${JSON.stringify(days)}`,
      ]);
    });

    it('checks the escalation ladder with the shared rules', () => {
      expect(broken({ escalation: undefined })).toEqual(['escalation must be a list (it may be empty)']);
      expect(broken({ escalation: [] })).toEqual([]);
    });

    it('names every problem with the questionnaire by its path', () => {
      expect(broken({ questionnaire: { id: '', questions: [] } })).toEqual([
        'questionnaire.id must be a non-empty text, got ""',
        'questionnaire.questions must be a non-empty list',
      ]);
      const questions = [
        { id: 'pay', text: 'Pay?', type: 'scale', required: true },
        { id: 'pay', text: ' ', type: 'stars', required: 'yes' },
        { id: 'Bad Id', text: 'Why?', type: 'text', required: false },
      ];
      expect(broken({ questionnaire: { id: 'q1', questions } })).toEqual([
        'questionnaire.questions[1].id repeats pay: each question has its own id',
        'questionnaire.questions[1].text must be non-empty',
        'questionnaire.questions[1].type must be one of scale, yesno, text, got "stars"',
        'questionnaire.questions[1].required must be true or false, got "yes"',
        'questionnaire.questions[2].id must be a code such as "felt_valued", got "Bad Id"',
      ]);
    });

    it('the driver taxonomy is a non-empty list of distinct codes', () => {
      expect(broken({ drivers: [] })).toEqual(['drivers must be a non-empty list of codes']);
      expect(broken({ drivers: ['pay', 'Pay rise', 'pay'] })).toEqual([
        'drivers[1] must be a code such as "workload", got "Pay rise"',
        'drivers[2] repeats pay',
      ]);
    });
  });
});
