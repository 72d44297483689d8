import type { RaiseSupportTask } from '../commands';
import { conflict, invalid } from '../errors';
import type { SupportTaskEvent } from '../events';
import { supportTaskId } from '../exposure-register';
import type { SupportTaskState } from '../state';
import { firstContactDueAt, SUPPORT_TASK_DEADLINES } from '../support-task-policy';
import { scheduleSupportTaskDeadline, type SupportTaskDeciderDeps } from './deadlines';
import { requireText } from './guards';

/**
 * A new task waits, unassigned, for a coordinator to reach the person within the force's
 * first-contact deadline. The task id is derived from the person and the crossing
 * exposure, so one crossing can only ever name one task: raising it again (a process
 * manager replaying an exposure, a re-evaluation of the same spell) records nothing,
 * whatever the task's status and however its exposure snapshot has grown since.
 */
export function raise(
  command: RaiseSupportTask,
  state: SupportTaskState,
  deps: SupportTaskDeciderDeps,
): SupportTaskEvent[] {
  const { data, now, commandId } = command;
  if (state.status !== 'none') {
    if (state.person.personId === data.personId && state.triggeringExposureId === data.triggeringExposureId) return [];
    throw conflict('SUPPORT_TASK.ALREADY_EXISTS', 'A different support task already has this id');
  }
  for (const field of ['taskId', 'personId', 'personName', 'department', 'triggeringExposureId'] as const) {
    requireText(data[field], field);
  }
  if (data.taskId !== supportTaskId(data.personId, data.triggeringExposureId)) {
    throw invalid(
      'SUPPORT_TASK.TASK_ID_MISMATCH',
      'The task id must be derived from the person and the triggering exposure',
      'taskId',
    );
  }
  if (!data.exposures.some((e) => e.exposureId === data.triggeringExposureId)) {
    throw invalid(
      'SUPPORT_TASK.TRIGGER_NOT_IN_HISTORY',
      'The exposure history must include the exposure that triggered the task',
      'exposures',
    );
  }
  return [
    {
      type: 'SupportTaskRaised',
      data: {
        taskId: data.taskId,
        personId: data.personId,
        personName: data.personName,
        department: data.department,
        triggeringExposureId: data.triggeringExposureId,
        exposures: data.exposures,
        summary: data.summary,
        raisedAt: now.toISOString(),
      },
    },
    scheduleSupportTaskDeadline(deps, {
      kind: SUPPORT_TASK_DEADLINES.firstContact,
      commandId,
      dueAt: firstContactDueAt(deps.policy, deps.calendar, now),
      ownerId: null,
    }),
  ];
}
