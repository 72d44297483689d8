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
