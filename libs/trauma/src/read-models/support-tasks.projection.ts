import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import { updateCaseRow } from '@casework/timers/read-model/case-row';
import { isDeadlineEvent } from '@casework/timers/read-model/deadline-summary';
import { SUPPORT_TASK_STREAM_CATEGORY, type SupportTaskEvent } from '../domain/exposure/events';

export const SUPPORT_TASKS_PROJECTION = 'support_tasks_v1';

/** The wellbeing coordinator's queue of proactive-support tasks, with each person's exposure history. */
export const supportTasksProjection: Projection = {
  name: SUPPORT_TASKS_PROJECTION,
  categories: [SUPPORT_TASK_STREAM_CATEGORY],
  async handle(recorded: RecordedEvent, tx: PoolClient): Promise<void> {
    const id = recorded.streamId.slice(SUPPORT_TASK_STREAM_CATEGORY.length + 1);
    const event = { type: recorded.type, data: recorded.data } as SupportTaskEvent;
    const update = (set: Record<string, unknown>) => updateCaseRow(tx, 'support_tasks', 'task_id', id, recorded, { set });
    switch (event.type) {
      case 'SupportTaskRaised': {
        const d = event.data;
        await tx.query(
          `insert into support_tasks (task_id, force_id, person_id, person_name, department, status, raised_at, exposures,
             summary, updated_at, revision)
           values ($1, $2, $3, $4, $5, 'awaiting_contact', $6, $7, $8, $9, $10) on conflict (task_id) do nothing`,
          [id, recorded.metadata.forceId, d.personId, d.personName, d.department, d.raisedAt, JSON.stringify(d.exposures),
            JSON.stringify(d.summary), recorded.metadata.occurredAt, recorded.revision.toString()],
        );
        return;
      }
      case 'SupportTaskCoordinatorAssigned':
        return update({ coordinator_id: event.data.coordinatorId });
      case 'SupportTaskContactRecorded':
        return update({ status: event.data.reached ? 'in_contact' : undefined });
      case 'SupportTaskOfferRecorded':
        return update({ last_offer: event.data.offer, last_response: null });
      case 'SupportTaskOfferResponseRecorded':
        return update({ last_response: event.data.response });
      case 'SupportTaskClosed':
        return updateCaseRow(tx, 'support_tasks', 'task_id', id, recorded, {
          set: { status: 'closed', outcome: event.data.outcome, closed_at: event.data.closedAt },
          clearDeadlines: true,
        });
      default:
        if (isDeadlineEvent(event)) return updateCaseRow(tx, 'support_tasks', 'task_id', id, recorded, { deadline: event });
    }
  },
  async reset(tx: PoolClient): Promise<void> {
    await tx.query('delete from support_tasks');
  },
};
