import {
  AccessDeniedError,
  DeadlineExceededError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  type AppendToStreamOptions,
  type EventData,
  type ReadAllOptions as EsdbReadAllOptions,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions as EsdbSubscribeToAllOptions,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type { EventMetadata, NewEvent, Position, RecordedEvent, Subscription } from '../types';
import {
  EsdbEventStore,
  type EsdbClientLike,
  type EsdbEventStoreOptions,
  type EsdbStreamingRead,
  type EsdbSubscriptionLike,
} from './esdb-event-store';

// ---------------------------------------------------------------------------------------
// A hand-written stub of the client: records calls, replays scripted answers.

const STORED: Omit<EventMetadata, 'recordedAt'> = {
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { userId: 'u-1', role: 'oh_advisor' },
  occurredAt: '2026-03-02T10:00:00.000Z',
  schemaVersion: 2,
  forceId: 'force-a',
};

const CREATED = new Date('2026-03-02T10:00:01.234Z');

interface RecordSpec {
  readonly streamId: string;
  readonly revision?: bigint;
  readonly commit: bigint;
  readonly type?: string;
  readonly data?: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
  readonly isJson?: boolean;
}

function record(spec: RecordSpec): AllStreamResolvedEvent {
  const common = {
    streamId: spec.streamId,
    id: `id-${spec.commit}`,
    revision: spec.revision ?? 0n,
    type: spec.type ?? `E${spec.commit}`,
    created: CREATED,
    metadata: spec.metadata ?? { ...STORED },
    position: { commit: spec.commit, prepare: spec.commit + 1000n },
  };
  if (spec.isJson === false) {
    return { event: { ...common, isJson: false, data: new Uint8Array([1, 2]) } };
  }
  return { event: { ...common, isJson: true, data: spec.data ?? { n: Number(spec.commit) } } };
}

function streamingRead<E>(items: readonly E[], failWith?: unknown): EsdbStreamingRead<E> & { cancel: jest.Mock } {
  return {
    cancel: jest.fn(async () => undefined),
    async *[Symbol.asyncIterator]() {
      yield* items;
      if (failWith !== undefined) throw failWith;
    },
  };
}

/** Yields the given records, then throws `failWith` or stays open until unsubscribed. */
function subscription(items: readonly AllStreamResolvedEvent[], failWith?: unknown): EsdbSubscriptionLike & { unsubscribe: jest.Mock } {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    unsubscribe: jest.fn(async () => release()),
    async *[Symbol.asyncIterator]() {
      yield* items;
      if (failWith !== undefined) throw failWith;
      await released;
    },
  };
}

class StubClient implements EsdbClientLike {
  readonly appends: { streamName: string; events: EventData[]; options: AppendToStreamOptions }[] = [];
  readonly streamReads: { streamName: string; options: EsdbReadStreamOptions }[] = [];
  readonly allReads: EsdbReadAllOptions[] = [];
  readonly subscribes: EsdbSubscribeToAllOptions[] = [];
  appendAnswer: () => Promise<EsdbAppendResult> = async () => ({
    success: true,
    nextExpectedRevision: 0n,
    position: { commit: 1n, prepare: 1n },
  });
  streamAnswer: () => EsdbStreamingRead<ResolvedEvent> = () => streamingRead([]);
  /** A fake `$all` log; `readAll` serves it from an inclusive position. */
  log: AllStreamResolvedEvent[] = [];
  allAnswer: ((options: EsdbReadAllOptions) => EsdbStreamingRead<AllStreamResolvedEvent>) | undefined;
  readonly subscriptionQueue: EsdbSubscriptionLike[] = [];
  readonly dispose = jest.fn(async () => undefined);

  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<EsdbAppendResult> {
    this.appends.push({ streamName, events, options });
    return this.appendAnswer();
  }

  readStream(streamName: string, options: EsdbReadStreamOptions): EsdbStreamingRead<ResolvedEvent> {
    this.streamReads.push({ streamName, options });
    return this.streamAnswer();
  }

