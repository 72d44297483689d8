import { deterministicId } from '@casework/core/ids';
import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { ActionToAgree, AgreeStayActions, RecordStayInterview } from '../commands';
import { conflict, invalid } from '../errors';
import type { StayEvent } from '../events';
import { STAY_DEADLINES, followUpDueAt } from '../policy';
import type { StayState } from '../state';
import { unknownTheme } from '../themes';
import type { StayAction } from '../types';
import { scheduleStayDeadline, type StayDeciderDeps } from './deadlines';
import {
  businessToday,
  isBefore,
  requireBusinessDate,
  requireInterviewer,
  requireOpen,
  requirePastInstant,
  requireText,
} from './guards';

/**
 * The interview is recorded when it happened (`heldAt`), which may be before it is keyed
 * in but never before the request or after now; the interview deadline is met then.
 * Themes are checked against the force's taxonomy *today*, and the event keeps the codes,
 * so a later change of taxonomy never rewrites what an interview was about.
 */
export function recordInterview(command: RecordStayInterview, state: StayState, deps: StayDeciderDeps): StayEvent[] {
  const stay = requireOpen(state);
  const interviewerId = requireInterviewer(stay);
  if (stay.status !== 'awaiting_interview') {
    throw conflict('STAY.INTERVIEW_ALREADY_HELD', 'The stay interview has already been recorded');
  }
  const { data, now } = command;
  const heldAt = requirePastInstant(data.heldAt, now, { at: stay.requestedAt, what: 'the request' }, 'heldAt');
  return [
    {
      type: 'StayInterviewHeld',
      data: {
        interviewerId,
        themes: checkThemes(deps, data.themes),
        intentToLeave: data.intentToLeave,
        recommendations: checkRecommendations(data.recommendations),
        heldAt: heldAt.toISOString(),
        recordedAt: now.toISOString(),
      },
    },
    ...meetDeadline(stay.deadlines, STAY_DEADLINES.interview, heldAt),
  ];
}

/** At least one theme, each from the force's taxonomy; a theme named twice counts once. */
function checkThemes(deps: StayDeciderDeps, themes: readonly string[]): readonly string[] {
  if (!Array.isArray(themes) || themes.length === 0) {
    throw invalid('STAY.FIELD_REQUIRED', 'Record at least one theme', 'themes');
  }
  const unknown = unknownTheme(deps.policy.themes, themes);
  if (unknown !== undefined) {
    throw invalid('STAY.UNKNOWN_THEME', `${JSON.stringify(unknown)} is not a stay-interview theme`, 'themes');
  }
  return [...new Set(themes)];
}

function checkRecommendations(recommendations: readonly string[]): readonly string[] {
  if (!Array.isArray(recommendations)) {
    throw invalid('STAY.FIELD_REQUIRED', 'recommendations must be a list (it may be empty)', 'recommendations');
  }
  recommendations.forEach((text, i) => requireText(text, `recommendations[${i}]`));
  return recommendations;
}

/**
 * What the person and the force agreed to do, once, after the interview. Each action gets
 * an id derived from the command, so a retried command agrees the same actions; the
 * follow-up's clock starts now, owned by the interviewer.
 */
export function agreeActions(command: AgreeStayActions, state: StayState, deps: StayDeciderDeps): StayEvent[] {
  const stay = requireOpen(state);
  if (isBefore(stay.status, 'awaiting_actions')) {
    throw conflict('STAY.INTERVIEW_NOT_HELD', 'Actions are agreed at or after the interview');
  }
  if (stay.status !== 'awaiting_actions') {
    throw conflict('STAY.ACTIONS_ALREADY_AGREED', 'Actions have already been agreed for this interview');
  }
  const { data, now, commandId } = command;
  if (!Array.isArray(data.actions) || data.actions.length === 0) {
    throw invalid('STAY.FIELD_REQUIRED', 'Agree at least one action, or record the outcome instead', 'actions');
  }
  const today = businessToday(now, deps.calendar.zone);
  const actions = data.actions.map((action, i) => checkAction(action, i, today, commandId));
  return [
    { type: 'StayActionsAgreed', data: { actions, agreedAt: now.toISOString() } },
    scheduleStayDeadline(deps, {
      kind: STAY_DEADLINES.followUp,
      commandId,
      dueAt: followUpDueAt(deps.policy, deps.calendar, now),
      ownerId: requireInterviewer(stay),
    }),
  ];
}

function checkAction(action: ActionToAgree, index: number, today: string, commandId: string): StayAction {
  const field = (name: keyof ActionToAgree) => `actions[${index}].${name}`;
  const description = requireText(action.description, field('description'));
  const ownerId = requireText(action.ownerId, field('ownerId'));
  const dueDate = requireBusinessDate(action.dueDate, field('dueDate'));
  if (dueDate < today) {
    throw invalid('STAY.ACTION_DUE_IN_PAST', `An action cannot fall due before today (${today})`, field('dueDate'));
  }
  return { actionId: deterministicId(commandId, 'action', String(index)), description, ownerId, dueDate };
}
