import type { Pool } from 'pg';
import type { ReportSource } from './reports/report';

export interface Freshness {
  /** The read model the report reads. */
  readonly projection: string;
  /** When the projection last committed a batch (null: it has never run). */
  readonly checkpointAt: string | null;
  /** `running` or `failed`, from its checkpoint (null: it has never run). */
  readonly status: string | null;
  /**
   * How far behind the read model is: seconds since the oldest event it has not yet
   * applied was recorded; 0 when it has applied everything.
   */
  readonly lagSeconds: number;
}

/** How current a report's read model is, from its checkpoint and the event store. */
export async function readFreshness(pool: Pool, source: ReportSource, now: Date): Promise<Freshness> {
  const { rows } = await pool.query<{
    updated_at: Date;
    status: string;
    commit_position: string | null;
    prepare_position: string | null;
  }>('select updated_at, status, commit_position, prepare_position from projection_checkpoints where name = $1', [source.projection]);
  const checkpoint = rows[0];
  const commit = checkpoint?.commit_position ?? null;
  const prepare = checkpoint?.prepare_position ?? null;
  // The PostgreSQL store's positions: commit = transaction id, prepare = global position.
  const { rows: pending } = await pool.query<{ recorded_at: Date }>(
    `select recorded_at from es_events
     where category = any($1::text[])
       and ($2::text is null or $3::text is null or (transaction_id, position) > ($2::text::xid8, $3::bigint))
     order by transaction_id, position limit 1`,
    [source.categories, commit, prepare],
  );
  const oldest = pending[0]?.recorded_at;
  return {
    projection: source.projection,
    checkpointAt: checkpoint ? checkpoint.updated_at.toISOString() : null,
    status: checkpoint?.status ?? null,
    lagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
  };
}
