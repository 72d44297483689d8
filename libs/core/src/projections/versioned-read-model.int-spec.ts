import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { runMigrations } from '../database/migrations';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { anEvent, uniqueCategory } from '../event-store/testing/event-store-contract';
import type { Position } from '../event-store/types';
import { testPool } from '../testing/postgres';
import { waitFor } from '../testing/wait-for';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { ReadModelVersions, readModelVersionMigrations, versionTable, type VersionedReadModel } from './versioned-read-model';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A toy read model: events per stream; version 2 adds a column, version 3 drops one. */
function model(name: string, category: string, version: number): VersionedReadModel {
  const columns =
    version === 1 ? 'stream text primary key, events int not null'
    : version === 2 ? 'stream text primary key, events int not null, doubled int not null'
    : 'stream text primary key, doubled int not null';
  return {
    name,
    version,
    createTable: (table) => `create table ${table} (${columns})`,
    projection: (table): Projection => ({
      name: table,
      categories: [category],
      async handle(event, tx) {
        const set = version === 1 ? 'events = t.events + 1' : version === 2 ? 'events = t.events + 1, doubled = t.doubled + 2' : 'doubled = t.doubled + 2';
        const insert = version === 1 ? '(stream, events) values ($1, 1)' : version === 2 ? '(stream, events, doubled) values ($1, 1, 2)' : '(stream, doubled) values ($1, 2)';
        await tx.query(`insert into ${table} as t ${insert} on conflict (stream) do update set ${set}`, [event.streamId]);
      },
      async reset(tx) {
        await tx.query(`delete from ${table}`);
      },
    }),
  };
}

describe('versioned read models', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let versions: ReadModelVersions;
  let category: string;
  let name: string;

  beforeAll(async () => {
    pool = testPool();
    await runMigrations(pool, readModelVersionMigrations);
    store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
    versions = new ReadModelVersions(pool, store);
  });
  afterAll(() => pool.end());
  beforeEach(() => {
    category = uniqueCategory();
    name = `rm_${category}`;
  });
  afterEach(async () => {
    await pool.query(`drop view if exists ${name}`);
    for (const v of [1, 2, 3]) await pool.query(`drop table if exists ${name}_v${v}`);
    await pool.query('delete from read_model_versions where name = $1', [name]);
  });

  async function append(streams: number, each: number): Promise<void> {
    for (let s = 0; s < streams; s++) {
      await store.appendToStream(`${category}-${randomUUID()}`, Array.from({ length: each }, () => anEvent()), { expectedRevision: 'no_stream' });
    }
  }

  /** Runs a version's projection to the end, switching it in when it catches up if it is building. */
  async function build(m: VersionedReadModel, switchWhenCaughtUp: boolean): Promise<ProjectionRunner> {
    let switched: Promise<boolean> = Promise.resolve(false);
    const runner = new ProjectionRunner(pool, store, m.projection(versionTable(m)), silent, {
      onBatch: (_name: string, _events: number, position: Position) => {
        if (switchWhenCaughtUp) switched = versions.switchIfCaughtUp(m, position, [category]);
      },
    });
    runner.start();
    await waitFor(async () => {
      const total = await pool.query<{ n: string }>(`select coalesce(sum(events), 0) as n from ${versionTable(m)}`).catch(() => null);
      return Number(total?.rows[0]?.n ?? -1) === 30 || (m.version === 3 && (await pool.query(`select 1 from ${versionTable(m)}`)).rowCount === 10);
    }, { timeoutMs: 5_000, message: `${versionTable(m)} built` });
    await switched;
    return runner;
  }

  it('a new version is built alongside the live one, which keeps serving whole, then takes over in one step', async () => {
    await append(10, 3);
    const v1 = model(name, category, 1);
    expect(await versions.prepare(v1)).toBe('live');
    const r1 = await build(v1, false);
    await r1.stop();
    expect((await pool.query(`select sum(events)::int as n from ${name}`)).rows[0]).toEqual({ n: 30 });

    const v2 = model(name, category, 2);
    expect(await versions.prepare(v2)).toBe('building');
    // Readers still see version 1, whole, while version 2 is empty.
    expect((await pool.query(`select sum(events)::int as n from ${name}`)).rows[0]).toEqual({ n: 30 });
    await expect(pool.query(`select doubled from ${name}`)).rejects.toThrow(/doubled/);

    const r2 = await build(v2, true);
    await r2.stop();
    expect((await pool.query(`select sum(events)::int as n, sum(doubled)::int as d from ${name}`)).rows[0]).toEqual({ n: 30, d: 60 });
    expect(await versions.liveVersion(name)).toEqual({ version: 2, table: `${name}_v2` });
    expect((await pool.query('select to_regclass($1) as t', [`${name}_v1`])).rows[0]).toEqual({ t: null }); // the old table is gone
    expect(await versions.prepare(v2)).toBe('live');
  });

  it('older code meeting a newer read model refuses to start; a shape that would break readers does not switch', async () => {
    await append(10, 3);
    const v2 = model(name, category, 2);
    expect(await versions.prepare(v2)).toBe('live');
    await (await build(v2, false)).stop();
    await expect(versions.prepare(model(name, category, 1))).rejects.toThrow(/version 2, newer than this code's 1/);

    const v3 = model(name, category, 3); // drops the `events` column readers use
    expect(await versions.prepare(v3)).toBe('building');
    const runner = new ProjectionRunner(pool, store, v3.projection(versionTable(v3)), silent);
    runner.start();
    await waitFor(async () => (await pool.query(`select 1 from ${name}_v3`)).rowCount === 10, { timeoutMs: 5_000 });
    await runner.stop();
    const last = (await store.readAll({ filter: { streamCategories: [category] } })).at(-1);
    await expect(versions.switchIfCaughtUp(v3, last?.position as Position, [category])).rejects.toThrow();
    expect(await versions.liveVersion(name)).toEqual({ version: 2, table: `${name}_v2` });
    expect((await pool.query(`select sum(events)::int as n from ${name}`)).rows[0]).toEqual({ n: 30 });
  });

  it('does not switch before the new version has caught up', async () => {
    await append(10, 3);
    const v1 = model(name, category, 1);
    await versions.prepare(v1);
    await (await build(v1, false)).stop();
    const v2 = model(name, category, 2);
    await versions.prepare(v2);
    const first = (await store.readAll({ filter: { streamCategories: [category] } }))[0];
    expect(await versions.switchIfCaughtUp(v2, first?.position as Position, [category])).toBe(false);
    expect(await versions.liveVersion(name)).toEqual({ version: 1, table: `${name}_v1` });
  });
});
