import { loadConfig } from '@casework/core/config/app-config';
import { createPool } from '@casework/core/database/pool';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { withPersonalDataEncryption } from '@casework/identity/personal-data/encryption.factory';
import { sealExistingEvents } from '@casework/identity/personal-data/seal-existing';

/**
 * `npm run personal-data:seal`: the one-off upgrade for a PostgreSQL store holding events
 * written before personal-data encryption (see docs/security.md). Safe to run while the
 * app runs (each row is updated only if unchanged) and to run again (sealed events are skipped).
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.EVENT_STORE !== 'postgres') {
    throw new Error('Only the PostgreSQL event store can be sealed in place; an EventStoreDB store is copied to a new one instead');
  }
  const pool = createPool(config.DATABASE_URL, { max: 4 });
  try {
    const store = withPersonalDataEncryption(new PostgresEventStore(pool), config, pool);
    const report = await sealExistingEvents(pool, store, {
      onProgress: (r) => process.stdout.write(`\r${r.streams} streams, ${r.examined} events examined, ${r.sealed} sealed`),
    });
    process.stdout.write(`\nDone: ${report.streams} streams, ${report.examined} events examined, ${report.sealed} sealed.\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
