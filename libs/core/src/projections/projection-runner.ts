import type { Pool, PoolClient } from 'pg';
import { readAllAfter } from '../event-store/polling-subscription';
import { positionToString, type EventStore, type Position, type RecordedEvent } from '../event-store/types';
import { batched } from './batches';
import { loadCheckpoint, saveCheckpoint, recordFailure } from './checkpoints';
import type { Projection } from './projection';

export type RunnerState = 'starting' | 'standby' | 'running' | 'failed' | 'stopped';

export interface ProjectionStatus {
  readonly name: string;
  readonly state: RunnerState;
  readonly position: Position | null;
  readonly lastError: string | null;
  readonly lastErrorPosition: string | null;
}

export interface RunnerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  /** How long a failed projection waits before trying its batch again. */
  readonly retryDelayMs?: number;
  /** How often a standby runner tries to become the active one. */
  readonly standbyPollMs?: number;
  readonly onBatch?: (projection: string, events: number, lastPosition: Position, lastEvent?: RecordedEvent) => void;
}

const LOCK_NAMESPACE = 4_286_002;

/** A handler threw for one event: the projection stops there until it can go on. */
export class ProjectionHandlerError extends Error {
  constructor(readonly event: RecordedEvent, override readonly cause: unknown) {
    super(`Projection handler failed on ${event.type} at ${positionToString(event.position)}: ${String(
      cause instanceof Error ? cause.message : cause,
    )}`);
  }
}

/**
 * Runs one projection as the single active consumer across all worker replicas: a
 * session advisory lock, held on the connection that also writes, elects the runner;
 * the others wait in standby and take over when its session ends.
 */
export class ProjectionRunner {
  private state: RunnerState = 'starting';
  private position: Position | null = null;
  private lastError: string | null = null;
  private lastErrorPosition: string | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private closeSubscription: (() => Promise<void>) | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    readonly projection: Projection,
    private readonly logger: RunnerLogger,
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.closeSubscription?.();
    await this.loop;
    this.loop = null;
    this.state = 'stopped';
  }

  status(): ProjectionStatus {
    return {
      name: this.projection.name,
      state: this.state,
      position: this.position,
      lastError: this.lastError,
      lastErrorPosition: this.lastErrorPosition,
    };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let client: PoolClient | null = null;
      let broken = false;
      try {
        client = await this.pool.connect();
        // A checked-out client whose connection dies emits 'error'; the failing query
        // reports it to the loop below, so the event itself needs no handling.
        client.on('error', ignore);
        const locked = await tryLock(client, this.projection.name);
        if (!locked) {
          this.state = 'standby';
          client.removeListener('error', ignore);
          client.release();
          client = null;
          await this.pause(this.options.standbyPollMs ?? 2_000);
          continue;
        }
        await this.consume(client);
      } catch (error) {
        broken = true;
        await this.onFailure(client, error);
        await this.pause(this.options.retryDelayMs ?? 5_000);
      } finally {
        // Destroying the connection after a failure also drops the advisory lock.
        if (client) {
          if (!broken) await unlock(client, this.projection.name);
          client.removeListener('error', ignore);
          client.release(broken);
        }
      }
    }
  }

  private async consume(client: PoolClient): Promise<void> {
    this.position = await loadCheckpoint(client, this.projection.name);
    this.state = 'running';
    const subscription = this.store.subscribeToAll({
      fromPosition: this.position ?? 'start',
      filter: { streamCategories: this.projection.categories },
      batchSize: this.options.batchSize ?? 500,
    });
    this.closeSubscription = () => subscription.close();
    try {
      for await (const batch of batched(subscription, this.options.batchSize ?? 500)) {
        if (this.stopped) break;
        await applyBatch(client, this.projection, batch);
        this.position = (batch[batch.length - 1] as RecordedEvent).position;
        this.lastError = null;
        this.lastErrorPosition = null;
        this.options.onBatch?.(this.projection.name, batch.length, this.position, batch[batch.length - 1]);
        await this.afterCommit(batch);
      }
    } finally {
      this.closeSubscription = null;
      await subscription.close();
    }
  }

  private async afterCommit(batch: readonly RecordedEvent[]): Promise<void> {
    try {
      await this.projection.afterCommit?.(batch);
    } catch (error) {
      this.logger.warn({ projection: this.projection.name, err: error }, 'projection afterCommit failed');
    }
  }

  private async onFailure(client: PoolClient | null, error: unknown): Promise<void> {
    if (error instanceof ProjectionHandlerError) {
      this.state = 'failed';
      this.lastError = error.message;
      this.lastErrorPosition = positionToString(error.event.position);
      this.logger.error(
        {
          projection: this.projection.name,
          eventType: error.event.type,
          eventId: error.event.id,
          streamId: error.event.streamId,
          position: this.lastErrorPosition,
          err: error.cause,
        },
        'projection stopped on a failing event; it retries after a delay',
      );
      await recordFailure(this.pool, this.projection.name, error.message, this.lastErrorPosition).catch(() => undefined);
      return;
    }
    this.state = 'starting';
    this.lastError = error instanceof Error ? error.message : String(error);
    this.logger.warn({ projection: this.projection.name, err: error, hasClient: client !== null }, 'projection runner interrupted; retrying');
  }

  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function ignore(): void {}

