import type { Projection } from '@casework/core/projections/projection';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { PoolClient } from 'pg';
import { DEADLINE_EVENT_TYPES, type DeadlineEvent, type LadderStep } from '../domain/deadline-events';

export const DEADLINES_PROJECTION = 'timer_deadlines_v1';

/**
 * Keeps one row per open deadline with the next rung a timer must wake up for. The
 * timers themselves (BullMQ jobs) are derived from these rows after each commit, and
 * re-derived by the reconciler, so Redis holds nothing that cannot be rebuilt.
 */
export function deadlinesProjection(
  categories: readonly string[],
  afterCommit?: (deadlineIds: readonly string[]) => Promise<void>,
  name = DEADLINES_PROJECTION,
): Projection {
  return {
    name,
    categories,
    eventTypes: DEADLINE_EVENT_TYPES,
    handle: (event, tx) => applyDeadlineEvent({ type: event.type, data: event.data } as DeadlineEvent, event, tx),
    reset: async (tx) => {
      await tx.query('delete from timer_deadlines');
    },
    afterCommit: afterCommit
      ? async (events) => {
          const ids = events.filter((e) => DEADLINE_EVENT_TYPES.has(e.type)).map((e) => (e.data as { deadlineId: string }).deadlineId);
          if (ids.length > 0) await afterCommit([...new Set(ids)]);
        }
      : undefined,
  };
}

async function applyDeadlineEvent(event: DeadlineEvent, recorded: RecordedEvent, tx: PoolClient): Promise<void> {
  switch (event.type) {
    case 'DeadlineScheduled': {
      const first = event.data.ladder[0];
      // One open deadline per kind and case: a re-scheduled one replaces the old.
      await tx.query('delete from timer_deadlines where stream_id = $1 and kind = $2', [recorded.streamId, event.data.kind]);
      await tx.query(
        `insert into timer_deadlines
           (deadline_id, stream_id, category, force_id, kind, due_at, owner_id, level, ladder, next_level, next_fire_at, scheduled_at)
         values ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10, $11)
         on conflict (deadline_id) do nothing`,
        [
          event.data.deadlineId,
          recorded.streamId,
          recorded.streamId.split('-')[0],
          recorded.metadata.forceId,
          event.data.kind,
          event.data.dueAt,
          event.data.ownerId,
          JSON.stringify(event.data.ladder),
          first?.level ?? null,
          first?.at ?? null,
          recorded.metadata.occurredAt,
        ],
      );
      return;
    }
    case 'DeadlineMet':
    case 'DeadlineWaived':
      await tx.query('delete from timer_deadlines where deadline_id = $1', [event.data.deadlineId]);
      return;
    case 'DeadlineOverdue':
    case 'DeadlineEscalated': {
      const { rows } = await tx.query<{ ladder: LadderStep[]; level: number }>(
        'select ladder, level from timer_deadlines where deadline_id = $1',
        [event.data.deadlineId],
      );
      const row = rows[0];
      if (!row) return;
      const level = Math.max(row.level, event.data.level);
      const next = row.ladder.find((step) => step.level > level);
      await tx.query(
        'update timer_deadlines set level = $2, next_level = $3, next_fire_at = $4 where deadline_id = $1',
        [event.data.deadlineId, level, next?.level ?? null, next?.at ?? null],
      );
      return;
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
