import 'reflect-metadata';
import type { BenchRow } from './row';
import { Queue, Worker, type JobsOptions } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import { Client, type Pool } from 'pg';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { systemClock } from '@casework/core/time/clock';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { DeadlineTimers } from '@casework/timers/application/deadline-timers';
import type { TimerJobData } from '@casework/timers/application/timer-job';

/**
 * Deadline timers at volume: how fast the reconciler turns `timer_deadlines` rows into
 * BullMQ delayed jobs (first creation, restore after a flush, and the periodic pass that
 * finds every job present), and how late the worker fires the ones that fall due, each
 * beside raw BullMQ doing the same in the same run.
 *
 * Owns, while it runs: the rows of category `benchtimer` in timer_deadlines and the
 * queues `bench-timers-port` and `bench-timers-raw` on the Redis it is given (use a
 * database of its own, e.g. db 5). Both are emptied before and after.
 */

export type { BenchRow };

export interface BenchOptions {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly scale: number;
}

const CATEGORY = 'benchtimer';
const PORT_QUEUE = 'bench-timers-port';
const RAW_QUEUE = 'bench-timers-raw';
/** Reconcile reads and adds in chunks of this size; the raw baseline adds in the same batches. */
const CHUNK = 1_000;
/** The due deadlines fall due evenly over this window once the workers run. */
const WINDOW_MS = 20_000;
const WORKER_CONCURRENCY = 20;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface RawJobData {
  readonly deadlineId: string;
  readonly level: number;
  readonly streamId: string;
  readonly category: string;
  readonly forceId: string;
  /** Epoch ms the job is due. */
  readonly fireAt: number;
}

