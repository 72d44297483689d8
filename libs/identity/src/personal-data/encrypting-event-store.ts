import {
  streamCategory,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '@casework/core/event-store/types';
import { decryptValue, encryptValue } from './crypto';
import { collectKeyIds, decryptData, encryptData, hasEncrypted, topLevelSubject } from './field-walker';
import type { PersonalDataKeys } from './personal-data-keys';
import { SUBJECT_STREAM_CATEGORIES } from './personal-fields';

/**
 * The event-store port with personal data encrypted at rest, over any adapter. Appends
 * seal the personal fields (personal-fields.ts) with the key of the person they belong
 * to; every read opens them again, or, once that key is destroyed, reads
 * `erased:<keyId>` for an id and `[erased]` for anything else. Idempotency is untouched:
 * the adapter still recognises a retried append by its event ids.
 */
export class EncryptingEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    readonly keys: PersonalDataKeys,
  ) {}

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, await this.seal(streamId, events, options.expectedRevision === 'no_stream'), options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    const inner = this.inner.subscribeToAll(options);
    const open = (event: RecordedEvent): Promise<RecordedEvent[]> => this.open([event]);
    async function* iterate(): AsyncGenerator<RecordedEvent> {
      // One event at a time (the port's subscription is per event); the key cache makes
      // the look-up a memory read for every event of a stream after its first.
      for await (const event of inner) yield (await open(event))[0] as RecordedEvent;
    }
    const iterator = iterate();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        await inner.close();
        await iterator.return(undefined);
      },
    };
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * Seals events already in the store the way an append would have (for events written
   * before encryption was turned on): the caller writes the result back. Events holding any
   * encrypted value are sealed already and come back unchanged.
   */
  async sealStored(streamId: string, events: readonly NewEvent[]): Promise<NewEvent[]> {
    const pending = events.filter((e) => !hasEncrypted(e.data));
    const sealed = await this.seal(streamId, pending, false);
    const byId = new Map(sealed.map((e) => [e.id, e]));
    return events.map((e) => byId.get(e.id) ?? e);
  }

  /** Drop destroyed keys from this process's cache at once. */
  forget(keyIds: Iterable<string>): void {
    this.keys.invalidate(keyIds);
  }

  private async seal(streamId: string, events: readonly NewEvent[], newStream: boolean): Promise<NewEvent[]> {
    const subjectStream = SUBJECT_STREAM_CATEGORIES.has(streamCategory(streamId));
    const byForce = new Map<string, { persons: Set<string>; needsFallback: boolean; candidate: string | null }>();
    for (const event of events) {
      const plan = byForce.get(event.metadata.forceId) ?? { persons: new Set<string>(), needsFallback: false, candidate: null };
      let personal = false;
      encryptData(event.type, event.data, (subject, value) => {
        personal = true;
        if (subject === null) plan.needsFallback = true;
        else plan.persons.add(subject);
        return value;
      });
      if (personal) {
        plan.candidate ??= topLevelSubject(event.data);
        byForce.set(event.metadata.forceId, plan);
      }
    }
    if (byForce.size === 0) return [...events];
    const keysByForce = new Map(
      await Promise.all(
        [...byForce].map(async ([forceId, plan]) => {
          const keys = await this.keys.forAppend({
            forceId,
            streamId,
            persons: plan.persons,
            needsFallback: plan.needsFallback,
            subjectStream,
            subjectCandidate: plan.candidate,
            newStream,
          });
          return [forceId, keys] as const;
        }),
      ),
    );
    return events.map((event) => {
      const keys = keysByForce.get(event.metadata.forceId);
      if (!keys) return event;
      const data = encryptData(event.type, event.data, (subject, value) => {
        const key = subject === null ? keys.fallback : keys.byPerson.get(subject);
        if (!key) throw new Error(`No data key for a personal field of ${event.type} in ${streamId}`);
        return encryptValue(key.keyId, key.dek, value);
      });
      return { ...event, data };
    });
  }

  private async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const keyIds = new Set<string>();
    for (const event of events) collectKeyIds(event.data, keyIds);
    if (keyIds.size === 0) return events;
    const keys = await this.keys.byIds(keyIds);
    return events.map((event) => {
      if (!hasEncrypted(event.data)) return event;
      const data = decryptData(event.type, event.data, (value, keyId) => {
        const dek = keys.get(keyId);
        return dek ? decryptValue(value, dek) : null;
      });
      return { ...event, data };
    });
  }
}
