import { Global, Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import { createPool } from '@casework/core/database/pool';
import type { EventStore } from '@casework/core/event-store/types';
import { Metrics } from '@casework/core/observability/metrics';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { CLOCK, systemClock, type Clock } from '@casework/core/time/clock';
import { calendarFromHolidaysFile } from '@casework/core/time/working-calendar';
import { createEventStore } from './event-store.factory';
import { createRootLogger } from './logger';
import { ProjectionHost } from './projection-host';
import { EVENT_STORE, PG_POOL, REDIS, ROOT_LOGGER, WORKING_CALENDAR } from './tokens';

export interface InfrastructureOptions {
  readonly config: AppConfig;
  /** Tests inject their own clock, store or logger. */
  readonly clock?: Clock;
  readonly eventStore?: EventStore;
  readonly logger?: Logger;
}

/** Closes shared connections last, after every module has stopped using them. */
@Injectable()
class ConnectionCloser implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionHost,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.projections.stopAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.redis.disconnect();
    await this.pool.end();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    const { config } = options;
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: ROOT_LOGGER, useValue: options.logger ?? createRootLogger(config) },
      { provide: CLOCK, useValue: options.clock ?? systemClock },
      { provide: PG_POOL, useFactory: () => createPool(config.DATABASE_URL) },
      {
        provide: EVENT_STORE,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => options.eventStore ?? createEventStore(config, pool),
      },
      {
        provide: REDIS,
        useFactory: (): Redis => {
          const redis = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
          redis.on('error', () => undefined);
          return redis;
        },
      },
      {
        provide: WORKING_CALENDAR,
        useFactory: (): WorkingCalendar => calendarFromHolidaysFile(config.BANK_HOLIDAYS_FILE),
      },
      { provide: CommandPipeline, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandPipeline(store) },
      { provide: Metrics, useFactory: () => new Metrics() },
      ProjectionHost,
      ConnectionCloser,
    ];
    return {
      module: InfrastructureModule,
      providers,
      exports: [APP_CONFIG, ROOT_LOGGER, CLOCK, PG_POOL, EVENT_STORE, REDIS, WORKING_CALENDAR, CommandPipeline, Metrics, ProjectionHost],
    };
  }
}
