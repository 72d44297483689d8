import type { Pool } from 'pg';
import { createPool } from '../database/pool';

/** The database integration tests use; `npm test` creates it (scripts/ensure-services.sh). */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_test';
}

export function testPool(max = 10): Pool {
  return createPool(testDatabaseUrl(), { max });
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
}
