import { IdempotencyViolationError, WrongExpectedVersionError } from '../errors';
import { AppendSignal, pollingSubscription } from '../polling-subscription';
import {
  comparePositions,
  matchesFilter,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../types';

/** The in-memory adapter: same contract as the others, for unit tests and demos. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly appended = new AppendSignal();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const replay = this.replayedAppend(streamId, events);
    if (replay) return replay;
    const actual = stream.length === 0 ? undefined : BigInt(stream.length - 1);
    if (!revisionMatches(options.expectedRevision, actual)) {
      throw new WrongExpectedVersionError(streamId, options.expectedRevision, actual);
    }
    const recordedAt = this.now().toISOString();
    for (const event of events) {
      const sequence = BigInt(this.log.length + 1);
      const recorded: RecordedEvent = {
        id: event.id,
        type: event.type,
        streamId,
        revision: BigInt(stream.length),
        position: { commit: sequence, prepare: sequence },
        data: structuredClone(event.data),
        metadata: { ...structuredClone(event.metadata), recordedAt },
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(recorded.id, recorded);
    }
    this.streams.set(streamId, stream);
    this.appended.notify();
    const last = stream[stream.length - 1];
    return {
      nextExpectedRevision: BigInt(stream.length - 1),
      position: last ? last.position : { commit: 0n, prepare: 0n },
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const direction = options.direction ?? 'forwards';
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromRevision;
    if (direction === 'forwards') {
      const start = from === undefined || from === 'start' ? 0n : from === 'end' ? BigInt(stream.length) : from;
      return stream.filter((e) => e.revision >= start).slice(0, maxCount);
    }
    const start = from === undefined || from === 'end' ? BigInt(stream.length) : from === 'start' ? 0n : from;
    return stream
      .filter((e) => e.revision <= start)
      .reverse()
      .slice(0, maxCount);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 'start';
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const out: RecordedEvent[] = [];
    for (const event of this.log) {
      if (out.length >= maxCount) break;
      if (from !== 'start' && comparePositions(event.position, from) < 0) continue;
      if (!matchesFilter(event.streamId, options.filter)) continue;
      out.push(event);
    }
    return out;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    return pollingSubscription(
      { readAll: (o) => this.readAll(o), waitForAppend: (s, t) => this.appended.wait(s, t) },
      { ...options, pollIntervalMs: 1000 },
    );
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  /** A retried append whose event ids are all stored already succeeds without writing. */
  private replayedAppend(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    const stored = events.map((e) => this.byId.get(e.id));
    if (stored.every((e) => e === undefined)) return undefined;
    const all = stored.filter((e): e is RecordedEvent => e !== undefined && e.streamId === streamId);
    if (all.length !== events.length) {
      throw new IdempotencyViolationError(streamId, events.map((e) => e.id));
    }
    const last = all[all.length - 1] as RecordedEvent;
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}

export function revisionMatches(expected: ExpectedRevision, actual: bigint | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      return actual === expected;
  }
}
