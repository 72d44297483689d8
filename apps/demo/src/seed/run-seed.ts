import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@casework/core/aggregate/command-pipeline';
import type { EventStore } from '@casework/core/event-store/types';
import { deterministicId, eventIdFor } from '@casework/core/ids';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { ExecuteCaseCommand } from '@casework/platform/cases/case-commands';
import { ProjectionHost } from '@casework/platform/projection-host';
import { EVENT_STORE } from '@casework/platform/tokens';
import { ExecuteReferralCommand } from '@casework/referral/application/execute-referral-command';
import { referralStreamId } from '@casework/referral/domain/events';
import { planDemoForce, type DemoForceOptions } from './plan';
import type { SeedCase } from './seed-case';
import { waitForProjections } from './wait-for-projections';

export interface SeedRequest extends Omit<DemoForceOptions, 'now'> {
  /** Cases sent at once; each case's commands run in order. Default 12. */
  readonly concurrency?: number;
  /** How long the worker may take to catch up with the seed. Default 120 s. */
  readonly catchUpTimeoutMs?: number;
}

export interface SeedSummary {
  readonly colleagues: number;
  readonly referrals: number;
  readonly incidents: number;
  readonly exposures: number;
  readonly trimActivations: number;
  readonly surveillance: number;
  readonly leavers: number;
  readonly stayInterviews: number;
  readonly welfareCases: number;
  /** Cases whose commands ran this time. */
  readonly casesRun: number;
  /** Cases already complete from an earlier seed: skipped after one stream read. */
  readonly casesSkipped: number;
  readonly commands: number;
  /** Events the seed itself appended (0 on a second run). */
  readonly appended: number;
  /** Of `ms`, the time spent planning the force. */
  readonly planMs: number;
  readonly ms: number;
}

/**
 * Seeds a synthetic force through the real command path: every case's back-dated
 * commands go through the command bus to the same handlers, pipeline and deciders the
 * API uses; nothing is written to the store or the read models directly.
 *
 * The history runs with the worker's projections paused, so timers are not started for
 * deadlines the next back-dated command meets; then the projections (and with them the
 * process managers: TRiM → OH referrals, repeat-exposure support tasks) catch up, the
 * cases that continue what those opened run, and the worker catches up again.
 *
 * Idempotent: ids derive from the force and the seed. A case whose last command is
 * already in its stream is skipped; any other command already applied is replayed by the
 * pipeline without appending. So a second run appends nothing, and a run cut short is
 * completed by the next.
 */
export async function seedDemoForce(app: INestApplicationContext, request: SeedRequest): Promise<SeedSummary> {
  const started = Date.now();
  const now = app.get<Clock>(CLOCK).now();
  const plan = planDemoForce({ forceId: request.forceId, seed: request.seed, colleagues: request.colleagues, now });
  const planMs = Date.now() - started;
  const store = app.get<EventStore>(EVENT_STORE);
  const bus = app.get(CommandBus);
  const projections = app.get(ProjectionHost);
  const runsWorker = projections.role !== 'api';
  const timeoutMs = request.catchUpTimeoutMs ?? 120_000;
  const send = sender(bus, request.forceId, deterministicId('demo-seed', request.forceId, String(request.seed)));

  const history = plan.cases.filter((c) => !c.afterProcessManagers);
  const continuations = plan.cases.filter((c) => c.afterProcessManagers);
  const pending = await notYetSeeded(store, history, request.concurrency);
  let totals = { commands: 0, appended: 0 };
  if (pending.length > 0) {
    if (runsWorker) await projections.stopAll();
    try {
      totals = await runCases(pending, send, request.concurrency);
    } finally {
      if (runsWorker) projections.startAll();
    }
  }
  const pendingContinuations = await notYetSeeded(store, continuations, request.concurrency);
  if (runsWorker && (pending.length > 0 || pendingContinuations.length > 0)) {
    await waitForProjections(projections, store, timeoutMs);
  }
  if (pendingContinuations.length > 0) {
    const more = await runCases(pendingContinuations, send, request.concurrency);
    totals = { commands: totals.commands + more.commands, appended: totals.appended + more.appended };
    if (runsWorker) await waitForProjections(projections, store, timeoutMs);
  }

  const count = (workflow: SeedCase['workflow']) => history.filter((c) => c.workflow === workflow).length;
  return {
    colleagues: plan.colleagues.length,
    referrals: count('referral'),
    incidents: count('incident'),
    exposures: history.reduce((n, c) => n + (c.workflow === 'incident' && c.commands[0]?.type === 'RecordIncident' ? c.commands[0].data.exposedColleagues.length : 0), 0),
    trimActivations: count('trim'),
    surveillance: count('surveillance'),
    leavers: count('exit'),
    stayInterviews: count('stay'),
    welfareCases: count('welfare'),
    casesRun: pending.length + pendingContinuations.length,
    casesSkipped: plan.cases.length - pending.length - pendingContinuations.length,
    ...totals,
    planMs,
    ms: Date.now() - started,
  };
}

type Send = (c: SeedCase, command: SeedCase['commands'][number]) => Promise<number>;

/** Sends one command of a case through the bus; answers how many events it appended. */
function sender(bus: CommandBus, forceId: string, correlationId: string): Send {
  return async (c, command) => {
    const context: CommandContext = {
      commandId: command.commandId,
      correlationId,
      causationId: correlationId,
      actor: command.actor,
      forceId,
      occurredAt: command.now,
    };
    if (c.workflow === 'referral') {
      const outcome = await bus.execute(new ExecuteReferralCommand(c.caseId, command as (typeof c.commands)[number], context));
      return outcome.appended;
    }
    const outcome = await bus.execute(new ExecuteCaseCommand(c.workflow, c.caseId, command, context));
    return outcome.appended;
  };
}

function streamOf(c: SeedCase): string {
  return c.workflow === 'referral' ? referralStreamId(c.caseId) : `${c.workflow}-${c.caseId}`;
}

/** The cases whose last command is not in their stream yet (one stream read each). */
async function notYetSeeded(store: EventStore, cases: readonly SeedCase[], concurrency = 12): Promise<SeedCase[]> {
  const done = new Set<SeedCase>();
  await pool(cases, concurrency, async (c) => {
    const last = c.commands[c.commands.length - 1];
    if (!last) return;
    const lastEventId = eventIdFor(last.commandId, 0);
    const events = await store.readStream(streamOf(c));
    if (events.some((e) => e.id === lastEventId)) done.add(c);
  });
  return cases.filter((c) => !done.has(c));
}

async function runCases(cases: readonly SeedCase[], send: Send, concurrency = 12): Promise<{ commands: number; appended: number }> {
  let commands = 0;
  let appended = 0;
  await pool(cases, concurrency, async (c) => {
    for (const command of c.commands) {
      let events: number;
      try {
        events = await send(c, command);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Seeding ${streamOf(c)} stopped at ${command.type}: ${reason}. Running the seed again finishes a run that was ` +
            'cut short; a force seeded by another version of this generator needs an empty database or another DEMO_SEED.',
          { cause: error },
        );
      }
      // Added after the await: `appended += await …` would read the total before it.
      appended += events;
      commands++;
    }
  });
  return { commands, appended };
}

/** Runs `work` on every item, at most `concurrency` at once; the first failure stops new work and rejects. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure) throw failure.error;
}
