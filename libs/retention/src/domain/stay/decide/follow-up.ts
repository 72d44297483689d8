import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { CompleteAction, RecordStayFollowUp } from '../commands';
import { conflict, invalid } from '../errors';
import type { StayEvent } from '../events';
import { STAY_DEADLINES } from '../policy';
import type { StayState } from '../state';
import { isBefore, optionalText, requireInterviewer, requireOpen, requirePastInstant, requireText } from './guards';

/** An agreed action is marked done once, whenever it is done, until the case closes. */
export function completeAction(command: CompleteAction, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  if (stay.actionsAgreedAt === null) throw conflict('STAY.ACTIONS_NOT_AGREED', 'No actions have been agreed yet');
  const actionId = requireText(command.data.actionId, 'actionId');
  const action = stay.actions.find((a) => a.actionId === actionId);
  if (action === undefined) throw invalid('STAY.UNKNOWN_ACTION', `No agreed action ${actionId}`, 'actionId');
  if (action.completedAt !== null) {
    throw conflict('STAY.ACTION_ALREADY_COMPLETED', `The action "${action.description}" is already done`);
  }
  return [{ type: 'StayActionCompleted', data: { actionId, completedAt: command.now.toISOString() } }];
}

/**
 * The follow-up checks how the agreed actions landed; it meets the follow-up deadline at
 * the time it was held. Whether the person stays is learnt later, often months later.
 */
export function recordFollowUp(command: RecordStayFollowUp, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  if (isBefore(stay.status, 'awaiting_follow_up') || stay.actionsAgreedAt === null) {
    throw conflict('STAY.ACTIONS_NOT_AGREED', 'A follow-up comes after the actions are agreed');
  }
  if (stay.status === 'follow_up_held') {
    throw conflict('STAY.FOLLOW_UP_ALREADY_HELD', 'The follow-up has already been recorded');
  }
  const { now } = command;
  const earliest = { at: stay.actionsAgreedAt, what: 'the actions were agreed' };
  const heldAt = requirePastInstant(command.data.heldAt, now, earliest, 'heldAt');
  return [
    {
      type: 'StayFollowUpHeld',
      data: {
        interviewerId: requireInterviewer(stay),
        note: optionalText(command.data.note),
        heldAt: heldAt.toISOString(),
        recordedAt: now.toISOString(),
      },
    },
    ...meetDeadline(stay.deadlines, STAY_DEADLINES.followUp, heldAt),
  ];
}
