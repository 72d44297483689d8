import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { e2eDatabaseUrl, testDatabaseUrl } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';

/** Migrate the integration and e2e databases once before the tests that use them. */
export default async function globalSetup(): Promise<void> {
  for (const url of [testDatabaseUrl(), e2eDatabaseUrl()]) {
    const pool = createPool(url, { max: 1 });
    try {
      await runMigrations(pool, ALL_MIGRATIONS);
    } finally {
      await pool.end();
    }
  }
}
