import type { CompleteExitSurvey, DeclineExitSurvey } from '../commands';
import { conflict, invalid } from '../errors';
import type { ExitEvent } from '../events';
import type { ExitQuestion, ExitQuestionnaire } from '../policy';
import type { ExitState, OpenExit } from '../state';
import type { SurveyAnswer, SurveyAnswers } from '../types';
import type { ExitDeciderDeps } from './deadlines';
import { optionalText, requireOpen } from './guards';

/**
 * The survey stands on its own: the person may fill it in before or after the interview,
 * or decline it, once, while the exit is open. Answers are checked against the force's
 * questionnaire, whose id the event keeps.
 */
export function completeSurvey(command: CompleteExitSurvey, state: ExitState, deps: ExitDeciderDeps): ExitEvent[] {
  requireSurveyAhead(requireOpen(state));
  const { questionnaire } = deps.policy;
  const answers = checkAnswers(questionnaire, command.data.answers);
  return [
    {
      type: 'ExitSurveyCompleted',
      data: { questionnaireId: questionnaire.id, answers, completedAt: command.now.toISOString() },
    },
  ];
}

export function declineSurvey(command: DeclineExitSurvey, state: ExitState): ExitEvent[] {
  requireSurveyAhead(requireOpen(state));
  return [
    {
      type: 'ExitSurveyDeclined',
      data: { reason: optionalText(command.data.reason), declinedAt: command.now.toISOString() },
    },
  ];
}

function requireSurveyAhead(exit: OpenExit): void {
  if (exit.survey?.outcome === 'completed') {
    throw conflict('EXIT.SURVEY_ALREADY_COMPLETED', 'The exit survey has already been completed');
  }
  if (exit.survey?.outcome === 'declined') {
    throw conflict('EXIT.SURVEY_DECLINED', 'The person declined the exit survey; their decision stands');
  }
}

/**
 * The answers the questionnaire asks for, in its order. An unknown question is reported
 * before a missing one: a misspelt id is both, and naming the misspelling is what helps.
 * A blank text or a null answer is "not answered".
 */
export function checkAnswers(questionnaire: ExitQuestionnaire, answers: SurveyAnswers): SurveyAnswers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw invalid('EXIT.FIELD_REQUIRED', 'Give the survey answers by question id', 'answers');
  }
  const ids = questionnaire.questions.map((question) => question.id);
  const unknown = Object.keys(answers).find((id) => !ids.includes(id));
  if (unknown !== undefined) {
    throw invalid('EXIT.UNKNOWN_QUESTION', `${unknown} is not a question of this survey`, `answers.${unknown}`);
  }
  const checked: Record<string, SurveyAnswer> = {};
  for (const question of questionnaire.questions) {
    const answer: unknown = answers[question.id];
    if (isUnanswered(answer)) {
      if (question.required) {
        throw invalid('EXIT.ANSWER_REQUIRED', `Answer "${question.text}"`, `answers.${question.id}`);
      }
      continue;
    }
    checked[question.id] = checkAnswer(question, answer);
  }
  return checked;
}

function isUnanswered(answer: unknown): boolean {
  return answer === undefined || answer === null || (typeof answer === 'string' && answer.trim().length === 0);
}

function checkAnswer(question: ExitQuestion, answer: unknown): SurveyAnswer {
  const fits =
    question.type === 'scale'
      ? typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 5
      : question.type === 'yesno'
        ? typeof answer === 'boolean'
        : typeof answer === 'string';
  if (!fits) {
    const expected = { scale: 'a whole number from 1 to 5', yesno: 'true or false', text: 'text' }[question.type];
    throw invalid(
      'EXIT.INVALID_ANSWER',
      `${question.id} is answered with ${expected}, got ${JSON.stringify(answer)}`,
      `answers.${question.id}`,
    );
  }
  return answer as SurveyAnswer;
}