  readAll(options: EsdbReadAllOptions): EsdbStreamingRead<AllStreamResolvedEvent> {
    this.allReads.push(options);
    if (this.allAnswer) return this.allAnswer(options);
    const from = options.fromPosition;
    const startAt = from === undefined || from === 'start' ? 0 : this.log.findIndex((r) => r.event?.position.commit === (typeof from === 'object' ? from.commit : -1n));
    return streamingRead(this.log.slice(startAt, startAt + Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)));
  }

  subscribeToAll(options: EsdbSubscribeToAllOptions): EsdbSubscriptionLike {
    this.subscribes.push(options);
    return this.subscriptionQueue.shift() ?? subscription([]);
  }
}

function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return { id: 'evt-1', type: 'ReferralReceived', data: { referralId: 'r-1' }, metadata: STORED, ...overrides };
}

function setup(options: EsdbEventStoreOptions = {}): { client: StubClient; store: EsdbEventStore } {
  const client = new StubClient();
  return { client, store: new EsdbEventStore(client, { resubscribe: { initialDelayMs: 1, maxDelayMs: 4 }, ...options }) };
}

async function take(sub: Subscription, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of sub) {
    out.push(event);
    if (out.length === count) break;
  }
  return out;
}

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

// ---------------------------------------------------------------------------------------

