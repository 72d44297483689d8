import { loadConfig } from '@casework/core/config/app-config';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';

/** `npm run migrate`: applies every pending migration to DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.DATABASE_URL, { max: 1 });
  try {
    const applied = await runMigrations(pool, ALL_MIGRATIONS);
    process.stdout.write(applied.length === 0 ? 'Schema is up to date.\n' : `Applied: ${applied.join(', ')}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
