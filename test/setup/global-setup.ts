import { runMigrations } from '@casework/core/database/migrations';
import { testPool } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';

/** Migrate the test database once before integration and e2e tests. */
export default async function globalSetup(): Promise<void> {
  const pool = testPool(1);
  try {
    await runMigrations(pool, ALL_MIGRATIONS);
  } finally {
    await pool.end();
  }
}