describe('EsdbEventStore', () => {
  describe('appendToStream', () => {
    it.each([
      ['no_stream', 'no_stream'],
      ['any', 'any'],
      ['stream_exists', 'stream_exists'],
      [5n, 5n],
    ] as const)('passes expected revision %s as %s', async (expected, mapped) => {
      const { client, store } = setup();
      await store.appendToStream('case-1', [anEvent()], { expectedRevision: expected });
      expect(client.appends[0]?.options).toEqual({ expectedRevision: mapped });
    });

    it('writes JSON events with the metadata minus recordedAt', async () => {
      const { client, store } = setup();
      const withRecordedAt = { ...STORED, recordedAt: '1999-01-01T00:00:00.000Z' };
      await store.appendToStream('case-1', [anEvent({ metadata: withRecordedAt })], { expectedRevision: 'no_stream' });
      expect(client.appends[0]).toEqual({
        streamName: 'case-1',
        options: { expectedRevision: 'no_stream' },
        events: [
          {
            id: 'evt-1',
            contentType: 'application/json',
            type: 'ReferralReceived',
            data: { referralId: 'r-1' },
            metadata: STORED,
          },
        ],
      });
    });

    it('refuses data that is not a JSON document', async () => {
      const { client, store } = setup();
      await expect(store.appendToStream('case-1', [anEvent({ data: 42 })], { expectedRevision: 'any' })).rejects.toThrow(
        'Event evt-1: data must be a JSON object, array or string',
      );
      expect(client.appends).toHaveLength(0);
    });

    it('returns the next expected revision and the position', async () => {
      const { client, store } = setup();
      client.appendAnswer = async () => ({ success: true, nextExpectedRevision: 7n, position: { commit: 120n, prepare: 115n } });
      const result = await store.appendToStream('case-1', [anEvent()], { expectedRevision: 6n });
      expect(result).toEqual({ nextExpectedRevision: 7n, position: { commit: 120n, prepare: 115n } });
    });

    it('looks the position up when an idempotent retry comes back without one', async () => {
      const { client, store } = setup();
      client.appendAnswer = async () => ({ success: true, nextExpectedRevision: 1n, position: undefined });
      client.streamAnswer = () => streamingRead([record({ streamId: 'case-1', revision: 1n, commit: 40n })]);
      const result = await store.appendToStream('case-1', [anEvent()], { expectedRevision: 'no_stream' });
      expect(client.streamReads).toEqual([
        { streamName: 'case-1', options: { direction: 'forwards', fromRevision: 1n, maxCount: 1 } },
      ]);
      expect(result).toEqual({ nextExpectedRevision: 1n, position: { commit: 40n, prepare: 1040n } });
    });

    it('maps "stream exists at revision N" to the port error with actual = N', async () => {
      const { client, store } = setup();
      client.appendAnswer = () =>
        Promise.reject(new EsdbWrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 'no_stream', current: 3n }));
      const error = await rejection(store.appendToStream('case-1', [anEvent()], { expectedRevision: 'no_stream' }));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: 'case-1', expected: 'no_stream', actual: 3n });
    });

    it('maps "no stream" to the port error with actual = undefined', async () => {
      const { client, store } = setup();
      client.appendAnswer = () =>
        Promise.reject(new EsdbWrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 2n, current: 'no_stream' }));
      const error = await rejection(store.appendToStream('case-1', [anEvent()], { expectedRevision: 2n }));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: 'case-1', expected: 2n, actual: undefined });
    });

    it('treats the legacy -1 revision from gRPC trailers as "no stream"', async () => {
      const { client, store } = setup();
      client.appendAnswer = () =>
        Promise.reject(new EsdbWrongExpectedVersionError(undefined, { streamName: 'case-1', expected: -4n, current: -1n }));
      const error = await rejection(store.appendToStream('case-1', [anEvent()], { expectedRevision: 'stream_exists' }));
      expect(error).toMatchObject({ expected: 'stream_exists', actual: undefined });
    });

    it('maps an unsuccessful result (throwOnAppendFailure=false) to the port error', async () => {
      const { client, store } = setup();
      client.appendAnswer = async () => ({ success: false, nextExpectedRevision: 4n, position: undefined });
      const error = await rejection(store.appendToStream('case-1', [anEvent()], { expectedRevision: 2n }));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ expected: 2n, actual: 4n });
    });

    it('maps an unreachable server to EventStoreUnavailableError, keeping the cause', async () => {
      const { client, store } = setup();
      const cause = new UnavailableError(undefined, '14 UNAVAILABLE: No connection established');
      client.appendAnswer = () => Promise.reject(cause);
      const error = await rejection(store.appendToStream('case-1', [anEvent()], { expectedRevision: 'any' }));
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({ cause, message: 'EventStoreDB unavailable: 14 UNAVAILABLE: No connection established' });
    });

    it('lets other client errors through unchanged', async () => {
      const { client, store } = setup();
      const denied = new AccessDeniedError(undefined, 'denied');
      client.appendAnswer = () => Promise.reject(denied);
      expect(await rejection(store.appendToStream('case-1', [anEvent()], { expectedRevision: 'any' }))).toBe(denied);
    });
  });

  describe('readStream', () => {
    it('reads forwards from the start by default and backwards from the end', async () => {
      const { client, store } = setup();
      await store.readStream('case-1');
      await store.readStream('case-1', { direction: 'backwards' });
      await store.readStream('case-1', { direction: 'backwards', fromRevision: 3n, maxCount: 2 });
      await store.readStream('case-1', { fromRevision: 'end' });
      expect(client.streamReads.map((r) => r.options)).toEqual([
        { direction: 'forwards', fromRevision: 'start' },
        { direction: 'backwards', fromRevision: 'end' },
        { direction: 'backwards', fromRevision: 3n, maxCount: 2 },
        { direction: 'forwards', fromRevision: 'end' },
      ]);
    });

    it('reads an absent stream as empty', async () => {
      const { client, store } = setup();
      client.streamAnswer = () => streamingRead<ResolvedEvent>([], new StreamNotFoundError(undefined, 'case-1'));
      expect(await store.readStream('case-1')).toEqual([]);
    });

    it('maps a deadline to EventStoreUnavailableError', async () => {
      const { client, store } = setup();
      client.streamAnswer = () => streamingRead<ResolvedEvent>([], new DeadlineExceededError(undefined, 'deadline'));
      await expect(store.readStream('case-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('round-trips metadata, taking recordedAt from the server-side created time', async () => {
      const { client, store } = setup();
      client.streamAnswer = () =>
        streamingRead([record({ streamId: 'case-1', revision: 4n, commit: 77n, type: 'ReferralReceived', data: { a: 1 } })]);
      expect(await store.readStream('case-1')).toEqual([
        {
          id: 'id-77',
          type: 'ReferralReceived',
          streamId: 'case-1',
          revision: 4n,
          position: { commit: 77n, prepare: 1077n },
          data: { a: 1 },
          metadata: { ...STORED, recordedAt: '2026-03-02T10:00:01.234Z' },
        },
      ]);
    });

    it('skips events that are not JSON', async () => {
      const { client, store } = setup();
      client.streamAnswer = () =>
        streamingRead([
          record({ streamId: 'case-1', revision: 0n, commit: 1n, isJson: false }),
          record({ streamId: 'case-1', revision: 1n, commit: 2n }),
        ]);
      expect((await store.readStream('case-1')).map((e) => e.revision)).toEqual([1n]);
    });

    it('refuses metadata it did not write', async () => {
      const { client, store } = setup();
      client.streamAnswer = () => streamingRead([record({ streamId: 'case-1', commit: 9n, metadata: { foo: 'bar' } })]);
      await expect(store.readStream('case-1')).rejects.toThrow('Event id-9: metadata was not written by this store');
    });
  });

  describe('readAll', () => {
    function mixedLog(): AllStreamResolvedEvent[] {
      return [
        record({ streamId: 'case-1', commit: 1n }),
        record({ streamId: '$stats-127.0.0.1:2113', commit: 2n, type: 'StatsCollected' }),
        record({ streamId: 'casework-1', commit: 3n }),
        record({ streamId: 'case-2', commit: 4n, type: '$metadata' }),
        record({ streamId: 'referral-1', commit: 5n }),
        record({ streamId: 'case-1', commit: 6n, isJson: false }),
        record({ streamId: 'case-2', commit: 7n }),
        record({ streamId: 'case-1', commit: 8n }),
      ];
    }

    it('skips system events, system streams and binary events', async () => {
      const { client, store } = setup();
      client.log = mixedLog();
      expect((await store.readAll()).map((e) => e.type)).toEqual(['E1', 'E3', 'E5', 'E7', 'E8']);
    });

    it('filters by category client-side, paging until maxCount matches are found', async () => {
      const { client, store } = setup({ readPageSize: 2 });
      client.log = mixedLog();
      const events = await store.readAll({ filter: { streamCategories: ['case'] }, maxCount: 2 });
      expect(events.map((e) => [e.streamId, e.type])).toEqual([
        ['case-1', 'E1'],
        ['case-2', 'E7'],
      ]);
      const pos = (commit: bigint): Position => ({ commit, prepare: commit + 1000n });
      expect(client.allReads).toEqual([
        { fromPosition: 'start', maxCount: 2 },
        { fromPosition: pos(2n), maxCount: 3 },
        { fromPosition: pos(4n), maxCount: 3 },
        { fromPosition: pos(6n), maxCount: 3 },
      ]);
    });

    it('starts at an inclusive position and stops at the end of the log', async () => {
      const { client, store } = setup({ readPageSize: 3 });
      client.log = mixedLog();
      const events = await store.readAll({ fromPosition: { commit: 5n, prepare: 1005n } });
      expect(events.map((e) => e.type)).toEqual(['E5', 'E7', 'E8']);
      expect(client.allReads).toHaveLength(2);
    });
  });

  describe('subscribeToAll', () => {
    it('builds a stream-name prefix filter from the categories', async () => {
      const { client, store } = setup();
      const sub = store.subscribeToAll({ filter: { streamCategories: ['case', 'referral'] } });
      const pending = take(sub, 1);
      await sub.close();
      await pending;
      expect(client.subscribes[0]).toMatchObject({
        fromPosition: 'start',
        filter: { filterOn: 'streamName', prefixes: ['case-', 'referral-'] },
      });
    });

    it('excludes system event types server-side when there is no category filter', async () => {
      const { client, store } = setup();
      const from = { commit: 10n, prepare: 9n };
      const sub = store.subscribeToAll({ fromPosition: from });
      const pending = take(sub, 1);
      await sub.close();
      await pending;
      expect(client.subscribes[0]).toMatchObject({ fromPosition: from, filter: { filterOn: 'eventType', regex: '^[^$].*' } });
    });

    it('skips system events and events outside the categories', async () => {
      const { client, store } = setup();
      client.subscriptionQueue.push(
        subscription([
          record({ streamId: '$et-E1', commit: 1n, type: '$>' }),
          record({ streamId: 'casework-1', commit: 2n }),
          record({ streamId: 'case-1', commit: 3n }),
        ]),
      );
      const sub = store.subscribeToAll({ filter: { streamCategories: ['case'] } });
      expect((await take(sub, 1)).map((e) => e.type)).toEqual(['E3']);
    });

    it('re-subscribes after an error from the last delivered position, without duplicates', async () => {
      const { client, store } = setup();
      const e = [1n, 2n, 3n, 4n].map((commit) => record({ streamId: 'case-1', revision: commit - 1n, commit }));
      const first = subscription([e[0], e[1]].filter(isDefined), new UnavailableError(undefined, 'connection lost'));
      const second = subscription([e[1], e[2], e[3]].filter(isDefined));
      client.subscriptionQueue.push(first, second);

      const sub = store.subscribeToAll({ filter: { streamCategories: ['case'] } });
      const received = await take(sub, 4);

      expect(received.map((ev) => ev.type)).toEqual(['E1', 'E2', 'E3', 'E4']);
      expect(client.subscribes.map((s) => s.fromPosition)).toEqual(['start', { commit: 2n, prepare: 1002n }]);
      expect(first.unsubscribe).toHaveBeenCalled();
      expect(second.unsubscribe).toHaveBeenCalled();
    });

    it('backs off exponentially up to the maximum while the server is down', async () => {
      const delays: number[] = [];
      const { client, store } = setup({ onSubscriptionError: (_error, retryInMs) => delays.push(retryInMs) });
      const down = new UnavailableError(undefined, 'down');
      client.subscriptionQueue.push(
        subscription([], down),
        subscription([], down),
        subscription([], down),
        subscription([record({ streamId: 'case-1', commit: 1n })], down),
        subscription([], down),
        subscription([record({ streamId: 'case-1', commit: 2n })]),
      );
      const received = await take(store.subscribeToAll(), 2);
      expect(received.map((ev) => ev.type)).toEqual(['E1', 'E2']);
      // 1, 2, 4 while down; delivering an event resets the delay to 1 before doubling again.
      expect(delays).toEqual([1, 2, 4, 1, 2]);
    });

    it('ends a waiting iteration when closed', async () => {
      const { client, store } = setup();
      const quiet = subscription([]);
      client.subscriptionQueue.push(quiet);
      const sub = store.subscribeToAll();
      const pending = take(sub, 1);
      await new Promise((resolve) => setImmediate(resolve));
      await sub.close();
      expect(await pending).toEqual([]);
      expect(quiet.unsubscribe).toHaveBeenCalled();
    });

    it('ends promptly when closed during a back-off', async () => {
      const { client, store } = setup({ resubscribe: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
      client.subscriptionQueue.push(subscription([], new UnavailableError(undefined, 'down')));
      const sub = store.subscribeToAll();
      const pending = take(sub, 1);
      await new Promise((resolve) => setTimeout(resolve, 10));
      await sub.close();
      expect(await pending).toEqual([]);
      expect(client.subscribes).toHaveLength(1);
    });

    it('is closed, with the client disposed, when the store closes', async () => {
      const { client, store } = setup();
      const sub = store.subscribeToAll();
      const pending = take(sub, 1);
      await new Promise((resolve) => setImmediate(resolve));
      await store.close();
      expect(await pending).toEqual([]);
      expect(client.dispose).toHaveBeenCalledTimes(1);
    });
  });

  describe('fromConnectionString', () => {
    it('builds a store on the real client without connecting', async () => {
      const store = EsdbEventStore.fromConnectionString('esdb://localhost:2113?tls=false');
      expect(store).toBeInstanceOf(EsdbEventStore);
      await store.close();
    });
  });

  describe('ping', () => {
    it('reads one record from $all', async () => {
      const { client, store } = setup();
      await store.ping();
      expect(client.allReads).toEqual([{ fromPosition: 'start', maxCount: 1 }]);
    });

    it('maps failures to EventStoreUnavailableError', async () => {
      const { client, store } = setup();
      client.allAnswer = () => streamingRead<AllStreamResolvedEvent>([], new Error('socket hang up'));
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('gives up after the timeout and cancels the read', async () => {
      const { client, store } = setup({ pingTimeoutMs: 10 });
      const hanging: EsdbStreamingRead<AllStreamResolvedEvent> & { cancel: jest.Mock } = {
        cancel: jest.fn(async () => undefined),
        [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<AllStreamResolvedEvent>>(() => undefined) }),
      };
      client.allAnswer = () => hanging;
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(hanging.cancel).toHaveBeenCalled();
    });
  });
});

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