export async function runTimersBench(opts: BenchOptions): Promise<BenchRow[]> {
  const total = Math.max(CHUNK, Math.round(100_000 * opts.scale));
  const dueCount = Math.max(100, Math.round(2_000 * opts.scale));
  const pool = createPool(opts.databaseUrl, { max: 4 });
  const connection = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null });
  const timers = new DeadlineTimers(pool, connection, systemClock, silent, PORT_QUEUE);
  const raw = new Queue<RawJobData>(RAW_QUEUE, { connection });
  const workers: Worker[] = [];
  const workerConnections: Redis[] = [];
  const rss = new RssSampler();
  try {
    await cleanUp(pool, timers.queue, raw);
    await insertDeadlines(pool, total, dueCount);
    const farFires = await farFireTimes(pool);

    // (a) First creation of every job, and raw addBulk of as many plain delayed jobs.
    const create = await rss.timed(() => timers.reconcile([CATEGORY], CHUNK));
    assertCount('reconcile (a)', create.value, total);
    const rawCreate = await rss.timed(() => addRaw(raw, farFires));
    assertCount('delayed jobs (a)', await timers.queue.getDelayedCount(), total);

    // Due times for (b) are set only now, far enough ahead for (c) and the idempotent pass
    // to finish first; any that fall due before the workers start are left out of (b).
    await Promise.all([timers.queue.obliterate({ force: true }), raw.obliterate({ force: true })]);
    const leadMs = Math.ceil(create.seconds * 1_000 * 2.5 + rawCreate.seconds * 1_000 * 1.5) + 2_000;
    const anchor = Date.now() + leadMs;
    const stepMs = WINDOW_MS / dueCount;
    await pool.query(
      `update timer_deadlines t set next_fire_at = to_timestamp(($2::float8 + s.r * $3::float8) / 1000)
       from (select deadline_id, row_number() over (order by deadline_id) - 1 as r
             from timer_deadlines where category = $1 and kind = 'bench-due') s
       where t.deadline_id = s.deadline_id`,
      [CATEGORY, anchor, stepMs],
    );
    const dueFires = Array.from({ length: dueCount }, (_, r) => anchor + r * stepMs);

    // (c) Restore after a flush: the queue is empty, every row is pending.
    const restore = await rss.timed(() => timers.reconcile([CATEGORY], CHUNK));
    assertCount('reconcile (c)', restore.value, total);
    const rawRestore = await rss.timed(() => addRaw(raw, [...farFires.slice(0, total - dueCount), ...dueFires]));

    // The periodic pass: every job already there, each add a no-op.
    const idempotent = await rss.timed(() => timers.reconcile([CATEGORY], CHUNK));
    assertCount('delayed jobs (c)', await timers.queue.getDelayedCount(), total);

    // (b) Lateness of the due deadlines, the port's worker and a raw one side by side.
    const portLateness: number[] = [];
    const rawLateness: number[] = [];
    const startedAt = Date.now();
    timers.startWorker(
      new Map([
        [
          CATEGORY,
          async (job: TimerJobData, now: Date) => {
            const fireAt = Date.parse(job.fireAt);
            if (fireAt >= startedAt) portLateness.push(now.getTime() - fireAt);
          },
        ],
      ]),
      undefined,
      WORKER_CONCURRENCY,
    );
    const rawWorker = new Worker<RawJobData>(
      RAW_QUEUE,
      async (job) => {
        const now = Date.now();
        if (job.data.fireAt >= startedAt) rawLateness.push(now - job.data.fireAt);
      },
      { connection: own(workerConnections, connection.duplicate({ maxRetriesPerRequest: null })), concurrency: WORKER_CONCURRENCY },
    );
    rawWorker.on('error', () => undefined);
    workers.push(rawWorker);
    const expected = dueFires.filter((t) => t >= startedAt).length;
    const lastFire = dueFires[dueFires.length - 1] ?? anchor;
    const window = await rss.timed(async () => {
      while ((portLateness.length < expected || rawLateness.length < expected) && Date.now() < lastFire + 10_000) {
        await sleep(100);
      }
    });
    const firstCounted = Math.max(anchor, startedAt);
    const windowSeconds = Math.max(0.001, (lastFire - firstCounted) / 1_000);
    const port = stats(portLateness);
    const base = stats(rawLateness);

    const rows: BenchRow[] = [
      throughput(`timers: reconcile ${fmt(total)} deadlines, empty queue (DeadlineTimers)`, total, create, 'raw BullMQ addBulk, plain delayed jobs', rawCreate),
      throughput(`timers: restore ${fmt(total)} jobs after obliterate (reconcile)`, total, restore, 'raw BullMQ addBulk, plain delayed jobs', rawRestore),
      throughput(`timers: reconcile ${fmt(total)} deadlines, every job present`, total, idempotent, 'raw BullMQ addBulk, plain delayed jobs (c)', rawRestore),
      {
        workload: `timers: lateness, ${fmt(portLateness.length)} of ${fmt(dueCount)} deadlines due over ${WINDOW_MS / 1_000} s (worker)`,
        concurrency: WORKER_CONCURRENCY,
        ops: portLateness.length,
        perSecond: portLateness.length / windowSeconds,
        baseline: 'raw BullMQ Worker, same due times (ratio = baseline p99 / p99)',
        baselinePerSecond: rawLateness.length / windowSeconds,
        ratio: Math.max(1, base.p99) / Math.max(1, port.p99),
        peakRssMb: window.peakRssMb,
        p50Ms: port.p50,
        p99Ms: port.p99,
        maxMs: port.max,
        baselineP50Ms: base.p50,
        baselineP99Ms: base.p99,
        baselineMaxMs: base.max,
      },
    ];
    if (portLateness.length < expected || rawLateness.length < expected) {
      throw new Error(`lateness: only ${portLateness.length} (port) and ${rawLateness.length} (raw) of ${expected} due jobs fired within 10 s of the last`);
    }
    return rows;
  } finally {
    rss.stop();
    await Promise.all(workers.map((w) => w.close()));
    await cleanUp(pool, timers.queue, raw).catch(() => undefined);
    await timers.close();
    await raw.close();
    for (const c of workerConnections) c.disconnect();
    connection.disconnect();
    await pool.end();
  }
}

