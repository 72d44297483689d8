import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { AssignCoordinator, RecordContact } from '../commands';
import { conflict, invalid } from '../errors';
import type { SupportTaskEvent } from '../events';
import type { SupportTaskState } from '../state';
import { SUPPORT_TASK_DEADLINES } from '../support-task-policy';
import { optionalText, requireOpen, requireText } from './guards';

/**
 * Assigning (or reassigning) a coordinator. The open first-contact deadline keeps the
 * owner it was scheduled with: re-scheduling it would restart its escalation ladder.
 * Whoever tells "the owner" reads the current coordinator.
 */
export function assignCoordinator(command: AssignCoordinator, state: SupportTaskState): SupportTaskEvent[] {
  const task = requireOpen(state);
  const coordinatorId = requireText(command.data.coordinatorId, 'coordinatorId');
  if (coordinatorId === task.coordinatorId) {
    throw invalid('SUPPORT_TASK.SAME_COORDINATOR', `The task is already with ${coordinatorId}`, 'coordinatorId');
  }
  return [
    {
      type: 'SupportTaskCoordinatorAssigned',
      data: { fromCoordinatorId: task.coordinatorId, coordinatorId, assignedAt: command.now.toISOString() },
    },
  ];
}

/**
 * The response is personal, so contact is the coordinator's: none before one is assigned.
 * Only a contact that reached the person meets the first-contact deadline; an attempt
 * (no answer, a voicemail) is on record but the clock keeps running.
 */
export function recordContact(command: RecordContact, state: SupportTaskState): SupportTaskEvent[] {
  const task = requireOpen(state);
  if (task.coordinatorId === null) {
    throw conflict('SUPPORT_TASK.NOT_ASSIGNED', 'Assign a coordinator before recording contact');
  }
  const { data, now } = command;
  return [
    {
      type: 'SupportTaskContactRecorded',
      data: {
        method: data.method,
        reached: data.reached,
        note: optionalText(data.note),
        contactedAt: now.toISOString(),
      },
    },
    ...(data.reached ? meetDeadline(task.deadlines, SUPPORT_TASK_DEADLINES.firstContact, now) : []),
  ];
}
