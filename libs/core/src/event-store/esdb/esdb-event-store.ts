import {
  ANY,
  BACKWARDS,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  CancelledError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult as EsdbAppendResult,
  type AppendToStreamOptions,
  type CurrentRevision,
  type EventData,
  type Filter,
  type JSONType,
  type Position as EsdbPosition,
  type ReadAllOptions as EsdbReadAllOptions,
  type ReadRevision,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions as EsdbSubscribeToAllOptions,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../errors';
import {
  comparePositions,
  matchesFilter,
  type AppendResult,
  type EventFilter,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type SubscribeToAllOptions,
  type Subscription,
} from '../types';

/** A finite read (`readStream`, `readAll`): iterate it to the end, or cancel it. */
export interface EsdbStreamingRead<E> extends AsyncIterable<E> {
  cancel(): Promise<void>;
}

/** A live subscription; iteration throws when the connection is lost. */
export interface EsdbSubscriptionLike extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}

/** The part of `EventStoreDBClient` this adapter uses, so tests can inject a stub. */
export interface EsdbClientLike {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<EsdbAppendResult>;
  readStream(streamName: string, options: EsdbReadStreamOptions): EsdbStreamingRead<ResolvedEvent>;
  readAll(options: EsdbReadAllOptions): EsdbStreamingRead<AllStreamResolvedEvent>;
  subscribeToAll(options: EsdbSubscribeToAllOptions): EsdbSubscriptionLike;
  dispose(): Promise<void>;
}

export interface EsdbEventStoreOptions {
  /** Events fetched per `readAll` request while filtering client-side. */
  readonly readPageSize?: number;
  readonly pingTimeoutMs?: number;
  readonly resubscribe?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number };
  /** Told about every dropped subscription before it is re-opened (for logging). */
  readonly onSubscriptionError?: (error: unknown, retryInMs: number) => void;
}

type StoredMetadata = Omit<EventMetadata, 'recordedAt'>;

const DEFAULT_READ_PAGE_SIZE = 500;
const DEFAULT_PING_TIMEOUT_MS = 5_000;
const DEFAULT_INITIAL_DELAY_MS = 100;
const DEFAULT_MAX_DELAY_MS = 5_000;

export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private readonly readPageSize: number;
  private readonly pingTimeoutMs: number;

  constructor(
    private readonly client: EsdbClientLike,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    this.readPageSize = options.readPageSize ?? DEFAULT_READ_PAGE_SIZE;
    this.pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  }

  static fromConnectionString(connectionString: string, options?: EsdbEventStoreOptions): EsdbEventStore {
    const client: EsdbClientLike = EventStoreDBClient.connectionString(connectionString);
    return new EsdbEventStore(client, options);
  }

  /**
   * Idempotency caveat: EventStoreDB de-duplicates a retried append by event id reliably
   * only when it carries an exact expected revision (or no_stream); with `any` a retry
   * may be written twice. Our command pipeline always appends with an exact revision or
   * no_stream, so retries after a timeout are safe.
   */
  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const expected = options.expectedRevision;
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      throw mapAppendError(error, streamId, expected);
    }
    // Only reachable if the connection string sets throwOnAppendFailure=false.
    if (!result.success) {
      throw new WrongExpectedVersionError(streamId, expected, toActualRevision(result.nextExpectedRevision));
    }
    return {
      nextExpectedRevision: result.nextExpectedRevision,
      position: await this.appendedPosition(streamId, result),
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    let resolved: ResolvedEvent[];
    try {
      resolved = await collect(this.client.readStream(streamId, toEsdbReadStreamOptions(options)));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw mapTransportError(error);
    }
    return resolved.flatMap((r) => {
      const event = toRecordedEvent(r);
      return event ? [event] : [];
    });
  }

  /**
   * The v6 client's `readAll` takes no filter (only subscriptions do), so this pages
   * through `$all` and filters client-side until `maxCount` matching events are found.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    if (maxCount <= 0) return out;
    for await (const resolved of this.scanAll(options.fromPosition ?? 'start')) {
      const event = toUserEvent(resolved, options.filter);
      if (!event) continue;
      out.push(event);
      if (out.length >= maxCount) break;
    }
    return out;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const filter = options.filter;
    const subscription = new ResubscribingSubscription({
      from: options.fromPosition ?? 'start',
      open: (from) => this.openSubscription(from, filter),
      toEvent: (resolved) => toUserEvent(resolved, filter),
      initialDelayMs: this.options.resubscribe?.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS,
      maxDelayMs: this.options.resubscribe?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
      onError: this.options.onSubscriptionError,
      onFinished: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ fromPosition: START, maxCount: 1 });
    try {
      await withTimeout(collect(read), this.pingTimeoutMs);
    } catch (error) {
      void read.cancel().catch(() => undefined);
      throw new EventStoreUnavailableError('EventStoreDB did not answer a ping', error);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  /**
   * `batchSize` has no equivalent: the server streams. Filtered subscriptions also send
   * checkpoints, but the client only hands those to a `checkpointReached` callback, which
   * is not set, so they never reach the consumer.
   */
  private openSubscription(from: Position | 'start', filter: EventFilter | undefined): EsdbSubscriptionLike {
    return this.client.subscribeToAll({
      fromPosition: from === 'start' ? START : toEsdbPosition(from),
      filter: toEsdbFilter(filter),
    });
  }

  /** Pages through `$all` from an inclusive position, yielding every record once. */
  private async *scanAll(from: Position | 'start'): AsyncGenerator<AllStreamResolvedEvent> {
    let cursor: Position | 'start' = from;
    let consumed: Position | undefined;
    for (;;) {
      // After the first page the cursor is the last record already yielded, and reads are inclusive.
      const maxCount = consumed ? this.readPageSize + 1 : this.readPageSize;
      const page = await this.readAllPage(cursor, maxCount);
      for (const resolved of page) {
        if (consumed && comparePositions(recordPosition(resolved), consumed) <= 0) continue;
        yield resolved;
      }
      const last = page[page.length - 1];
      if (!last || page.length < maxCount) return;
      consumed = recordPosition(last);
      cursor = consumed;
    }
  }

  private async readAllPage(from: Position | 'start', maxCount: number): Promise<AllStreamResolvedEvent[]> {
    try {
      return await collect(
        this.client.readAll({ fromPosition: from === 'start' ? START : toEsdbPosition(from), maxCount }),
      );
    } catch (error) {
      throw mapTransportError(error);
    }
  }

  /** Idempotent (already committed) appends come back without a log position. */
  private async appendedPosition(streamId: string, result: EsdbAppendResult): Promise<Position> {
    if (result.position) return toPortPosition(result.position);
    if (result.nextExpectedRevision < 0n) return { commit: 0n, prepare: 0n };
    const [last] = await this.readStream(streamId, { fromRevision: result.nextExpectedRevision, maxCount: 1 });
    if (!last) throw new Error(`Stream ${streamId}: appended revision ${result.nextExpectedRevision} not found`);
    return last.position;
  }
}

