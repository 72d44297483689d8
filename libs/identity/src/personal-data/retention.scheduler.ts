import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { REDIS, ROOT_LOGGER } from '@casework/platform/tokens';
import { RetentionSweep } from './retention-sweep';

export const RETENTION_SWEEP_JOB = 'retention-sweep';

/**
 * The retention sweep as a BullMQ job scheduler (one deterministic id, so every worker
 * replica upserts the same schedule and BullMQ runs each occurrence once), every
 * RETENTION_SWEEP_INTERVAL_MS, in the worker role only.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly sweep: RetentionSweep,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.ROLE === 'api') return;
    const name = `${this.config.TIMER_QUEUE}-retention`;
    const log = this.logger.child({ component: 'retention' });
    this.queue = new Queue(name, { connection: this.redis });
    await this.queue.upsertJobScheduler(
      RETENTION_SWEEP_JOB,
      { every: this.config.RETENTION_SWEEP_INTERVAL_MS },
      { name: RETENTION_SWEEP_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    this.connection = this.redis.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker(
      name,
      async () => {
        const result = await this.sweep.run(this.clock.now());
        log.info({ examined: result.examined, expired: result.expired.length }, 'retention sweep done');
        return { examined: result.examined, expired: result.expired.length };
      },
      { connection: this.connection, concurrency: 1 },
    );
    this.worker.on('failed', (_job, err) => log.warn({ err }, 'retention sweep failed; it runs again at the next interval'));
    this.worker.on('error', (err) => log.warn({ err }, 'retention worker error'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
    await this.queue?.close();
  }
}