/** `total` pending deadlines: `due` of them (kind 'bench-due') spread evenly through the id order. */
async function insertDeadlines(pool: Pool, total: number, due: number): Promise<void> {
  const every = Math.floor(total / due);
  await pool.query(
    `insert into timer_deadlines
       (deadline_id, stream_id, category, force_id, kind, due_at, owner_id, level, ladder, next_level, next_fire_at, scheduled_at)
     select d.id, $1 || '-' || d.id, $1, 'bench', case when i % $3 = 0 and i / $3 <= $4 then 'bench-due' else 'bench-later' end,
            f.at, 'u-bench', 0,
            jsonb_build_array(jsonb_build_object('level', 1, 'at', f.at, 'notify', 'owner'),
                              jsonb_build_object('level', 2, 'at', f.at + interval '2 days', 'notify', 'team_manager')),
            1, f.at, now()
     from generate_series(1, $2::int) i,
          lateral (select md5($1 || i)::uuid::text as id) d,
          lateral (select now() + interval '1 day' + (i % 86400) * interval '1 minute' as at) f`,
    [CATEGORY, total, every, due],
  );
  await pool.query('analyze timer_deadlines');
}

/** The far-future fire times, in the order of the rows, for the raw baseline's delays. */
async function farFireTimes(pool: Pool): Promise<number[]> {
  const { rows } = await pool.query<{ at: string }>(
    `select (extract(epoch from next_fire_at) * 1000)::float8::text as at from timer_deadlines where category = $1 order by deadline_id`,
    [CATEGORY],
  );
  return rows.map((r) => Number(r.at));
}

/** Raw BullMQ: plain delayed jobs of the same payload, in batches of CHUNK, one batch at a time. */
async function addRaw(queue: Queue<RawJobData>, fires: readonly number[]): Promise<number> {
  for (let i = 0; i < fires.length; i += CHUNK) {
    const now = Date.now();
    const batch = fires.slice(i, i + CHUNK).map((fireAt, j) => {
      const opts: JobsOptions = { delay: Math.max(0, fireAt - now) };
      return {
        name: 'deadline',
        data: { deadlineId: `raw-${i + j}`, level: 1, streamId: `raw-stream-${i + j}`, category: CATEGORY, forceId: 'bench', fireAt },
        opts,
      };
    });
    await queue.addBulk(batch);
  }
  return fires.length;
}

async function cleanUp(pool: Pool, ...queues: Queue[]): Promise<void> {
  for (const queue of queues) await queue.obliterate({ force: true });
  await pool.query('delete from timer_deadlines where category = $1', [CATEGORY]);
}

function own(list: Redis[], connection: Redis): Redis {
  list.push(connection);
  return connection;
}

function assertCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}

interface Timed<T> {
  readonly value: T;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** Samples RSS every 25 ms; `timed` reports the peak seen during one piece of work. */
class RssSampler {
  private peak = 0;
  private readonly timer = setInterval(() => this.sample(), 25);

  async timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
    this.peak = process.memoryUsage().rss;
    const started = process.hrtime.bigint();
    const value = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.sample();
    return { value, seconds, peakRssMb: this.peak / 2 ** 20 };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
}

function throughput(workload: string, ops: number, subject: Timed<unknown>, baseline: string, base: Timed<unknown>): BenchRow {
  const perSecond = ops / subject.seconds;
  const baselinePerSecond = ops / base.seconds;
  return {
    workload,
    concurrency: 1,
    ops,
    perSecond,
    baseline,
    baselinePerSecond,
    ratio: perSecond / baselinePerSecond,
    peakRssMb: Math.max(subject.peakRssMb, base.peakRssMb),
  };
}

function stats(values: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

function fmt(n: number): string {
  return n.toLocaleString('en-GB');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Standalone: `npm run build --silent && node dist/bench/timers.bench.js` (BENCH_SCALE to scale). */
async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_bench';
  await ensureDatabase(databaseUrl);
  const pool = createPool(databaseUrl, { max: 2 });
  try {
    await runMigrations(pool, ALL_MIGRATIONS);
  } finally {
    await pool.end();
  }
  const rows = await runTimersBench({
    databaseUrl,
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5',
    scale: Number(process.env.BENCH_SCALE ?? '1'),
  });
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
}

async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
