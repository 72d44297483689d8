import type { Pool, QueryResultRow } from 'pg';
import { isConnectionError } from '../../database/connection-errors';
import { EventStoreUnavailableError, IdempotencyViolationError, WrongExpectedVersionError } from '../errors';
import { AppendSignal, pollingSubscription } from '../polling-subscription';
import {
  streamCategory,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../types';

interface EventRow extends QueryResultRow {
  position: string;
  transaction_id: string;
  id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: Omit<RecordedEvent['metadata'], 'recordedAt'>;
  recorded_at: Date;
}

const COLUMNS = 'position, transaction_id::text, id, stream_id, revision, type, data, metadata, recorded_at';

// The stream row's update and the events' insert are one statement, hence one short
// implicit transaction and one round trip; the row lock on es_streams serialises writers
// of the same stream while writers of different streams never wait for each other.
const INSERT_EVENTS = `
  insert into es_events (id, stream_id, category, revision, type, data, metadata)
  select e.id, $1, $2, s.revision - $3::bigint + e.ord, e.type, e.data, e.metadata
  from s, unnest($4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])
       with ordinality as e(id, type, data, metadata, ord)
  order by e.ord
  returning position, transaction_id::text, revision`;

const STREAM_UPDATE: Record<'no_stream' | 'any' | 'stream_exists' | 'exact', string> = {
  no_stream: `insert into es_streams (stream_id, category, revision) values ($1, $2, $3::bigint - 1)
              on conflict (stream_id) do nothing returning revision`,
  any: `insert into es_streams (stream_id, category, revision) values ($1, $2, $3::bigint - 1)
        on conflict (stream_id) do update set revision = es_streams.revision + $3::bigint returning revision`,
  stream_exists: `update es_streams set revision = revision + $3::bigint where stream_id = $1
                  returning revision`,
  exact: `update es_streams set revision = revision + $3::bigint
          where stream_id = $1 and revision = $8::bigint returning revision`,
};

export interface PostgresEventStoreOptions {
  /** How often a live subscription looks for appends made by other processes. */
  readonly pollIntervalMs?: number;
}

/** The default adapter: PostgreSQL as an append-only log with EventStoreDB semantics. */
export class PostgresEventStore implements EventStore {
  private readonly appended = new AppendSignal();

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {}

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('appendToStream needs at least one event');
    const expected = options.expectedRevision;
    const kind = typeof expected === 'bigint' ? 'exact' : expected;
    const params: unknown[] = [
      streamId,
      streamCategory(streamId),
      events.length,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ];
    if (typeof expected === 'bigint') params.push(expected.toString());
    const sql = `with s as (${STREAM_UPDATE[kind]}) ${INSERT_EVENTS}`;
    let rows: { position: string; transaction_id: string; revision: string }[];
    try {
      rows = (await this.query(sql, params)).rows as typeof rows;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      rows = [];
    }
    if (rows.length === 0) return this.replayOrConflict(streamId, events, expected);
    this.appended.notify();
    const last = rows[rows.length - 1] as (typeof rows)[number];
    return {
      nextExpectedRevision: BigInt(last.revision),
      position: { commit: BigInt(last.transaction_id), prepare: BigInt(last.position) },
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const limit = options.maxCount ?? null;
    const start =
      from === undefined || from === 'start' || from === 'end'
        ? null
        : from.toString();
    if (!backwards && from === 'end') return [];
    if (backwards && from === 'start') {
      const { rows } = await this.query<EventRow>(
        `select ${COLUMNS} from es_events where stream_id = $1 and revision = 0`,
        [streamId],
      );
      return limit === 0 ? [] : rows.map(toRecordedEvent);
    }
    const { rows } = await this.query<EventRow>(
      backwards
        ? `select ${COLUMNS} from es_events where stream_id = $1 and ($2::bigint is null or revision <= $2)
           order by revision desc limit $3`
        : `select ${COLUMNS} from es_events where stream_id = $1 and ($2::bigint is null or revision >= $2)
           order by revision limit $3`,
      [streamId, start, limit],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 'start';
    const categories = options.filter?.streamCategories;
    const params: unknown[] = [
      from === 'start' ? '0' : from.commit.toString(),
      from === 'start' ? '0' : from.prepare.toString(),
      options.maxCount ?? null,
    ];
    let categoryClause = '';
    if (categories && categories.length > 0) {
      params.push(categories);
      categoryClause = 'and category = any($4::text[])';
    }
    const { rows } = await this.query<EventRow>(
      `select ${COLUMNS} from es_events
       where (transaction_id, position) >= ($1::text::xid8, $2::bigint)
         and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ${categoryClause}
       -- Qualified: a bare "transaction_id" here would mean the select list's ::text
       -- column, sorting '10' before '9' (and defeating the index).
       order by es_events.transaction_id, es_events.position
       limit $3`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    return pollingSubscription(
      { readAll: (o) => this.readAll(o), waitForAppend: (s, t) => this.appended.wait(s, t) },
      { ...options, pollIntervalMs: this.options.pollIntervalMs ?? 200 },
    );
  }

  async ping(): Promise<void> {
    await this.query('select 1', []);
  }

  /** The pool belongs to whoever created it. */
  async close(): Promise<void> {}

  private async replayOrConflict(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const { rows } = await this.query<EventRow>(
      `select ${COLUMNS} from es_events where id = any($1::uuid[]) order by revision`,
      [events.map((e) => e.id)],
    );
    if (rows.length > 0) {
      const sameStream = rows.filter((r) => r.stream_id === streamId);
      if (sameStream.length !== events.length) {
        throw new IdempotencyViolationError(streamId, events.map((e) => e.id));
      }
      const last = toRecordedEvent(sameStream[sameStream.length - 1] as EventRow);
      return { nextExpectedRevision: last.revision, position: last.position };
    }
    const current = await this.query<{ revision: string }>(
      'select revision from es_streams where stream_id = $1',
      [streamId],
    );
    const actual = current.rows[0] ? BigInt(current.rows[0].revision) : undefined;
    throw new WrongExpectedVersionError(streamId, expected, actual);
  }

  private async query<R extends QueryResultRow>(sql: string, params: unknown[]) {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      if (isConnectionError(error)) {
        throw new EventStoreUnavailableError('The event store (PostgreSQL) is unavailable', error);
      }
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  const position: Position = { commit: BigInt(row.transaction_id), prepare: BigInt(row.position) };
  return {
    id: row.id,
    type: row.type,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position,
    data: row.data,
    metadata: { ...row.metadata, recordedAt: row.recorded_at.toISOString() },
  };
}