// ---------------------------------------------------------------------------------------
// Subscription

interface ResubscribingSubscriptionConfig {
  readonly from: Position | 'start';
  readonly open: (after: Position | 'start') => EsdbSubscriptionLike;
  readonly toEvent: (resolved: AllStreamResolvedEvent) => RecordedEvent | undefined;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly onError?: (error: unknown, retryInMs: number) => void;
  readonly onFinished: (subscription: ResubscribingSubscription) => void;
}

type Pulled =
  | { readonly kind: 'event'; readonly value: AllStreamResolvedEvent }
  | { readonly kind: 'ended' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'closed' };

/**
 * Wraps the client's catch-up subscription and re-opens it after the last position handed
 * to the consumer whenever it drops, so a lost connection neither skips nor repeats events.
 */
class ResubscribingSubscription implements Subscription {
  private readonly closing = new AbortController();
  private readonly iterator: AsyncGenerator<RecordedEvent>;
  private lastDelivered: Position | 'start';

  constructor(private readonly config: ResubscribingSubscriptionConfig) {
    this.lastDelivered = config.from;
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.iterator.return(undefined);
    // A generator never iterated skips its finally block.
    this.config.onFinished(this);
  }

  private get closed(): boolean {
    return this.closing.signal.aborted;
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let delayMs = this.config.initialDelayMs;
    try {
      while (!this.closed) {
        const outcome = yield* this.deliverFrom(this.config.open(this.lastDelivered));
        if (outcome.delivered) delayMs = this.config.initialDelayMs;
        if (this.closed) return;
        this.config.onError?.(outcome.error, delayMs);
        await abortableSleep(delayMs, this.closing.signal);
        delayMs = Math.min(delayMs * 2, this.config.maxDelayMs);
      }
    } finally {
      this.closing.abort();
      this.config.onFinished(this);
    }
  }

  /** Delivers from one underlying subscription until it fails, ends or we are closed. */
  private async *deliverFrom(
    source: EsdbSubscriptionLike,
  ): AsyncGenerator<RecordedEvent, { delivered: boolean; error: unknown }> {
    const iterator = source[Symbol.asyncIterator]();
    let delivered = false;
    try {
      for (;;) {
        const pulled = await this.pull(iterator);
        if (pulled.kind === 'closed') return { delivered, error: undefined };
        if (pulled.kind === 'failed') return { delivered, error: pulled.error };
        if (pulled.kind === 'ended') return { delivered, error: new Error('EventStoreDB ended the subscription') };
        const event = this.config.toEvent(pulled.value);
        if (!event || !this.isNew(event)) continue;
        this.lastDelivered = event.position;
        delivered = true;
        yield event;
      }
    } finally {
      await source.unsubscribe().catch(() => undefined);
    }
  }

  private isNew(event: RecordedEvent): boolean {
    return this.lastDelivered === 'start' || comparePositions(event.position, this.lastDelivered) > 0;
  }

