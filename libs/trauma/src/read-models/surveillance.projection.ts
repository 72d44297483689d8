import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { updateCaseRow } from '@casework/timers/read-model/case-row';
import { isDeadlineEvent } from '@casework/timers/read-model/deadline-summary';
import { SURVEILLANCE_STREAM_CATEGORY, type SurveillanceEvent } from '../domain/surveillance/events';
import { SURVEILLANCE_DEADLINES } from '../domain/surveillance/surveillance-policy';

export const SURVEILLANCE_PROJECTION = 'surveillance_v1';

/**
 * The surveillance schedule (`surveillance_schedule`), one row per person's stream.
 * Idempotent: every change after the enrolment is guarded by stream revision, and so is
 * a re-enrolment after leaving (the same stream, so the same row, updated in place: the
 * person keeps their screening history, their due date starts afresh).
 */
export const surveillanceProjection: Projection = {
  name: SURVEILLANCE_PROJECTION,
  categories: [SURVEILLANCE_STREAM_CATEGORY],
  async handle(recorded: RecordedEvent, tx: PoolClient): Promise<void> {
    const dash = recorded.streamId.indexOf('-');
    if (recorded.streamId.slice(0, dash) !== SURVEILLANCE_STREAM_CATEGORY) return;
    const id = recorded.streamId.slice(dash + 1);
    await apply(id, { type: recorded.type, data: recorded.data } as SurveillanceEvent, recorded, tx);
  },
  async reset(tx: PoolClient): Promise<void> {
    await tx.query('delete from surveillance_schedule');
  },
};

async function apply(id: string, event: SurveillanceEvent, recorded: RecordedEvent, tx: PoolClient): Promise<void> {
  switch (event.type) {
    case 'SurveillanceEnrolled': {
      const d = event.data;
      await tx.query(
        `insert into surveillance_schedule (surveillance_id, person_id, force_id, name, department, role, level, status,
           enrolled_at, updated_at, revision)
         values ($1, $2, $3, $4, $5, $6, $7, 'enrolled', $8, $9, $10)
         on conflict (surveillance_id) do update set
           person_id = excluded.person_id, name = excluded.name, department = excluded.department,
           role = excluded.role, level = excluded.level, status = 'enrolled', enrolled_at = excluded.enrolled_at,
           next_due_at = null, updated_at = excluded.updated_at, revision = excluded.revision
         where surveillance_schedule.revision < excluded.revision`,
        [id, d.personId, recorded.metadata.forceId, d.personName, d.department, d.role, d.level, d.enrolledAt,
          recorded.metadata.occurredAt, recorded.revision.toString()],
      );
      return;
    }
    case 'SurveillanceScreeningScheduled': {
      const { level, dueAt, reason } = event.data;
      return update(tx, id, recorded, (row) => ({
        level,
        next_due_at: dueAt,
        // The due date a screening sets (directly, or re-measured from it under a new
        // level) is where the interval it covers ends.
        screened_until:
          reason === 'screening_completed' || (reason === 'role_changed' && row.last_screened_at) ? dueAt : undefined,
      }));
    }
    case 'SurveillanceScreeningCompleted':
      return update(tx, id, recorded, () => ({
        last_screened_at: event.data.completedAt,
        last_result: event.data.result,
        next_due_at: null,
      }));
    case 'SurveillanceRoleChanged': {
      const { toRole, toLevel } = event.data;
      return update(tx, id, recorded, (row) => ({
        role: toRole,
        level: toLevel,
        status: row.status === 'left' ? undefined : toLevel === null ? 'not_required' : 'enrolled',
        next_due_at: toLevel === null ? null : undefined,
      }));
    }
    case 'SurveillanceLeft':
      return update(tx, id, recorded, () => ({ status: 'left', next_due_at: null }));
    default:
      if (isDeadlineEvent(event)) {
        // A waived screening is owed no more: nothing is due until the next one is scheduled.
        const waived = event.type === 'DeadlineWaived' && event.data.kind === SURVEILLANCE_DEADLINES.screening;
        return update(tx, id, recorded, () => ({ next_due_at: waived ? null : undefined }), event);
      }
  }
}

function update(
  tx: PoolClient,
  id: string,
  recorded: RecordedEvent,
  set: (row: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>,
  deadline?: DeadlineEvent,
): Promise<void> {
  return updateCaseRow(tx, 'surveillance_schedule', 'surveillance_id', id, recorded, { set, deadline });
}
