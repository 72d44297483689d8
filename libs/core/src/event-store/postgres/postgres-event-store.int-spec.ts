import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '../../testing/postgres';
import { anEvent, describeEventStoreContract, take, uniqueCategory } from '../testing/event-store-contract';
import type { RecordedEvent } from '../types';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const pool = testPool();
  return { store: new PostgresEventStore(pool, { pollIntervalMs: 20 }), cleanup: () => pool.end() };
});

describe('PostgreSQL event store: late commits', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(() => {
    pool = testPool();
    store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  });
  afterAll(() => pool.end());

  it('a catch-up reader never skips an event committed late by a concurrent transaction', async () => {
    const category = uniqueCategory();
    const early = `${category}-${randomUUID()}`;
    const late = `${category}-${randomUUID()}`;
    const subscription = store.subscribeToAll({ filter: { streamCategories: [category] } });
    const received = take(subscription, 2, 10_000);

    // Transaction A takes its id first and writes, but stays open...
    const held = await pool.connect();
    try {
      await held.query('begin');
      await held.query(
        `insert into es_streams (stream_id, category, revision) values ($1, $2, 0)`,
        [early, category],
      );
      const event = anEvent('WrittenFirstCommittedLast');
      await held.query(
        `insert into es_events (id, stream_id, category, revision, type, data, metadata)
         values ($1, $2, $3, 0, $4, '{}', $5)`,
        [event.id, early, category, event.type, JSON.stringify(event.metadata)],
      );
      // ...while transaction B writes and commits.
      await store.appendToStream(late, [anEvent('WrittenLastCommittedFirst')], { expectedRevision: 'no_stream' });

      // B is committed but must stay invisible to readers while A could still commit before it.
      const visible = await store.readAll({ filter: { streamCategories: [category] } });
      expect(visible).toEqual([]);
      await held.query('commit');
    } finally {
      held.release();
    }
    const events: RecordedEvent[] = await received;
    expect(events.map((e) => e.type)).toEqual(['WrittenFirstCommittedLast', 'WrittenLastCommittedFirst']);
  });
});

describe('PostgreSQL event store: global order', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(() => {
    pool = testPool();
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('orders $all by transaction id as a number, not as text (9 before 10)', async () => {
    // Written with chosen, long-past transaction ids: what a store looks like when its
    // ids cross a power of ten (…99999 → 100000). Text order would put 10 first.
    const category = uniqueCategory();
    const stream = `${category}-${randomUUID()}`;
    for (const [revision, xid] of [[0, '9'], [1, '10']] as const) {
      const event = anEvent(`InTransaction${xid}`);
      await pool.query(
        `insert into es_events (id, stream_id, category, revision, type, data, metadata, transaction_id)
         values ($1, $2, $3, $4, $5, '{}', $6, $7::xid8)`,
        [event.id, stream, category, revision, event.type, event.metadata, xid],
      );
    }
    const read = await store.readAll({ filter: { streamCategories: [category] } });
    expect(read.map((e) => e.type)).toEqual(['InTransaction9', 'InTransaction10']);
    expect(read.map((e) => e.position.commit)).toEqual([9n, 10n]);
  });
});
