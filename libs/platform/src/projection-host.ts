import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@casework/core/config/app-config';
import type { EventStore, Position } from '@casework/core/event-store/types';
import { Metrics } from '@casework/core/observability/metrics';
import type { Projection } from '@casework/core/projections/projection';
import { ProjectionRunner, type ProjectionStatus } from '@casework/core/projections/projection-runner';
import { ReadModelVersions, versionTable, type VersionState, type VersionedReadModel } from '@casework/core/projections/versioned-read-model';
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
  private readonly versioned = new Map<string, { model: VersionedReadModel; state: VersionState | 'unprepared' }>();

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

  /**
   * A read model readers query through a view, rebuilt alongside and switched over when a
   * new version of it is deployed (see VersionedReadModel).
   */
  registerVersioned(model: VersionedReadModel): void {
    const table = versionTable(model);
    this.versioned.set(table, { model, state: 'unprepared' });
    this.register(model.projection(table));
  }

  /** Creates versioned tables and views; which versions are live, which are building. */
  async prepareVersioned(): Promise<void> {
    const versions = new ReadModelVersions(this.pool, this.store);
    for (const entry of this.versioned.values()) {
      entry.state = await versions.prepare(entry.model);
      if (entry.state === 'building') {
        this.logger.info({ readModel: entry.model.name, version: entry.model.version }, 'building a new version of a read model alongside the live one');
      }
    }
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
        onBatch: (name, events, position, last) => {
          this.metrics.projectionEvents.inc({ projection: name }, events);
          this.maybeSwitch(name, position);
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

  /** A building version that has caught up becomes the live one. */
  private maybeSwitch(name: string, position: Position): void {
    const entry = this.versioned.get(name);
    if (!entry || entry.state !== 'building') return;
    const projection = this.projections.get(name);
    new ReadModelVersions(this.pool, this.store)
      .switchIfCaughtUp(entry.model, position, projection?.categories ?? [])
      .then((switched) => {
        if (!switched) return;
        entry.state = 'live';
        this.logger.info({ readModel: entry.model.name, version: entry.model.version }, 'read model switched to its new version');
      })
      .catch((err: unknown) => this.logger.error({ err, readModel: entry.model.name }, 'could not switch the read model to its new version'));
  }

  statuses(): ProjectionStatus[] {
    return [...this.runners.values()].map((r) => r.status());
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
    this.runners.clear();
  }

  /** Workers (and the all-in-one demo) run projections; api-only processes do not. */
  async onApplicationBootstrap(): Promise<void> {
    await this.prepareVersioned();
    if (this.config.ROLE !== 'api') this.startAll();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopAll();
  }

  get role(): AppConfig['ROLE'] {
    return this.config.ROLE;
  }
}
