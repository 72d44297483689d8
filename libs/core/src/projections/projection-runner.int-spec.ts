import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { anEvent, uniqueCategory } from '../event-store/testing/event-store-contract';
import type { RecordedEvent } from '../event-store/types';
import { testPool } from '../testing/postgres';
import { waitFor } from '../testing/wait-for';
import type { Projection } from './projection';
import { ProjectionRunner, rebuildProjection } from './projection-runner';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Appends every event id to a log table with no unique key, so a double apply shows. */
function logProjection(table: string, category: string, hooks: { onEvent?: (e: RecordedEvent, tx: PoolClient) => Promise<void> } = {}): Projection {
  return {
    name: `test_${table}`,
    categories: [category],
    async handle(event, tx) {
      await hooks.onEvent?.(event, tx);
      await tx.query(`insert into ${table} (event_id, type) values ($1, $2)`, [event.id, event.type]);
    },
    async reset(tx) {
      await tx.query(`delete from ${table}`);
    },
  };
}

describe('projection runner', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let category: string;
  let table: string;

  beforeAll(() => {
    pool = testPool();
    store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  });
  afterAll(() => pool.end());
  beforeEach(async () => {
    category = uniqueCategory();
    table = `log_${category}`;
    await pool.query(`create table ${table} (event_id uuid not null, type text not null)`);
  });
  afterEach(async () => {
    await pool.query(`drop table ${table}`);
  });

  async function appendEvents(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 10) {
      const events = Array.from({ length: Math.min(10, count - i) }, (_, j) => anEvent(`E${i + j}`));
      await store.appendToStream(`${category}-${randomUUID()}`, events, { expectedRevision: 'no_stream' });
      ids.push(...events.map((e) => e.id));
    }
    return ids;
  }

  async function logged(): Promise<string[]> {
    return (await pool.query<{ event_id: string }>(`select event_id from ${table}`)).rows.map((r) => r.event_id);
  }

  it('a projection killed mid-batch resumes without losing or double-applying an event', async () => {
    const ids = await appendEvents(60);
    let killed = false;
    const projection = logProjection(table, category, {
      // Half-way through a batch, PostgreSQL loses the runner's session: exactly what a
      // kill -9 of the worker looks like from the database (the open transaction aborts).
      onEvent: async (event, tx) => {
        if (!killed && event.type === 'E35') {
          killed = true;
          const { rows } = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
          await pool.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
        }
      },
    });
    const runner = new ProjectionRunner(pool, store, projection, silent, { batchSize: 20, retryDelayMs: 50 });
    runner.start();
    try {
      await waitFor(async () => (await logged()).length === 60, { timeoutMs: 10_000 });
      expect(killed).toBe(true);
      expect((await logged()).sort()).toEqual([...ids].sort());
      const more = await appendEvents(5);
      await waitFor(async () => (await logged()).length === 65);
      expect(new Set(await logged())).toEqual(new Set([...ids, ...more]));
    } finally {
      await runner.stop();
    }
  });

  it('a restarted runner resumes exactly after its checkpoint', async () => {
    const first = await appendEvents(20);
    const projection = logProjection(table, category);
    const runner = new ProjectionRunner(pool, store, projection, silent);
    runner.start();
    await waitFor(async () => (await logged()).length === 20);
    await runner.stop();
    const second = await appendEvents(15);
    const restarted = new ProjectionRunner(pool, store, projection, silent);
    restarted.start();
    try {
      await waitFor(async () => (await logged()).length === 35);
      expect((await logged()).sort()).toEqual([...first, ...second].sort());
    } finally {
      await restarted.stop();
    }
  });

  it('only one runner per projection is active; the other stands by and takes over', async () => {
    await appendEvents(10);
    const projection = logProjection(table, category);
    const active = new ProjectionRunner(pool, store, projection, silent, { standbyPollMs: 50 });
    const standby = new ProjectionRunner(pool, store, projection, silent, { standbyPollMs: 50 });
    active.start();
    await waitFor(async () => (await logged()).length === 10);
    standby.start();
    await waitFor(async () => standby.status().state === 'standby');
    await active.stop();
    await appendEvents(10);
    try {
      await waitFor(async () => (await logged()).length === 20);
      expect(standby.status().state).toBe('running');
      expect(new Set(await logged()).size).toBe(20);
    } finally {
      await standby.stop();
    }
  });

  it('a poison event stops only its projection, reports its position, and resumes after a fix', async () => {
    await appendEvents(10);
    let broken = true;
    const poisoned = logProjection(table, category, {
      onEvent: async (event) => {
        if (broken && event.type === 'E4') throw new Error('cannot handle E4');
      },
    });
    const healthyTable = `${table}_ok`;
    await pool.query(`create table ${healthyTable} (event_id uuid not null, type text not null)`);
    const healthy = { ...logProjection(healthyTable, category), name: `test_${healthyTable}` };
    const runners = [
      new ProjectionRunner(pool, store, poisoned, silent, { retryDelayMs: 100 }),
      new ProjectionRunner(pool, store, healthy, silent),
    ];
    runners.forEach((r) => r.start());
    try {
      await waitFor(async () => runners[0]?.status().state === 'failed');
      const failed = runners[0]?.status();
      const poison = (await store.readAll({ filter: { streamCategories: [category] } })).find((e) => e.type === 'E4');
      expect(failed?.lastErrorPosition).toBe(`${poison?.position.commit}/${poison?.position.prepare}`);
      expect(failed?.lastError).toContain('cannot handle E4');
      const { rows } = await pool.query('select status, error_position from projection_checkpoints where name = $1', [poisoned.name]);
      expect(rows[0]).toEqual({ status: 'failed', error_position: failed?.lastErrorPosition });
      await waitFor(async () => (await pool.query(`select 1 from ${healthyTable}`)).rowCount === 10);
      expect(await logged()).toEqual([]);
      broken = false;
      await waitFor(async () => (await logged()).length === 10);
      expect(runners[0]?.status().state).toBe('running');
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await pool.query(`drop table ${healthyTable}`);
    }
  });

  it('a batch handler applies whole batches; when it fails, events go one by one and the poison is still named', async () => {
    await appendEvents(10);
    let broken = true;
    const batches: number[] = [];
    const base = logProjection(table, category, {
      onEvent: async (event) => {
        if (broken && event.type === 'E7') throw new Error('cannot handle E7');
      },
    });
    const batched: Projection = {
      ...base,
      async handleBatch(events, tx) {
        batches.push(events.length);
        if (broken) throw new Error('batch handler gave up');
        for (const event of events) await tx.query(`insert into ${table} (event_id, type) values ($1, $2)`, [event.id, event.type]);
      },
    };
    const runner = new ProjectionRunner(pool, store, batched, silent, { retryDelayMs: 100 });
    runner.start();
    try {
      await waitFor(async () => runner.status().state === 'failed');
      const poison = (await store.readAll({ filter: { streamCategories: [category] } })).find((e) => e.type === 'E7');
      expect(runner.status().lastErrorPosition).toBe(`${poison?.position.commit}/${poison?.position.prepare}`);
      expect(await logged()).toEqual([]); // the failed batch, fallback included, left nothing
      broken = false;
      await waitFor(async () => (await logged()).length === 10);
      expect(batches.at(-1)).toBeGreaterThan(1); // the fixed handler took the events as one batch
    } finally {
      await runner.stop();
    }
  });

  it('a rebuild leaves the read model identical to the live one', async () => {
    await appendEvents(50);
    const projection = logProjection(table, category);
    const runner = new ProjectionRunner(pool, store, projection, silent);
    runner.start();
    await waitFor(async () => (await logged()).length === 50);
    const live = (await logged()).sort();
    await expect(rebuildProjection(pool, store, projection)).rejects.toThrow(/being run by a worker/);
    await runner.stop();
    const progress: number[] = [];
    const result = await rebuildProjection(pool, store, projection, { batchSize: 16, onProgress: (p) => progress.push(p.processed) });
    expect(result.processed).toBe(50);
    expect(progress).toEqual([16, 32, 48, 50]);
    expect((await logged()).sort()).toEqual(live);
  });
});
