import { WrongExpectedVersionError } from '../event-store/errors';
import { InMemoryEventStore } from '../event-store/memory/memory-event-store';
import type { Decider, DomainEvent } from '../domain/decider';
import { CommandPipeline, TIMER_USER_ID, type CommandContext, type StreamCodec } from './command-pipeline';

/** A counter case: people add to it; the timers note a deadline passing. */
type Event = DomainEvent<'Added', { n: number }> | DomainEvent<'DeadlineOverdue', { kind: string }>;
type Command = { type: 'Add'; n: number } | { type: 'MarkOverdue' };
const decider: Decider<Command, Event, number> = {
  initialState: 0,
  evolve: (s, e) => (e.type === 'Added' ? s + e.data.n : s),
  decide: (c) => (c.type === 'Add' ? [{ type: 'Added', data: { n: c.n } }] : [{ type: 'DeadlineOverdue', data: { kind: 'triage' } }]),
};
const codec: StreamCodec<Event> = { decode: (e) => ({ type: e.type, data: e.data }) as Event, schemaVersion: () => 1 };

let n = 0;
function ctx(userId: string, expectedRevision?: bigint): CommandContext {
  n++;
  return {
    commandId: `cmd-${n}`,
    correlationId: `c-${n}`,
    causationId: `c-${n}`,
    actor: { userId, role: userId === TIMER_USER_ID ? 'system' : 'oh_advisor' },
    forceId: 'f1',
    occurredAt: new Date('2026-11-25T10:00:00Z'),
    expectedRevision,
  };
}

describe('If-Match against a case the timers have touched', () => {
  let pipeline: CommandPipeline;
  beforeEach(() => {
    pipeline = new CommandPipeline(new InMemoryEventStore());
  });

  it('given only timer events since the revision the person saw, the command is decided against the current state', async () => {
    await pipeline.handle(decider, codec, 'c-1', { type: 'Add', n: 1 }, ctx('adv-a')); // revision 0
    await pipeline.handle(decider, codec, 'c-1', { type: 'MarkOverdue' }, ctx(TIMER_USER_ID)); // 1
    await pipeline.handle(decider, codec, 'c-1', { type: 'MarkOverdue' }, ctx(TIMER_USER_ID)); // 2
    const result = await pipeline.handle(decider, codec, 'c-1', { type: 'Add', n: 2 }, ctx('adv-a', 0n));
    expect(result).toMatchObject({ state: 3, revision: 3n, appended: 1 });
  });

  it('given a person changed the case since, the stale If-Match is a conflict and nothing is appended', async () => {
    await pipeline.handle(decider, codec, 'c-2', { type: 'Add', n: 1 }, ctx('adv-a'));
    await pipeline.handle(decider, codec, 'c-2', { type: 'MarkOverdue' }, ctx(TIMER_USER_ID));
    await pipeline.handle(decider, codec, 'c-2', { type: 'Add', n: 5 }, ctx('adv-b'));
    await expect(pipeline.handle(decider, codec, 'c-2', { type: 'Add', n: 2 }, ctx('adv-a', 0n))).rejects.toBeInstanceOf(WrongExpectedVersionError);
    const { state, revision } = await pipeline.load(decider, codec, 'c-2', 'f1');
    expect([state, revision]).toEqual([6, 2n]);
  });

  it('a revision the stream never had (ahead of it) is a conflict', async () => {
    await pipeline.handle(decider, codec, 'c-3', { type: 'Add', n: 1 }, ctx('adv-a'));
    await expect(pipeline.handle(decider, codec, 'c-3', { type: 'Add', n: 1 }, ctx('adv-a', 4n))).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });
});
