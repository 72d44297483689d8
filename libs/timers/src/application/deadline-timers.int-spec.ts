import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import type { Pool } from 'pg';
import { CommandPipeline, type StreamCodec } from '@casework/core/aggregate/command-pipeline';
import type { Decider } from '@casework/core/domain/decider';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { uniqueCategory } from '@casework/core/event-store/testing/event-store-contract';
import { ProjectionRunner } from '@casework/core/projections/projection-runner';
import { testPool, testRedisUrl } from '@casework/core/testing/postgres';
import { waitFor } from '@casework/core/testing/wait-for';
import { systemClock } from '@casework/core/time/clock';
import type { DeadlineEvent } from '../domain/deadline-events';
import { emptyLedger, escalateDeadline, evolveLedger, meetDeadline, scheduleDeadline, type DeadlineLedger } from '../domain/deadline-ledger';
import { deadlinesProjection } from '../read-model/deadlines.projection';
import { DeadlineTimers } from './deadline-timers';
import { timerJobId } from './timer-job';

/** The smallest workflow with a deadline: enough to drive real timers end to end. */
type Cmd =
  | { type: 'Open'; deadlineId: string; dueAt: Date; stepMs: number }
  | { type: 'Meet'; now: Date }
  | { type: 'Escalate'; deadlineId: string; level: number; now: Date };

const decider: Decider<Cmd, DeadlineEvent, DeadlineLedger> = {
  initialState: emptyLedger,
  evolve: evolveLedger,
  decide: (cmd, ledger) => {
    switch (cmd.type) {
      case 'Open':
        return [
          scheduleDeadline({
            deadlineId: cmd.deadlineId,
            kind: 'respond',
            dueAt: cmd.dueAt,
            ownerId: 'u-1',
            escalations: [
              { at: new Date(cmd.dueAt.getTime() + cmd.stepMs), notify: 'team_manager' },
              { at: new Date(cmd.dueAt.getTime() + 2 * cmd.stepMs), notify: 'head_of_wellbeing' },
            ],
          }),
        ];
      case 'Meet':
        return meetDeadline(ledger, 'respond', cmd.now);
      case 'Escalate':
        return escalateDeadline(ledger, cmd);
    }
  },
};
const codec: StreamCodec<DeadlineEvent> = {
  decode: (e) => ({ type: e.type, data: e.data }) as DeadlineEvent,
  schemaVersion: () => 1,
};
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ctx = (commandId: string) => ({
  commandId,
  correlationId: randomUUID(),
  causationId: commandId,
  actor: { userId: 'u-1', role: 'oh_advisor' },
  forceId: 'force-a',
  occurredAt: new Date(),
});

describe('deadline timers on real BullMQ and PostgreSQL', () => {
  let pool: Pool;
  let redis: Redis;
  let store: PostgresEventStore;
  let pipeline: CommandPipeline;
  let timers: DeadlineTimers;
  let runner: ProjectionRunner;
  let category: string;

  beforeEach(async () => {
    pool = testPool();
    redis = new IORedis(testRedisUrl(), { maxRetriesPerRequest: null });
    store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
    pipeline = new CommandPipeline(store);
    category = uniqueCategory();
    timers = new DeadlineTimers(pool, redis, systemClock, silent, `test-${category}`);
    runner = new ProjectionRunner(
      pool,
      store,
      deadlinesProjection([category], (ids) => timers.sync(ids), `test_deadlines_${category}`),
      silent,
    );
    runner.start();
    timers.startWorker(
      new Map([
        [
          category,
          async (job, now) => {
            await pipeline.handle(decider, codec, job.streamId, { type: 'Escalate', deadlineId: job.deadlineId, level: job.level, now }, ctx(`timer-${job.deadlineId}-${job.level}`));
          },
        ],
      ]),
    );
  });

  afterEach(async () => {
    await runner.stop();
    await timers.queue.obliterate({ force: true });
    await timers.close();
    redis.disconnect();
    await pool.query('delete from timer_deadlines where category = $1', [category]);
    await pool.end();
  });

  async function open(dueInMs: number, stepMs: number): Promise<{ streamId: string; deadlineId: string }> {
    const streamId = `${category}-${randomUUID()}`;
    const deadlineId = randomUUID();
    await pipeline.handle(decider, codec, streamId, { type: 'Open', deadlineId, dueAt: new Date(Date.now() + dueInMs), stepMs }, ctx(randomUUID()));
    return { streamId, deadlineId };
  }

  const types = async (streamId: string): Promise<string[]> => (await store.readStream(streamId)).map((e) => e.type);

  it('a deadline that passes goes overdue, then climbs the ladder once per rung, and stops at the top', async () => {
    const { streamId } = await open(300, 300);
    await waitFor(async () => (await types(streamId)).length === 4, { timeoutMs: 8_000, message: 'three rungs' });
    const events = await store.readStream(streamId);
    expect(events.map((e) => [e.type, (e.data as { level?: number; notify?: string }).notify ?? null])).toEqual([
      ['DeadlineScheduled', null],
      ['DeadlineOverdue', 'owner'],
      ['DeadlineEscalated', 'team_manager'],
      ['DeadlineEscalated', 'head_of_wellbeing'],
    ]);
    await waitFor(async () => (await pool.query('select next_fire_at from timer_deadlines where stream_id = $1', [streamId])).rows[0]?.next_fire_at === null);
    expect(await types(streamId)).toHaveLength(4);
  });

  it('meeting a deadline cancels its timer', async () => {
    const { streamId, deadlineId } = await open(700, 300);
    await waitFor(async () => (await timers.queue.getJob(timerJobId(deadlineId, 1))) !== undefined, { message: 'job scheduled' });
    await pipeline.handle(decider, codec, streamId, { type: 'Meet', now: new Date() }, ctx(randomUUID()));
    await waitFor(async () => (await timers.queue.getJob(timerJobId(deadlineId, 1))) === undefined, { message: 'job removed' });
    // Even a stale job that slipped through would find nothing to escalate.
    await timers.queue.add('deadline', { deadlineId, level: 1, streamId, category, forceId: 'force-a', fireAt: new Date().toISOString() });
    await waitFor(async () => (await timers.queue.getCompletedCount()) >= 1, { message: 'stale job processed' });
    expect(await types(streamId)).toEqual(['DeadlineScheduled', 'DeadlineMet']);
  });

  it('after a Redis flush the reconciler restores every pending timer, and none fires twice', async () => {
    const pending = await Promise.all(Array.from({ length: 5 }, () => open(1_500, 60_000)));
    await waitFor(async () => (await timers.queue.getDelayedCount()) === 5, { message: '5 delayed jobs' });
    await redis.flushdb();
    expect(await timers.queue.getDelayedCount()).toBe(0);
    expect(await timers.reconcile([category])).toBe(5);
    expect(await timers.reconcile([category])).toBe(5);
    expect(await timers.queue.getDelayedCount()).toBe(5);
    await waitFor(
      async () => (await Promise.all(pending.map((p) => types(p.streamId)))).every((t) => t.length === 2),
      { timeoutMs: 6_000, message: 'all overdue' },
    );
    await timers.reconcile([category]);
    for (const p of pending) expect(await types(p.streamId)).toEqual(['DeadlineScheduled', 'DeadlineOverdue']);
  });
});
