import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import type { EventStore } from '@casework/core/event-store/types';
import { Metrics } from '@casework/core/observability/metrics';
import type { Projection } from '@casework/core/projections/projection';
import { ProjectionRunner, type ProjectionStatus } from '@casework/core/projections/projection-runner';
import { EVENT_STORE, PG_POOL, ROOT_LOGGER } from './tokens';

/**
 * Where every module registers its projections. In a process with the worker role it
 * runs each as a single active consumer; an api-only process just lists them (for
 * /health and the rebuild CLI).
 */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly projections = new Map<string, Projection>();
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  register(projection: Projection): void {
    if (this.projections.has(projection.name)) throw new Error(`Projection ${projection.name} registered twice`);
    this.projections.set(projection.name, projection);
  }

  get(name: string): Projection | undefined {
    return this.projections.get(name);
  }

  list(): Projection[] {
    return [...this.projections.values()];
  }

  startAll(): void {
    const logger = this.logger.child({ component: 'projections' });
    for (const projection of this.projections.values()) {
      if (this.runners.has(projection.name)) continue;
      const runner = new ProjectionRunner(this.pool, this.store, projection, logger, {
        onBatch: (name, events, _position, last) => {
          this.metrics.projectionEvents.inc({ projection: name }, events);
          if (last) {
            const lagMs = Date.now() - Date.parse(last.metadata.recordedAt);
            this.metrics.projectionLag.set({ projection: name }, Math.max(0, lagMs) / 1000);
          }
        },
      });
      this.runners.set(projection.name, runner);
      runner.start();
    }
  }

  statuses(): ProjectionStatus[] {
    return [...this.runners.values()].map((r) => r.status());
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
    this.runners.clear();
  }

  /** Workers (and the all-in-one demo) run projections; api-only processes do not. */
  onApplicationBootstrap(): void {
    if (this.config.ROLE !== 'api') this.startAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopAll();
  }

  get role(): AppConfig['ROLE'] {
    return this.config.ROLE;
  }
}
