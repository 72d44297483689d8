import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../event-store/types';

/**
 * A read model fed from the event store. Its handler runs inside the runner's
 * transaction, which also moves the checkpoint: rows and checkpoint commit together, so
 * a crash re-applies a whole batch or nothing.
 */
export interface Projection {
  /** Stable name, also the checkpoint key; bump a suffix (`_v2`) when the shape changes. */
  readonly name: string;
  readonly categories: readonly string[];
  /** Event types it reacts to; others are skipped without calling the handler. */
  readonly eventTypes?: ReadonlySet<string>;
  handle(event: RecordedEvent, tx: PoolClient): Promise<void>;
  /**
   * Optional: applies a whole batch at once (e.g. one read and one write for all the rows
   * it touches). Must leave the same rows as `handle` for each event in order. If it throws,
   * the runner undoes it and applies the batch event by event, so a poison event is still
   * found and reported by its position.
   */
  handleBatch?(events: readonly RecordedEvent[], tx: PoolClient): Promise<void>;
  /** Empty the read model before a rebuild. */
  reset(tx: PoolClient): Promise<void>;
  /** Runs after each committed batch (e.g. to schedule timers); failures are logged only. */
  afterCommit?(events: readonly RecordedEvent[]): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
