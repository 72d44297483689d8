import type { Pool, PoolClient } from 'pg';
import type { Position } from '../event-store/types';

export async function loadCheckpoint(client: PoolClient | Pool, name: string): Promise<Position | null> {
  const { rows } = await client.query<{ commit_position: string | null; prepare_position: string | null }>(
    'select commit_position, prepare_position from projection_checkpoints where name = $1',
    [name],
  );
  const row = rows[0];
  if (!row || row.commit_position === null || row.prepare_position === null) return null;
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}

export async function saveCheckpoint(client: PoolClient, name: string, position: Position, events: number): Promise<void> {
  await client.query(
    `insert into projection_checkpoints (name, commit_position, prepare_position, events_processed, status, updated_at)
     values ($1, $2, $3, $4, 'running', now())
     on conflict (name) do update set
       commit_position = excluded.commit_position,
       prepare_position = excluded.prepare_position,
       events_processed = projection_checkpoints.events_processed + excluded.events_processed,
       status = 'running', error = null, error_position = null, updated_at = now()`,
    [name, position.commit.toString(), position.prepare.toString(), events],
  );
}

export async function recordFailure(pool: Pool, name: string, error: string, position: string): Promise<void> {
  await pool.query(
    `insert into projection_checkpoints (name, status, error, error_position, updated_at)
     values ($1, 'failed', $2, $3, now())
     on conflict (name) do update set status = 'failed', error = $2, error_position = $3, updated_at = now()`,
    [name, error, position],
  );
}
