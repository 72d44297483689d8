/**
 * The event-store port. It mirrors EventStoreDB's semantics so that the PostgreSQL,
 * EventStoreDB and in-memory adapters are interchangeable behind one contract suite.
 */

/** Zero-based revision of the last event in a stream, as in EventStoreDB. */
export type StreamRevision = bigint;

export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | StreamRevision;

/**
 * Global position in the `$all` log. Like EventStoreDB it is a pair: in the PostgreSQL
 * adapter `commit` is the writing transaction's id and `prepare` the row's sequence, so
 * ordering by the pair is commit order as seen by readers.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: { readonly userId: string; readonly role: string };
  /** Business time; may be back-dated (imports). ISO 8601. */
  readonly occurredAt: string;
  /** Set by the store when the event is written. ISO 8601. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly forceId: string;
}

/** What a writer supplies; the store adds `recordedAt`, revision and position. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: Omit<EventMetadata, 'recordedAt'>;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly streamId: string;
  readonly revision: StreamRevision;
  readonly position: Position;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (the next expected revision). */
  readonly nextExpectedRevision: StreamRevision;
  readonly position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: StreamRevision | 'start' | 'end';
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Stream categories (the part of the stream id before the first '-'). */
  readonly streamCategories?: readonly string[];
}

export interface ReadAllOptions {
  /** Inclusive. Defaults to 'start'. */
  readonly fromPosition?: Position | 'start';
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeToAllOptions {
  /** Exclusive, like EventStoreDB: the first event delivered comes after it. */
  readonly fromPosition?: Position | 'start';
  readonly filter?: EventFilter;
  /** Hint for batch size while catching up. */
  readonly batchSize?: number;
}

/** A subscription is an async iterable; `close()` ends the iteration. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** An absent stream reads as empty (never an error). */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live, without gaps, duplicates or reordering. */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Liveness check for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const START = 'start' as const;

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}

export function matchesFilter(streamId: string, filter: EventFilter | undefined): boolean {
  if (!filter?.streamCategories || filter.streamCategories.length === 0) return true;
  return filter.streamCategories.includes(streamCategory(streamId));
}

export function positionToString(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}
