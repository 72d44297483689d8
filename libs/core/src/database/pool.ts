import { Pool, types, type PoolConfig } from 'pg';

/**
 * A SQL `date` is a calendar day, not an instant: read it as its 'YYYY-MM-DD' text rather
 * than a JavaScript Date at the server's local midnight (which shifts with the time zone).
 */
const DATE_OID = 1082;
const asText = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? (value: string) => value : types.getTypeParser(oid, format)) };

export function createPool(connectionString: string, options: Partial<PoolConfig> = {}): Pool {
  const pool = new Pool({
    connectionString,
    max: 20,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: asText as PoolConfig['types'],
    ...options,
  });
  // An idle client losing its connection (e.g. PostgreSQL restarting) must not crash the
  // process; the next query gets a fresh connection or a clear error.
  pool.on('error', () => undefined);
  return pool;
}
