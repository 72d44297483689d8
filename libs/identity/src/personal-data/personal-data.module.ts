import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import type { EventStore } from '@casework/core/event-store/types';
import { EVENT_STORE, PG_POOL } from '@casework/platform/tokens';
import { EncryptingEventStore } from './encrypting-event-store';
import { withPersonalDataEncryption } from './encryption.factory';
import { ErasureService } from './erasure.service';
import { PersonalDataController } from './personal-data.controller';
import { RETENTION_POLICY } from './personal-data.tokens';
import { PersonalDataPurgers } from './purgers';
import { loadRetentionPolicy, type RetentionPolicy } from './retention-policy';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionSweep } from './retention-sweep';

const providers = [
  PersonalDataPurgers,
  {
    provide: RETENTION_POLICY,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): RetentionPolicy => loadRetentionPolicy(config.RETENTION_POLICY_FILE),
  },
  {
    provide: ErasureService,
    inject: [PG_POOL, EVENT_STORE, APP_CONFIG, PersonalDataPurgers],
    useFactory: (pool: Pool, store: EventStore, config: AppConfig, purgers: PersonalDataPurgers) =>
      // The store's own key table and cache, so this process forgets an erased key at once.
      new ErasureService(
        pool,
        store instanceof EncryptingEventStore ? store.keys : withPersonalDataEncryption(store, config, pool).keys,
        () => purgers.list(),
      ),
  },
  {
    provide: RetentionSweep,
    inject: [PG_POOL, EVENT_STORE, ErasureService, RETENTION_POLICY],
    useFactory: (pool: Pool, store: EventStore, erasures: ErasureService, policy: RetentionPolicy) =>
      // Only types and dates are read: the raw adapter spares decrypting every record.
      new RetentionSweep(pool, store instanceof EncryptingEventStore ? store.inner : store, erasures, policy),
  },
  RetentionScheduler,
];

/** Erasure, retention and the registry every read model's purger joins. */
@Global()
@Module({})
export class PersonalDataModule {
  static forRoot(): DynamicModule {
    return {
      module: PersonalDataModule,
      providers,
      controllers: [PersonalDataController],
      exports: [PersonalDataPurgers, ErasureService, RetentionSweep],
    };
  }
}
