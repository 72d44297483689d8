import type { Pool } from 'pg';
import type { NewEvent } from '@casework/core/event-store/types';
import type { EncryptingEventStore } from './encrypting-event-store';

export interface SealReport {
  readonly streams: number;
  readonly examined: number;
  readonly sealed: number;
}

interface StoredRow {
  id: string;
  stream_id: string;
  type: string;
  data: unknown;
  metadata: NewEvent['metadata'];
}

/**
 * One-off upgrade for a PostgreSQL store that holds events written before personal-data
 * encryption: seals their personal fields in place, stream by stream in revision order
 * (so a stream's subject is keyed by its first event, as on append), one transaction per
 * stream, each row updated only if it is still what was read. Only the data column
 * changes: ids, revisions, positions and metadata stay, so projections and checkpoints
 * are untouched and read models need no rebuild (they read through the decrypting store).
 * Idempotent: sealed events are skipped, so a second run seals nothing.
 */
export async function sealExistingEvents(
  pool: Pool,
  store: EncryptingEventStore,
  options: { readonly streamsPerPage?: number; readonly onProgress?: (report: SealReport) => void } = {},
): Promise<SealReport> {
  const pageSize = options.streamsPerPage ?? 500;
  let after = '';
  let streams = 0;
  let examined = 0;
  let sealed = 0;
  for (;;) {
    const { rows: ids } = await pool.query<{ stream_id: string }>(
      'select distinct stream_id from es_events where stream_id > $1 order by stream_id limit $2',
      [after, pageSize],
    );
    if (ids.length === 0) break;
    for (const { stream_id: streamId } of ids) {
      const { rows } = await pool.query<StoredRow>(
        'select id::text, stream_id, type, data, metadata from es_events where stream_id = $1 order by revision',
        [streamId],
      );
      const events: NewEvent[] = rows.map((r) => ({ id: r.id, type: r.type, data: r.data, metadata: r.metadata }));
      // One event at a time, in order: the stream's subject key exists before later events need it.
      const changed: { id: string; before: unknown; after: unknown }[] = [];
      for (const event of events) {
        const [next] = await store.sealStored(streamId, [event]);
        if (next && JSON.stringify(next.data) !== JSON.stringify(event.data)) changed.push({ id: event.id, before: event.data, after: next.data });
      }
      if (changed.length > 0) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          for (const c of changed) {
            const { rowCount } = await client.query('update es_events set data = $1::jsonb where id = $2 and data = $3::jsonb', [
              JSON.stringify(c.after),
              c.id,
              JSON.stringify(c.before),
            ]);
            if (rowCount !== 1) throw new Error(`Event ${c.id} in ${streamId} changed while it was being sealed; run again`);
          }
          await client.query('commit');
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }
      streams++;
      examined += events.length;
      sealed += changed.length;
    }
    after = ids[ids.length - 1]?.stream_id ?? after;
    options.onProgress?.({ streams, examined, sealed });
  }
  return { streams, examined, sealed };
}
