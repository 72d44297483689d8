import type { Pool, PoolClient } from 'pg';
import type { Migration } from '../database/migrations';
import type { EventStore, Position } from '../event-store/types';
import type { Projection } from './projection';

/**
 * A read model whose shape can change without downtime. Readers query `name`, a view over
 * the live version's table (`<name>_v<version>`). When the code brings a new version, its
 * table is built from the event store alongside the old one, which keeps serving; when
 * the build has caught up, one transaction points the view at the new table and drops the
 * old one. Nobody ever reads a half-built read model.
 *
 * The view is replaced in place (`create or replace view`), so a new version keeps the old
 * columns (same names and types, in order) and may add columns at the end; PostgreSQL
 * refuses anything else, and the switch then waits (logged) rather than break readers.
 */
export interface VersionedReadModel {
  /** What readers query: a view. */
  readonly name: string;
  /** Bump when the shape or the meaning of the rows changes. */
  readonly version: number;
  /** SQL creating this version's table (and its indexes) under the given name. */
  readonly createTable: (table: string) => string;
  /** The projection that fills that table; its name is the table's. */
  readonly projection: (table: string) => Projection;
}

export const readModelVersionMigrations: readonly Migration[] = [
  {
    id: '0003_core_read_model_versions',
    sql: `
      create table read_model_versions (
        name text primary key,
        live_version int not null,
        live_table text not null,
        switched_at timestamptz not null default now()
      );
    `,
  },
];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const LOCK_NAMESPACE = 4_286_003;

export function versionTable(model: Pick<VersionedReadModel, 'name' | 'version'>): string {
  return `${model.name}_v${model.version}`;
}

export type VersionState = 'live' | 'building';

export class ReadModelVersions {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  /**
   * Before the projection runs: makes sure this version's table exists and, when nothing
   * is live yet, makes it the live one. Says whether this version serves readers now.
   */
  async prepare(model: VersionedReadModel): Promise<VersionState> {
    const table = versionTable(model);
    for (const name of [model.name, table]) {
      if (!IDENTIFIER.test(name)) throw new Error(`Not a read model name: ${name}`);
    }
    return this.locked(model.name, async (client) => {
      const exists = await client.query<{ found: string | null }>('select to_regclass($1) as found', [table]);
      if (!exists.rows[0]?.found) await client.query(model.createTable(table));
      const live = await this.live(client, model.name);
      if (!live) {
        await client.query(`create or replace view ${model.name} as select * from ${table}`);
        await client.query('insert into read_model_versions (name, live_version, live_table) values ($1, $2, $3)', [
          model.name,
          model.version,
          table,
        ]);
        return 'live';
      }
      if (live.version === model.version) return 'live';
      if (live.version > model.version) {
        throw new Error(
          `Read model ${model.name} is at version ${live.version}, newer than this code's ${model.version}: deploy the newer code`,
        );
      }
      return 'building';
    });
  }

  /**
   * After a batch of a building version: if the projection has reached the end of the
   * store, points the view at its table and drops the old one. Returns true when switched.
   */
  async switchIfCaughtUp(model: VersionedReadModel, position: Position, categories: readonly string[]): Promise<boolean> {
    const next = await this.store.readAll({ fromPosition: position, maxCount: 2, filter: { streamCategories: categories } });
    if (next.length > 1) return false; // more to do (readAll includes the position itself)
    const table = versionTable(model);
    return this.locked(model.name, async (client) => {
      const live = await this.live(client, model.name);
      if (!live || live.version >= model.version) return false;
      await client.query('begin');
      try {
        await client.query(`create or replace view ${model.name} as select * from ${table}`);
        await client.query('update read_model_versions set live_version = $2, live_table = $3, switched_at = now() where name = $1', [
          model.name,
          model.version,
          table,
        ]);
        if (IDENTIFIER.test(live.table)) await client.query(`drop table if exists ${live.table}`);
        await client.query('delete from projection_checkpoints where name = $1', [live.table]);
        await client.query('commit');
        return true;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    });
  }

  async liveVersion(name: string): Promise<{ version: number; table: string } | null> {
    return this.live(this.pool, name);
  }

  private async live(client: Pool | PoolClient, name: string): Promise<{ version: number; table: string } | null> {
    const { rows } = await client.query<{ live_version: number; live_table: string }>(
      'select live_version, live_table from read_model_versions where name = $1',
      [name],
    );
    const row = rows[0];
    return row ? { version: row.live_version, table: row.live_table } : null;
  }

  /** One process at a time prepares or switches a given read model. */
  private async locked<T>(name: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1, hashtext($2))', [LOCK_NAMESPACE, name]);
      try {
        return await work(client);
      } finally {
        await client.query('select pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, name]);
      }
    } finally {
      client.release();
    }
  }
}
