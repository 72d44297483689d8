import type { ExitEvent } from './events';
import type { SurveyAnswers } from './types';
import { ANSWERS, command, history, spec, T } from './testing/exit-fixtures';

const complete = (answers: SurveyAnswers) => command('CompleteExitSurvey', { answers }, T.surveyed);
const surveyCompleted = (answers: SurveyAnswers): ExitEvent => ({
  type: 'ExitSurveyCompleted',
  data: { questionnaireId: 'exit-survey-v1', answers, completedAt: T.surveyed },
});
const without = (id: keyof typeof ANSWERS): SurveyAnswers => {
  const { [id]: _left, ...rest } = ANSWERS;
  return rest;
};

describe('the exit survey', () => {
  it('stores the answers with the questionnaire they answer, in its order', () => {
    const { would_return, could_have_kept_you, ...required } = ANSWERS;
    spec
      .given(history.awaitingInterview())
      .when(complete({ could_have_kept_you, would_return, ...required }))
      .then([
        surveyCompleted(ANSWERS),
      ]);
  });

  it('optional questions may be left out, null or blank', () => {
    const { would_return: _r, could_have_kept_you: _c, ...required } = ANSWERS;
    spec
      .given(history.notified())
      .when(complete({ ...required, manager_support: null as never, could_have_kept_you: '  ' }))
      .then([
        surveyCompleted(required),
      ]);
  });

  it.each([
    ['an unknown question', { ...ANSWERS, colour: 'blue' }, 'EXIT.UNKNOWN_QUESTION', 'answers.colour'],
    ['a required question missing', without('felt_valued'), 'EXIT.ANSWER_REQUIRED', 'answers.felt_valued'],
    ['a scale answer of 6', { ...ANSWERS, overall_experience: 6 }, 'EXIT.INVALID_ANSWER', 'answers.overall_experience'],
    ['a scale answer of 2.5', { ...ANSWERS, felt_valued: 2.5 }, 'EXIT.INVALID_ANSWER', 'answers.felt_valued'],
    ['a scale answered as text', { ...ANSWERS, felt_valued: '3' }, 'EXIT.INVALID_ANSWER', 'answers.felt_valued'],
    ['yes/no as text', { ...ANSWERS, would_recommend: 'yes' }, 'EXIT.INVALID_ANSWER', 'answers.would_recommend'],
    ['text as a number', { ...ANSWERS, could_have_kept_you: 4 }, 'EXIT.INVALID_ANSWER', 'answers.could_have_kept_you'],
  ] as const)('refuses %s, naming the answer', (_label, answers, code, field) => {
    spec.given(history.notified()).when(complete(answers)).thenThrows(code, field);
  });

  it('a misspelt question is named as unknown, not as the missing one', () => {
    const { felt_valued, ...rest } = ANSWERS;
    spec
      .given(history.notified())
      .when(complete({ ...rest, felt_valud: felt_valued }))
      .thenThrows('EXIT.UNKNOWN_QUESTION', 'answers.felt_valud');
  });

  it('the person may decline it, and that stands', () => {
    spec
      .given(history.notified())
      .when(command('DeclineExitSurvey', { reason: null }, T.surveyed))
      .then([{ type: 'ExitSurveyDeclined', data: { reason: null, declinedAt: T.surveyed } }]);
    const declined = [
      ...history.notified(),
      { type: 'ExitSurveyDeclined' as const, data: { reason: null, declinedAt: T.surveyed } },
    ];
    spec.given(declined).when(complete(ANSWERS)).thenThrows('EXIT.SURVEY_DECLINED');
  });

  it('is completed once, while the exit is open', () => {
    spec.given(history.surveyed()).when(complete(ANSWERS)).thenThrows('EXIT.SURVEY_ALREADY_COMPLETED');
    spec
      .given(history.surveyed())
      .when(command('DeclineExitSurvey', { reason: 'Changed my mind' }, T.drivers))
      .thenThrows('EXIT.SURVEY_ALREADY_COMPLETED');
    spec.given(history.retained()).when(complete(ANSWERS)).thenThrows('EXIT.RETAINED');
  });
});