  /** The next record, settling early on close() so a quiet subscription cannot hold it open. */
  private pull(iterator: AsyncIterator<AllStreamResolvedEvent>): Promise<Pulled> {
    const signal = this.closing.signal;
    if (signal.aborted) return Promise.resolve({ kind: 'closed' });
    return new Promise<Pulled>((resolve) => {
      const onAbort = (): void => resolve({ kind: 'closed' });
      signal.addEventListener('abort', onAbort, { once: true });
      void iterator
        .next()
        .then(
          (r): Pulled => (r.done ? { kind: 'ended' } : { kind: 'event', value: r.value }),
          (error: unknown): Pulled => ({ kind: 'failed', error }),
        )
        .then((pulled) => {
          signal.removeEventListener('abort', onAbort);
          resolve(pulled);
        });
    });
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

// ---------------------------------------------------------------------------------------
// Mapping: port → client

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'any':
      return ANY;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: requireJson(event.data, event.id),
    metadata: toStoredMetadata(event.metadata),
  });
}

/** The store owns recordedAt (ESDB's `created`), so a caller-supplied one is not kept. */
function toStoredMetadata(metadata: StoredMetadata): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...metadata };
  delete stored.recordedAt;
  return stored;
}

function requireJson(data: unknown, eventId: string): JSONType {
  if (typeof data === 'string' || (typeof data === 'object' && data !== null)) return data as JSONType;
  throw new TypeError(`Event ${eventId}: data must be a JSON object, array or string`);
}

function toEsdbReadStreamOptions(options: ReadStreamOptions): EsdbReadStreamOptions {
  const direction = options.direction ?? 'forwards';
  const fromRevision: ReadRevision = toReadRevision(options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end'));
  return {
    direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
    fromRevision,
    ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
  };
}

function toReadRevision(revision: StreamRevision | 'start' | 'end'): ReadRevision {
  if (revision === 'start') return START;
  if (revision === 'end') return END;
  return revision;
}

function toEsdbPosition(position: Position): EsdbPosition {
  return { commit: position.commit, prepare: position.prepare };
}

export function toEsdbFilter(filter: EventFilter | undefined): Filter {
  const categories = filter?.streamCategories ?? [];
  if (categories.length === 0) return excludeSystemEvents();
  return streamNameFilter({ prefixes: categories.map((c) => `${c}-`) });
}

// ---------------------------------------------------------------------------------------
// Mapping: client → port

/** ULONG_MAX is what servers before 22.6 send when a stream read has no log position. */
const NO_POSITION = 2n ** 64n - 1n;

function toPortPosition(position: EsdbPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

function recordPosition(resolved: AllStreamResolvedEvent): Position {
  const position = resolved.event?.position ?? resolved.link?.position;
  if (!position) throw new Error('EventStoreDB returned a $all record without a position');
  return toPortPosition(position);
}

/** Events from `$all`: user events of the requested categories only. */
function toUserEvent(resolved: AllStreamResolvedEvent, filter: EventFilter | undefined): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  if (!matchesFilter(event.streamId, filter)) return undefined;
  return toRecordedEvent(resolved);
}

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event?.isJson) return undefined;
  if (!event.position || event.position.commit === NO_POSITION) {
    throw new Error(`Event ${event.id}: EventStoreDB returned no log position (server 22.6 or later is required)`);
  }
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: toPortPosition(event.position),
    data: event.data,
    metadata: toPortMetadata(event.metadata, event.created, event.id),
  };
}

function toPortMetadata(stored: unknown, created: Date, eventId: string): EventMetadata {
  if (!isStoredMetadata(stored)) throw new Error(`Event ${eventId}: metadata was not written by this store`);
  return { ...stored, recordedAt: created.toISOString() };
}

function isStoredMetadata(value: unknown): value is StoredMetadata {
  if (!isRecord(value) || !isRecord(value.actor)) return false;
  const strings = [value.correlationId, value.causationId, value.occurredAt, value.forceId, value.actor.userId, value.actor.role];
  return strings.every((s) => typeof s === 'string') && typeof value.schemaVersion === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toActualRevision(current: CurrentRevision): StreamRevision | undefined {
  // Errors built from gRPC trailers carry the legacy -1 for "no stream".
  return current === NO_STREAM || current < 0n ? undefined : current;
}

// ---------------------------------------------------------------------------------------
// Errors

function mapAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof EsdbWrongExpectedVersionError) {
    return new WrongExpectedVersionError(streamId, expected, toActualRevision(error.actualVersion));
  }
  return mapTransportError(error);
}

export function mapTransportError(error: unknown): unknown {
  return isUnavailable(error) ? new EventStoreUnavailableError(unavailableMessage(error), error) : error;
}

function isUnavailable(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError ||
    // Thrown as a plain Error by the client's cluster discovery.
    (error instanceof Error && error.message.startsWith('Failed to discover'))
  );
}

function unavailableMessage(error: unknown): string {
  return `EventStoreDB unavailable: ${error instanceof Error ? error.message : String(error)}`;
}

// ---------------------------------------------------------------------------------------
// Helpers

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
