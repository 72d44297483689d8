import { randomBytes, randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../errors';
import type { EventStore, NewEvent, RecordedEvent, Subscription } from '../types';

export interface ContractSubject {
  readonly store: EventStore;
  readonly cleanup?: () => Promise<void>;
}

/** A category no other test writes to, so shared stores (PostgreSQL, ESDB) stay isolated. */
export function uniqueCategory(): string {
  return `t${randomBytes(6).toString('hex')}`;
}

export function anEvent(type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { userId: 'u-1', role: 'oh_advisor' },
      occurredAt: '2026-03-02T10:00:00.000Z',
      schemaVersion: 1,
      forceId: 'force-a',
    },
  };
}

export async function take(subscription: Subscription, count: number, timeoutMs = 5_000): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const timer = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const event of subscription) {
      out.push(event);
      if (out.length === count) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return out;
}

/**
 * The one behaviour every adapter must show. Each adapter's spec calls this with a
 * factory; the suite uses fresh categories and stream ids so it can share a store.
 */
export function describeEventStoreContract(
  adapterName: string,
  factory: () => Promise<ContractSubject>,
): void {
  describe(`event store contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    let category: string;
    const stream = (): string => `${category}-${randomUUID()}`;

    beforeAll(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterAll(async () => {
      await subject.cleanup?.();
    });
    beforeEach(() => {
      category = uniqueCategory();
    });

    describe('appending with an expected revision', () => {
      it('creates a stream with no_stream and numbers its events from 0', async () => {
        const id = stream();
        const events = [anEvent('A', { n: 1 }), anEvent('B', { n: 2 })];
        const result = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1n);
        const read = await store.readStream(id);
        expect(read.map((e) => [e.id, e.type, e.revision, e.data])).toEqual([
          [events[0]?.id, 'A', 0n, { n: 1 }],
          [events[1]?.id, 'B', 1n, { n: 2 }],
        ]);
        expect(read[0]?.streamId).toBe(id);
        expect(read[0]?.metadata).toMatchObject({ ...events[0]?.metadata });
        expect(Number.isNaN(Date.parse(read[0]?.metadata.recordedAt ?? ''))).toBe(false);
        expect(result.position).toEqual(read[1]?.position);
      });

      it('refuses no_stream when the stream exists, naming its revision', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const failure = store.appendToStream(id, [anEvent()], { expectedRevision: 'no_stream' });
        await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(failure).rejects.toMatchObject({ streamId: id, expected: 'no_stream', actual: 1n });
      });

      it('accepts the exact current revision and refuses any other', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent()], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(id, [anEvent()], { expectedRevision: 0n })).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
        await expect(store.appendToStream(id, [anEvent()], { expectedRevision: 0n })).rejects.toMatchObject({
          expected: 0n,
          actual: 1n,
        });
        await expect(store.appendToStream(stream(), [anEvent()], { expectedRevision: 3n })).rejects.toMatchObject({
          expected: 3n,
          actual: undefined,
        });
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('stream_exists needs the stream; any accepts both', async () => {
        const id = stream();
        await expect(store.appendToStream(id, [anEvent()], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
          actual: undefined,
        });
        await store.appendToStream(id, [anEvent()], { expectedRevision: 'any' });
        await store.appendToStream(id, [anEvent()], { expectedRevision: 'any' });
        const result = await store.appendToStream(id, [anEvent()], { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(2n);
      });

      it('a retried append with the same event ids succeeds without duplicating', async () => {
        const id = stream();
        const events = [anEvent('A'), anEvent('B')];
        const first = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        await store.appendToStream(id, [anEvent('C')], { expectedRevision: 1n });
        const lateRetry = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
        expect(lateRetry.nextExpectedRevision).toBe(1n);
        expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('lets exactly one of several concurrent writers at the same revision win', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent()], { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => store.appendToStream(id, [anEvent(`W${i}`)], { expectedRevision: 0n })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(rejected).toHaveLength(7);
        for (const r of rejected) expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store.readStream(id)).toHaveLength(2);
      });
    });

    describe('reading a stream', () => {
      it('reads an absent stream as empty', async () => {
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('reads forwards from a revision and backwards from the end, with a max count', async () => {
        const id = stream();
        await store.appendToStream(id, ['A', 'B', 'C', 'D'].map((t) => anEvent(t)), { expectedRevision: 'no_stream' });
        const forwards = await store.readStream(id, { fromRevision: 1n, maxCount: 2 });
        expect(forwards.map((e) => e.type)).toEqual(['B', 'C']);
        const backwards = await store.readStream(id, { direction: 'backwards', maxCount: 3 });
        expect(backwards.map((e) => e.type)).toEqual(['D', 'C', 'B']);
        const backFrom = await store.readStream(id, { direction: 'backwards', fromRevision: 1n });
        expect(backFrom.map((e) => e.type)).toEqual(['B', 'A']);
      });
    });

    describe('reading all', () => {
      it('returns events in commit order from an inclusive position, filtered by category', async () => {
        const a = stream();
        const b = stream();
        const other = `${uniqueCategory()}-${randomUUID()}`;
        await store.appendToStream(a, [anEvent('A1')], { expectedRevision: 'no_stream' });
        await store.appendToStream(other, [anEvent('X1')], { expectedRevision: 'no_stream' });
        await store.appendToStream(b, [anEvent('B1'), anEvent('B2')], { expectedRevision: 'no_stream' });
        await store.appendToStream(a, [anEvent('A2')], { expectedRevision: 0n });
        const all = await store.readAll({ filter: { streamCategories: [category] } });
        expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        const fromB2 = await store.readAll({
          fromPosition: (all[2] as RecordedEvent).position,
          filter: { streamCategories: [category] },
          maxCount: 5,
        });
        expect(fromB2.map((e) => e.type)).toEqual(['B2', 'A2']);
      });
    });

    describe('subscribing to all', () => {
      it('catches up, then goes live, without gaps or duplicates', async () => {
        const id = stream();
        await store.appendToStream(id, [anEvent('E0'), anEvent('E1')], { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll({ filter: { streamCategories: [category] }, batchSize: 1 });
        const received = take(subscription, 5);
        await store.appendToStream(id, [anEvent('E2')], { expectedRevision: 1n });
        await store.appendToStream(id, [anEvent('E3'), anEvent('E4')], { expectedRevision: 2n });
        expect((await received).map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
      });

      it('starts after the checkpoint it is given', async () => {
        const id = stream();
        await store.appendToStream(id, ['E0', 'E1', 'E2'].map((t) => anEvent(t)), { expectedRevision: 'no_stream' });
        const [first] = await store.readAll({ filter: { streamCategories: [category] }, maxCount: 1 });
        const subscription = store.subscribeToAll({
          fromPosition: (first as RecordedEvent).position,
          filter: { streamCategories: [category] },
        });
        expect((await take(subscription, 2)).map((e) => e.type)).toEqual(['E1', 'E2']);
      });

      it('ends iteration when closed', async () => {
        const subscription = store.subscribeToAll({ filter: { streamCategories: [category] } });
        const collected = take(subscription, 1, 60_000);
        await subscription.close();
        expect(await collected).toEqual([]);
      });
    });
  });
}