export async function applyBatch(client: PoolClient, projection: Projection, batch: readonly RecordedEvent[]): Promise<void> {
  await client.query('begin');
  try {
    await applyInTransaction(client, projection, batch);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** The batch's events and the checkpoint after them, inside the caller's transaction. */
async function applyInTransaction(client: PoolClient, projection: Projection, batch: readonly RecordedEvent[]): Promise<void> {
  const events = projection.eventTypes ? batch.filter((e) => projection.eventTypes?.has(e.type)) : batch;
  if (!(await appliedAsBatch(client, projection, events))) {
    for (const event of events) {
      try {
        await projection.handle(event, client);
      } catch (cause) {
        throw new ProjectionHandlerError(event, cause);
      }
    }
  }
  await saveCheckpoint(client, projection.name, (batch[batch.length - 1] as RecordedEvent).position, batch.length);
}

/** Tries the projection's batch handler; on failure undoes it so events can go one by one. */
async function appliedAsBatch(client: PoolClient, projection: Projection, events: readonly RecordedEvent[]): Promise<boolean> {
  if (!projection.handleBatch || events.length === 0) return false;
  await client.query('savepoint projection_batch');
  try {
    await projection.handleBatch(events, client);
    await client.query('release savepoint projection_batch');
    return true;
  } catch {
    await client.query('rollback to savepoint projection_batch');
    return false;
  }
}

export async function tryLock(client: PoolClient, name: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    'select pg_try_advisory_lock($1, hashtext($2)) as locked',
    [LOCK_NAMESPACE, name],
  );
  return rows[0]?.locked === true;
}

async function unlock(client: PoolClient, name: string): Promise<void> {
  await client.query('select pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, name]).catch(() => undefined);
}

export interface RebuildProgress {
  readonly processed: number;
  readonly total: number;
}

/**
 * Empties the read model and replays every matching event into it, holding the
 * projection's lock so no live runner writes meanwhile. Fails fast if a runner holds it.
 */
export async function rebuildProjection(
  pool: Pool,
  store: EventStore,
  projection: Projection,
  options: {
    batchSize?: number;
    onProgress?: (p: RebuildProgress) => void;
    total?: number;
    /** Runs in the rebuild's transaction after the last event (e.g. re-applying recorded erasures). */
    afterReplay?: (tx: PoolClient) => Promise<void>;
  } = {},
): Promise<RebuildProgress> {
  const client = await pool.connect();
  try {
    if (!(await tryLock(client, projection.name))) {
      throw new Error(`Projection ${projection.name} is being run by a worker; stop the workers before rebuilding it.`);
    }
    try {
      // One transaction from the reset to the last event: readers see the old read model
      // until the new one is whole, and a rebuild that dies leaves the old one untouched.
      await client.query('begin');
      try {
        await projection.reset(client);
        await client.query('delete from projection_checkpoints where name = $1', [projection.name]);
        const total = options.total ?? 0;
        let processed = 0;
        let after: Position | 'start' = 'start';
        for (;;) {
          const batch = await readAllAfter(store, after, options.batchSize ?? 1_000, {
            streamCategories: projection.categories,
          });
          if (batch.length === 0) break;
          await applyInTransaction(client, projection, batch);
          processed += batch.length;
          after = (batch[batch.length - 1] as RecordedEvent).position;
          options.onProgress?.({ processed, total: Math.max(total, processed) });
        }
        await options.afterReplay?.(client);
        await client.query('commit');
        return { processed, total: Math.max(total, processed) };
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    } finally {
      await unlock(client, projection.name);
    }
  } finally {
    client.release();
  }
}
