import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { newDataKey, type KeyWrapper, type PersonHasher } from './crypto';
import { KeyCache } from './key-cache';

export interface DataKey {
  readonly keyId: string;
  readonly dek: Buffer;
}

/** The keys one append needs: per person named, and the fallback for fields with no person in scope. */
export interface AppendKeys {
  readonly byPerson: ReadonlyMap<string, DataKey>;
  readonly fallback: DataKey | null;
}

export interface AppendKeyRequest {
  readonly forceId: string;
  readonly streamId: string;
  readonly persons: ReadonlySet<string>;
  /** Whether some field has no person in scope. */
  readonly needsFallback: boolean;
  /** Whether the stream's category has one subject (personal-fields.ts). */
  readonly subjectStream: boolean;
  /** The person this append names at the top of an event, the stream's subject if it has none yet. */
  readonly subjectCandidate: string | null;
  /** The append expects no stream: no key of it can exist yet unless an earlier attempt made it. */
  readonly newStream?: boolean;
}

interface KeyRow {
  key_id: string;
  person_hash: string;
  is_subject: boolean;
  wrapped_key: Buffer;
}

export function streamKeyHash(streamId: string): string {
  return `stream:${streamId}`;
}

/**
 * The `personal_data_keys` table: one data key per (person, stream), created on first
 * use, wrapped by the KeyWrapper at rest. Destroying a row is erasure.
 */
export class PersonalDataKeys {
  private readonly cache: KeyCache<Buffer | null>;
  /** Each stream's key rows as last read or written here, so a case's next command reads none. */
  private readonly streams: KeyCache<readonly KeyRow[]>;

  constructor(
    private readonly pool: Pool,
    private readonly wrapper: KeyWrapper,
    readonly hasher: PersonHasher,
    options: { cacheSize?: number; cacheTtlMs?: number } = {},
  ) {
    this.cache = new KeyCache(options.cacheSize ?? 10_000, options.cacheTtlMs ?? 30_000);
    this.streams = new KeyCache(options.cacheSize ?? 10_000, options.cacheTtlMs ?? 30_000);
  }

  async forAppend(request: AppendKeyRequest): Promise<AppendKeys> {
    const { forceId, streamId } = request;
    const hashOf = new Map([...request.persons].map((p) => [p, this.hasher.hash(forceId, p)]));
    const streamKey = `${forceId}\u0000${streamId}`;
    // A new stream has no keys to read (a retry of a failed first append may have left some:
    // the insert below then returns fewer rows than it tried, and they are read back).
    let rows: readonly KeyRow[] = request.newStream ? [] : (this.streams.get(streamKey) ?? (await this.select(forceId, streamId, [...hashOf.values()])));
    const hasSubject = rows.some((r) => r.is_subject);
    const subjectHash =
      request.subjectStream && !hasSubject && request.subjectCandidate !== null
        ? this.hasher.hash(forceId, request.subjectCandidate)
        : null;
    const wanted = new Set(hashOf.values());
    if (subjectHash) wanted.add(subjectHash);
    const fallbackHash = request.needsFallback && !hasSubject && !subjectHash ? streamKeyHash(streamId) : null;
    if (fallbackHash) wanted.add(fallbackHash);
    const missing = [...wanted].filter((h) => !rows.some((r) => r.person_hash === h));
    const subjectRow = subjectHash ? rows.find((r) => r.person_hash === subjectHash) : undefined;
    if (missing.length > 0 || subjectRow) {
      const inserted = await this.insert(forceId, streamId, missing, subjectHash);
      if (subjectRow) {
        await this.pool.query(
          `update personal_data_keys set is_subject = true where key_id = $1
             and not exists (select 1 from personal_data_keys where stream_id = $2 and is_subject)`,
          [subjectRow.key_id, streamId],
        );
      }
      rows =
        inserted.length === missing.length && !subjectRow && (!subjectHash || inserted.some((r) => r.is_subject) || rows.some((r) => r.is_subject))
          ? [...rows, ...inserted]
          : await this.select(forceId, streamId, [...wanted]);
    }
    this.streams.set(streamKey, rows);
    const keys = new Map<string, DataKey>();
    for (const row of rows) keys.set(row.person_hash, { keyId: row.key_id, dek: await this.unwrapRow(row) });
    const byPerson = new Map<string, DataKey>();
    for (const [person, hash] of hashOf) {
      const key = keys.get(hash);
      if (!key) throw new Error(`No data key for a person in ${streamId}`);
      byPerson.set(person, key);
    }
    const subject = rows.find((r) => r.is_subject);
    const fallbackKey = subject
      ? keys.get(subject.person_hash)
      : keys.get(subjectHash ?? fallbackHash ?? streamKeyHash(streamId));
    return { byPerson, fallback: fallbackKey ?? null };
  }

