import type { EventFilter, Position, ReadAllOptions, RecordedEvent, SubscribeToAllOptions, Subscription } from './types';

/**
 * A catch-up subscription built on repeated `readAll` from the last delivered position.
 * Catching up and going live are the same loop, so the switch cannot open a gap or
 * deliver twice: each batch starts strictly after the last event handed out. When a
 * batch comes back empty the loop waits for a wake-up (an append in this process) or
 * the poll interval (appends by other processes), whichever comes first.
 */
export interface PollingSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Resolves on the next local append, or never; must be cheap to call repeatedly. */
  waitForAppend(signal: AbortSignal, timeoutMs: number): Promise<void>;
}

export function pollingSubscription(
  source: PollingSource,
  options: SubscribeToAllOptions & { pollIntervalMs?: number },
): Subscription {
  const controller = new AbortController();
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  let after: Position | 'start' = options.fromPosition ?? 'start';

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    while (!controller.signal.aborted) {
      const fresh = await readAllAfter(source, after, batchSize, options.filter);
      for (const event of fresh) {
        if (controller.signal.aborted) return;
        after = event.position;
        yield event;
      }
      if (fresh.length === 0) await source.waitForAppend(controller.signal, pollIntervalMs);
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      controller.abort();
      await iterator.return(undefined);
    },
  };
}

/** `readAll` is inclusive of its start; this reads strictly after `after`. */
export async function readAllAfter(
  source: Pick<PollingSource, 'readAll'>,
  after: Position | 'start',
  maxCount: number,
  filter: EventFilter | undefined,
): Promise<RecordedEvent[]> {
  if (after === 'start') return source.readAll({ fromPosition: 'start', maxCount, filter });
  return dropUpTo(await source.readAll({ fromPosition: after, maxCount: maxCount + 1, filter }), after).slice(0, maxCount);
}

function dropUpTo(batch: RecordedEvent[], after: Position): RecordedEvent[] {
  const first = batch[0];
  if (first && first.position.commit === after.commit && first.position.prepare === after.prepare) {
    return batch.slice(1);
  }
  return batch;
}

/** Wakes waiting subscriptions in this process when an append commits. */
export class AppendSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake();
  }

  wait(signal: AbortSignal, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
