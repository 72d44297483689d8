import { Client, type Pool, type PoolClient } from 'pg';
import { createPool } from '../database/pool';
import { runMigrations, type Migration } from '../database/migrations';

/** The database integration tests use; `npm test` creates it (scripts/ensure-services.sh). */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_test';
}

export function testPool(max = 10): Pool {
  return createPool(testDatabaseUrl(), { max });
}

/** A database of a test file's own beside the integration one: its name plus `_<suffix>`. */
export function sideDatabaseUrl(suffix: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

/**
 * Creates (when missing), migrates and empties a side database, for tests that run every
 * projection from the start of the store or write deliberately partial events: in the
 * shared integration database they would read, or leave, what other tests cannot project.
 */
export async function freshSideDatabase(suffix: string, migrations: readonly Migration[], max = 4): Promise<Pool> {
  const url = sideDatabaseUrl(suffix);
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const pool = createPool(url, { max });
  await runMigrations(pool, migrations);
  await emptyDatabase(pool);
  return pool;
}

/**
 * The database end-to-end tests own: each e2e file empties it before it starts, so it is
 * kept apart from the integration tests' database and the two can never disturb each other.
 */
export function e2eDatabaseUrl(): string {
  return process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_e2e';
}

export function e2eRedisUrl(): string {
  return process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
}

/** Runs `work` in a transaction on one client of `pool`: committed if it returns, rolled back if it throws. */
export async function inTransaction(pool: Pool, work: (tx: PoolClient) => Promise<void>): Promise<void> {
  const tx = await pool.connect();
  try {
    await tx.query('begin');
    await work(tx);
    await tx.query('commit');
  } catch (error) {
    await tx.query('rollback');
    throw error;
  } finally {
    tx.release();
  }
}

/**
 * Empties every table but the migrations ledger (store, checkpoints, read models and the
 * append-only audit trail, whose triggers a test database may bypass: the session runs as
 * a replica, which PostgreSQL lets only a superuser do).
 */
export async function emptyDatabase(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations'",
    );
    await client.query('set session_replication_role = replica');
    await client.query(`truncate ${rows.map((r) => r.name).join(', ')} restart identity`);
  } finally {
    await client.query('reset session_replication_role').catch(() => undefined);
    client.release();
  }
}
