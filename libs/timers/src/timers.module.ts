import { Inject, Injectable, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import { Metrics } from '@casework/core/observability/metrics';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { ProjectionHost } from '@casework/platform/projection-host';
import { PG_POOL, REDIS, ROOT_LOGGER } from '@casework/platform/tokens';
import { DeadlineHandlerRegistry } from './application/deadline-handlers';
import { DeadlineTimers } from './application/deadline-timers';
import { deadlinesProjection } from './read-model/deadlines.projection';
import { timersPersonalDataPurger } from './read-model/personal-data.purger';
import { personalDataPurger } from '@casework/identity/personal-data/purgers';

@Injectable()
class TimersLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly timers: DeadlineTimers,
    private readonly handlers: DeadlineHandlerRegistry,
    private readonly projections: ProjectionHost,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Deadline events of every workflow feed one table; jobs follow each committed batch.
    this.projections.register(deadlinesProjection([], (ids) => this.timers.sync(ids)));
    this.metrics.onScrape(async () => {
      const counts = await this.timers.queue.getJobCounts('delayed', 'waiting', 'active', 'failed');
      for (const [state, n] of Object.entries(counts)) this.metrics.timerQueueDepth.set({ state }, n);
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.ROLE === 'api') return;
    this.timers.startWorker(this.handlers.all(), (latenessMs) => this.metrics.timerLateness.observe(latenessMs / 1000));
    this.timers.startReconciling([...this.handlers.all().keys()], this.config.TIMER_RECONCILE_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.timers.close();
  }
}

@Module({
  providers: [
    DeadlineHandlerRegistry,
    {
      provide: DeadlineTimers,
      inject: [PG_POOL, REDIS, CLOCK, ROOT_LOGGER, APP_CONFIG],
      useFactory: (pool: Pool, redis: Redis, clock: Clock, logger: Logger, config: AppConfig) =>
        new DeadlineTimers(pool, redis, clock, logger.child({ component: 'timers' }), config.TIMER_QUEUE),
    },
    TimersLifecycle,
    personalDataPurger(timersPersonalDataPurger),
  ],
  exports: [DeadlineHandlerRegistry, DeadlineTimers],
})
export class TimersModule {}
