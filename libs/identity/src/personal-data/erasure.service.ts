import { DomainError } from '@casework/core/domain/domain-error';
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { PersonalDataKeys } from './personal-data-keys';
import type { PersonalDataPurger, PurgeScope } from './purgers';

export interface ErasureRequest {
  readonly requestedBy: string;
  readonly reason: string;
}

/** An erasure as recorded: what it destroyed, never whom (no raw personal data). */
export interface Erasure {
  readonly id: string;
  readonly forceId: string;
  readonly kind: 'person' | 'retention';
  readonly streams: number;
  readonly keys: number;
  readonly streamIds: readonly string[];
  readonly requestedBy: string;
  readonly reason: string;
  readonly erasedAt: string;
}

interface ErasureRow {
  id: string;
  force_id: string;
  kind: 'person' | 'retention';
  stream_ids: string[];
  key_ids: string[];
  requested_by: string;
  reason: string;
  erased_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Crypto-shredding. Destroying a person's keys makes every event sealed with them
 * unreadable wherever it is (store, backups, replicas); in the same transaction every
 * read model forgets them and the erasure is recorded, so the three never disagree.
 */
export class ErasureService {
  constructor(
    private readonly pool: Pool,
    private readonly keys: PersonalDataKeys,
    private readonly purgers: () => readonly PersonalDataPurger[],
  ) {}

  /** Right to erasure: every key of the person in the force, in every stream. */
  async erasePerson(forceId: string, personId: string, request: ErasureRequest): Promise<Erasure> {
    const personHash = this.keys.hasher.hash(forceId, personId);
    return this.erase(forceId, 'person', request, async (tx) => {
      const { rows } = await tx.query<{ key_id: string; stream_id: string }>(
        `delete from personal_data_keys where force_id = $1 and person_hash = $2
         returning key_id, stream_id`,
        [forceId, personHash],
      );
      if (rows.length === 0) {
        // Nothing held (never recorded, or erased already): say so, and record no erasure.
        throw new DomainError('PERSONAL_DATA.NOT_FOUND', 'No personal data is held for this person in your force (never recorded, or already erased)', 'not_found', 'personId');
      }
      return { rows, personIds: [personId] };
    });
  }

  /** Retention expiry of one record: every key of the stream (its subject's, others', its own). */
  async expireStream(forceId: string, streamId: string, request: ErasureRequest): Promise<Erasure> {
    return this.erase(forceId, 'retention', request, async (tx) => {
      const { rows } = await tx.query<{ key_id: string; stream_id: string }>(
        'delete from personal_data_keys where force_id = $1 and stream_id = $2 returning key_id, stream_id',
        [forceId, streamId],
      );
      return { rows, personIds: null, streamIds: [streamId] };
    });
  }

  async list(forceId: string, page: number, pageSize: number): Promise<{ items: Erasure[]; total: number }> {
    const [{ rows }, count] = await Promise.all([
      this.pool.query<ErasureRow>(
        'select * from erasures where force_id = $1 order by erased_at desc, id limit $2 offset $3',
        [forceId, pageSize, (page - 1) * pageSize],
      ),
      this.pool.query<{ n: string }>('select count(*) as n from erasures where force_id = $1', [forceId]),
    ]);
    return { items: rows.map(toErasure), total: Number(count.rows[0]?.n ?? 0) };
  }

  /**
   * After a projection rebuild: the rebuilt rows came from erased events (already
   * anonymous), but a purge also reaches what events never said (an expired incident's
   * location); re-applying every recorded erasure makes the rebuilt model equal the purged one.
   */
  async reapplyAll(tx: PoolClient): Promise<number> {
    const { rows } = await tx.query<ErasureRow>('select * from erasures order by erased_at, id');
    for (const row of rows) await this.purge(tx, scopeOfRecorded(row));
    return rows.length;
  }

  private async erase(
    forceId: string,
    kind: 'person' | 'retention',
    request: ErasureRequest,
    destroy: (tx: PoolClient) => Promise<{
      rows: { key_id: string; stream_id: string }[];
      personIds: string[] | null;
      streamIds?: string[];
    }>,
  ): Promise<Erasure> {
    const tx = await this.pool.connect();
    try {
      await tx.query('begin');
      const { rows, personIds, streamIds: extraStreams } = await destroy(tx);
      const streamIds = [...new Set([...rows.map((r) => r.stream_id), ...(extraStreams ?? [])])];
      const pseudonyms: Record<string, string> = {};
      if (kind === 'person') for (const r of rows) pseudonyms[caseIdOf(r.stream_id)] = `erased:${r.key_id}`;
      await this.purge(tx, {
        forceId,
        kind,
        streamIds,
        caseIds: streamIds.map(caseIdOf).filter((id) => UUID.test(id)),
        personIds: personIds === null ? null : [...personIds, ...Object.values(pseudonyms)],
        pseudonyms,
      });
      // Person erasures keep stream and key in step (one key per stream), so a re-applied
      // purge can pair them again; no raw id is stored.
      const ordered = kind === 'person' ? rows.map((r) => r.stream_id) : streamIds;
      const { rows: saved } = await tx.query<ErasureRow>(
        `insert into erasures (id, force_id, kind, stream_ids, key_ids, requested_by, reason)
         values ($1, $2, $3, $4, $5, $6, $7) returning *`,
        [randomUUID(), forceId, kind, ordered, rows.map((r) => r.key_id), request.requestedBy, request.reason],
      );
      await tx.query('commit');
      this.keys.invalidate(rows.map((r) => r.key_id));
      return toErasure(saved[0] as ErasureRow);
    } catch (error) {
      await tx.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  private async purge(tx: PoolClient, scope: PurgeScope): Promise<void> {
    for (const purger of this.purgers()) {
      try {
        await purger.purge(tx, scope);
      } catch (error) {
        throw new Error(`Purging ${purger.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  }
}

export function caseIdOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(dash + 1);
}

function scopeOfRecorded(row: ErasureRow): PurgeScope {
  const pseudonyms: Record<string, string> = {};
  if (row.kind === 'person') {
    row.stream_ids.forEach((streamId, i) => {
      const keyId = row.key_ids[i];
      if (keyId) pseudonyms[caseIdOf(streamId)] = `erased:${keyId}`;
    });
  }
  return {
    forceId: row.force_id,
    kind: row.kind,
    streamIds: row.stream_ids,
    caseIds: [...new Set(row.stream_ids.map(caseIdOf))].filter((id) => UUID.test(id)),
    personIds: row.kind === 'person' ? Object.values(pseudonyms) : null,
    pseudonyms,
  };
}

function toErasure(row: ErasureRow): Erasure {
  return {
    id: row.id,
    forceId: row.force_id,
    kind: row.kind,
    streams: new Set(row.stream_ids).size,
    keys: row.key_ids.length,
    streamIds: row.stream_ids,
    requestedBy: row.requested_by,
    reason: row.reason,
    erasedAt: row.erased_at.toISOString(),
  };
}
