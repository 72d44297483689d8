import type { Pool } from 'pg';
import type { AppConfig } from '@casework/core/config/app-config';
import { InMemoryEventStore } from '@casework/core/event-store/memory/memory-event-store';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import type { EventStore } from '@casework/core/event-store/types';
import { withPersonalDataEncryption } from '@casework/identity/personal-data/encryption.factory';

/** The app's store: the configured adapter, with personal data encrypted over it. */
export async function createEventStore(config: AppConfig, pool: Pool): Promise<EventStore> {
  return withPersonalDataEncryption(await createAdapter(config, pool), config, pool);
}

export async function createAdapter(config: AppConfig, pool: Pool): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'postgres':
      return new PostgresEventStore(pool, { pollIntervalMs: config.PROJECTION_POLL_MS });
    case 'memory':
      return new InMemoryEventStore();
    case 'esdb': {
      // Loaded lazily so the gRPC client is only required where it is used.
      const { EsdbEventStore } = await import('@casework/core/event-store/esdb/esdb-event-store');
      return EsdbEventStore.fromConnectionString(config.EVENTSTORE_CONNECTION_STRING as string);
    }
    default: {
      const exhaustive: never = config.EVENT_STORE;
      throw new Error(`Unknown EVENT_STORE ${String(exhaustive)}`);
    }
  }
}
