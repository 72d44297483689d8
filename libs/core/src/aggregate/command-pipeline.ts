import type { Decider, DomainEvent } from '../domain/decider';
import { DomainError } from '../domain/domain-error';
import { WrongExpectedVersionError } from '../event-store/errors';
import type { EventStore, NewEvent, RecordedEvent, StreamRevision } from '../event-store/types';
import { eventIdFor } from '../ids';

export interface CommandContext {
  /** Idempotency key: event ids derive from it, so a retry appends nothing new. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: { readonly userId: string; readonly role: string };
  readonly forceId: string;
  /** Business time of the command; back-dated for imports. */
  readonly occurredAt: Date;
  /** From `If-Match`: decide only against exactly this revision. */
  readonly expectedRevision?: StreamRevision;
}

export interface StreamCodec<Event extends DomainEvent> {
  /** Turns a stored event into a domain event (upcasting older schema versions). */
  readonly decode: (event: RecordedEvent) => Event;
  readonly schemaVersion: (type: Event['type']) => number;
}

export interface CommandResult<State> {
  readonly state: State;
  /** Revision after the command (-1n for a stream that still does not exist). */
  readonly revision: StreamRevision;
  readonly appended: number;
  /** True when this command id had already been applied: nothing was appended. */
  readonly replayed: boolean;
}

const MAX_ATTEMPTS = 3;

/**
 * The actor the deadline timers record their events as (a deadline became overdue, an
 * escalation rung was reached). Those events say time passed, not that anyone changed the
 * case, so a person's If-Match is not made stale by them alone.
 */
export const TIMER_USER_ID = 'system:timers';

/** Whether everything after `expected` was recorded by the timers (and `expected` is in the stream). */
export function onlyTimerEventsSince(recorded: readonly RecordedEvent[], expected: StreamRevision): boolean {
  if (expected < 0n) return false;
  const after = recorded.filter((e) => e.revision > expected);
  return (
    recorded.some((e) => e.revision === expected) && after.length > 0 && after.every((e) => e.metadata.actor.userId === TIMER_USER_ID)
  );
}

/**
 * Read the stream → fold → decide → append with the expected revision. When the caller
 * gave no revision (no If-Match), a concurrent write makes us re-read and re-decide, which
 * is safe because the decider sees the new state; with If-Match the conflict is the answer,
 * unless all that happened since was the timers noting a deadline passing (the decider
 * still decides against the current state, deadlines included).
 */
export class CommandPipeline {
  constructor(private readonly store: EventStore) {}

  async handle<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    codec: StreamCodec<Event>,
    streamId: string,
    command: Command,
    context: CommandContext,
  ): Promise<CommandResult<State>> {
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      assertSameForce(recorded, context.forceId);
      const state = recorded.map(codec.decode).reduce(decider.evolve, decider.initialState);
      const revision = recorded.length === 0 ? -1n : (recorded[recorded.length - 1] as RecordedEvent).revision;
      if (recorded.some((e) => e.id === eventIdFor(context.commandId, 0))) {
        return { state, revision, appended: 0, replayed: true };
      }
      if (
        context.expectedRevision !== undefined &&
        context.expectedRevision !== revision &&
        !onlyTimerEventsSince(recorded, context.expectedRevision)
      ) {
        throw new WrongExpectedVersionError(streamId, context.expectedRevision, revision < 0n ? undefined : revision);
      }
      const decided = decider.decide(command, state);
      if (decided.length === 0) return { state, revision, appended: 0, replayed: false };
      try {
        const result = await this.store.appendToStream(streamId, decided.map((e, i) => toNewEvent(e, i, codec, context)), {
          expectedRevision: revision < 0n ? 'no_stream' : revision,
        });
        return {
          state: decided.reduce(decider.evolve, state),
          revision: result.nextExpectedRevision,
          appended: decided.length,
          replayed: false,
        };
      } catch (error) {
        const retry =
          error instanceof WrongExpectedVersionError && context.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  async load<Event extends DomainEvent, State>(
    decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
    codec: Pick<StreamCodec<Event>, 'decode'>,
    streamId: string,
    forceId: string,
  ): Promise<{ state: State; revision: StreamRevision; events: RecordedEvent[] }> {
    const recorded = await this.store.readStream(streamId);
    assertSameForce(recorded, forceId);
    const state = recorded.map(codec.decode).reduce(decider.evolve, decider.initialState);
    const revision = recorded.length === 0 ? -1n : (recorded[recorded.length - 1] as RecordedEvent).revision;
    return { state, revision, events: recorded };
  }
}

/** Another force's case is indistinguishable from a missing one. */
function assertSameForce(recorded: readonly RecordedEvent[], forceId: string): void {
  const first = recorded[0];
  if (first && first.metadata.forceId !== forceId) {
    throw new DomainError('CASE.NOT_FOUND', 'No such case', 'not_found');
  }
}

function toNewEvent<Event extends DomainEvent>(
  event: Event,
  index: number,
  codec: StreamCodec<Event>,
  context: CommandContext,
): NewEvent {
  return {
    id: eventIdFor(context.commandId, index),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: context.actor,
      occurredAt: context.occurredAt.toISOString(),
      schemaVersion: codec.schemaVersion(event.type),
      forceId: context.forceId,
    },
  };
}