  /** Data keys by id; null for a key that was destroyed. One query for the cache misses. */
  async byIds(keyIds: Iterable<string>): Promise<Map<string, Buffer | null>> {
    const out = new Map<string, Buffer | null>();
    const misses: string[] = [];
    for (const id of keyIds) {
      const cached = this.cache.get(id);
      if (cached !== undefined) out.set(id, cached);
      else misses.push(id);
    }
    if (misses.length === 0) return out;
    const valid = misses.filter(isUuid);
    const { rows } = valid.length
      ? await this.pool.query<{ key_id: string; wrapped_key: Buffer }>(
          'select key_id, wrapped_key from personal_data_keys where key_id = any($1::uuid[])',
          [valid],
        )
      : { rows: [] };
    const found = new Map(rows.map((r) => [r.key_id, r.wrapped_key]));
    for (const id of misses) {
      const wrapped = found.get(id);
      const dek = wrapped ? await this.wrapper.unwrap(wrapped) : null;
      this.cache.set(id, dek);
      out.set(id, dek);
    }
    return out;
  }

  /** Forget keys here at once (they were destroyed); other processes forget within the TTL. */
  invalidate(keyIds: Iterable<string>): void {
    for (const id of keyIds) this.cache.set(id, null);
    this.streams.clear();
  }

  private async select(forceId: string, streamId: string, hashes: readonly string[]): Promise<KeyRow[]> {
    const { rows } = await this.pool.query<KeyRow>(
      `select key_id, person_hash, is_subject, wrapped_key from personal_data_keys
        where force_id = $1 and stream_id = $2 and (person_hash = any($3::text[]) or is_subject or person_hash = $4)`,
      [forceId, streamId, hashes, streamKeyHash(streamId)],
    );
    return rows;
  }

  /** The rows it created (fewer than asked when a concurrent writer created some first). */
  private async insert(forceId: string, streamId: string, hashes: readonly string[], subjectHash: string | null): Promise<KeyRow[]> {
    if (hashes.length === 0) return [];
    const ids = hashes.map(() => randomUUID());
    const wrapped = await Promise.all(hashes.map(() => this.wrapper.wrap(newDataKey())));
    // A concurrent writer may create the same key first: theirs wins, ours is dropped. The
    // subject flag is set only if the stream has none (its unique index would refuse a second).
    const { rows } = await this.pool.query<KeyRow>(
      `insert into personal_data_keys (key_id, force_id, person_hash, stream_id, is_subject, wrapped_key)
       select k.id, $1, k.hash, $2,
              coalesce(k.hash = $6, false) and not exists (select 1 from personal_data_keys where stream_id = $2 and is_subject),
              k.wrapped
         from unnest($3::uuid[], $4::text[], $5::bytea[]) as k(id, hash, wrapped)
       on conflict do nothing
       returning key_id, person_hash, is_subject, wrapped_key`,
      [forceId, streamId, ids, hashes, wrapped, subjectHash],
    );
    return rows;
  }

  private async unwrapRow(row: KeyRow): Promise<Buffer> {
    const cached = this.cache.get(row.key_id);
    if (cached) return cached;
    const dek = await this.wrapper.unwrap(row.wrapped_key);
    this.cache.set(row.key_id, dek);
    return dek;
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
