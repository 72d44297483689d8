import { Pool, type PoolConfig } from 'pg';

export function createPool(connectionString: string, options: Partial<PoolConfig> = {}): Pool {
  const pool = new Pool({
    connectionString,
    max: 20,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...options,
  });
  // An idle client losing its connection (e.g. PostgreSQL restarting) must not crash the
  // process; the next query gets a fresh connection or a clear error.
  pool.on('error', () => undefined);
  return pool;
}
