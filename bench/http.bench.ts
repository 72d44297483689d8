import type { BenchRow } from './row';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { NestExpressApplication } from '@nestjs/platform-express';
import autocannon from 'autocannon';
import type { Pool } from 'pg';
import type { NewEvent } from '@casework/core/event-store/types';

/**
 * The HTTP API end to end: the whole app (ROLE=all: API, projections and timers in one
 * process, as `npm run demo` runs it) booted in-process on an ephemeral port, loaded by
 * autocannon with 50 connections: first submitting referrals for ~10 s, then triaging
 * the referrals those submissions created, one request each. Beside each, as the
 * baseline measured in the same run: the event-store port appending as many one-event
 * new streams at concurrency 50 (bench/run.ts's "append: 1 event, new stream (port)").
 *
 * autocannon runs in a worker thread of this process, so the load generator does not
 * share the server's event loop (it does share the process, and so its peak RSS). The
 * app's modules are loaded only on the main thread, keeping that thread small.
 *
 * Runs against the database it is given (migrated; its read models are caught up
 * before measuring) and the Redis it is given (use a database of its own, e.g. db 5;
 * the timer queue `bench-http-deadlines` is emptied before and after).
 */

export type { BenchRow };

export interface BenchOptions {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly scale: number;
}

const CONNECTIONS = 50;
const TIMER_QUEUE = 'bench-http-deadlines';
const FORCE = 'bench-force';
const LOAD_WORKER = 'casework-http-bench-load';

const SUBMIT_BODY = JSON.stringify({
  subjectId: 'PC-4471',
  subjectName: 'Bench Subject',
  employmentType: 'police_officer',
  department: 'Response, North',
  role: 'Response officer',
  source: 'management',
  category: 'mental_health',
  urgency: 'routine',
  reason: 'Sickness absence over 28 days',
  lineManagerId: 'sgt-bench',
});
const TRIAGE_BODY = JSON.stringify({ priority: 'medium', advisorId: 'adv-bench' });

/** A bearer token signed in the main thread with the key the app's dev issuer trusts. */
function identity(token: string): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
}

// ---------------------------------------------------------------- load generator (worker thread)

type LoadPlan =
  | { readonly kind: typeof LOAD_WORKER; readonly phase: 'submit'; readonly url: string; readonly token: string; readonly durationSec: number }
  | { readonly kind: typeof LOAD_WORKER; readonly phase: 'triage'; readonly url: string; readonly token: string; readonly ids: readonly string[] };

interface LoadResult {
  /** Responses received (any status). */
  readonly responses: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly durationSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly statusCodes: Record<string, number>;
  /** Submit: the ids of the referrals created (from Location). */
  readonly createdIds: readonly string[];
}

async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const createdIds: string[] = [];
  let request: autocannon.Request;
  const extra: Partial<autocannon.Options> = {};
  if (plan.phase === 'submit') {
    extra.duration = plan.durationSec;
    request = {
      method: 'POST',
      path: '/referrals',
      headers: identity(plan.token),
      body: SUBMIT_BODY,
      onResponse: (status, _body, _context, headers) => {
        if (status !== 201 || !headers) return;
        const location = Object.entries(headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
        const id = typeof location === 'string' ? location.split('/').pop() : undefined;
        if (id) createdIds.push(id);
      },
    };
  } else {
    // One request per referral: each connection takes the next id as it sends.
    let next = 0;
    extra.amount = plan.ids.length;
    request = {
      method: 'POST',
      headers: identity(plan.token),
      body: TRIAGE_BODY,
      setupRequest: (req) => ({ ...req, path: `/referrals/${plan.ids[next++ % plan.ids.length] ?? ''}/triage` }),
    };
  }
  const options: autocannon.Options = { url: plan.url, connections: CONNECTIONS, pipelining: 1, timeout: 30, requests: [request], ...extra };
  const raw = await autocannon(options);
  // Off the main thread autocannon takes itself for one of its own workers and leaves its
  // histograms encoded for a parent to merge: merge them here (the function is untyped).
  const { aggregateResult } = autocannon as unknown as { aggregateResult(results: unknown[], opts: autocannon.Options): autocannon.Result };
  const result = isMainThread ? raw : aggregateResult([raw], { ...options });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  return {
    responses: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSec: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    statusCodes,
    createdIds,
  };
}

/** Runs one load phase in a worker thread (this same file) and returns what it saw. */
function loadInWorker(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: plan });
    let settled = false;
    worker.once('message', (result: LoadResult) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with code ${code} before reporting`));
    });
  });
}

// ---------------------------------------------------------------- the benchmark (main thread)

export async function runHttpBench(opts: BenchOptions): Promise<BenchRow[]> {
  // Loaded here, not at the top, so the load generator's worker thread stays small.
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { Queue } = await import('bullmq');
  const { default: IORedis } = await import('ioredis');
  const { default: pino } = await import('pino');
  const { loadConfig } = await import('@casework/core/config/app-config');
  const { createPool } = await import('@casework/core/database/pool');
  const { PostgresEventStore } = await import('@casework/core/event-store/postgres/postgres-event-store');
  const { configureHttp } = await import('@casework/platform/bootstrap');
  const { AppModule } = await import('../apps/api/src/app.module');
  const { signTestToken, TEST_ISSUER_KEY } = await import('@casework/identity/testing/test-tokens');
  const manager = signTestToken({ sub: 'lm-bench', roles: ['line_manager'], forceId: FORCE, expiresIn: 7200 });
  const advisor = signTestToken({ sub: 'adv-bench', roles: ['oh_advisor'], forceId: FORCE, expiresIn: 7200 });

  const durationSec = Math.max(2, Math.round(10 * opts.scale));
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    ROLE: 'all',
    LOG_LEVEL: 'silent',
    TIMER_QUEUE,
    TIMER_RECONCILE_INTERVAL_MS: '600000',
    // The load generator is one client: the per-client limit would otherwise cap the figure.
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const redis = new IORedis(opts.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(TIMER_QUEUE, { connection: redis });
  const pool = createPool(opts.databaseUrl, { max: 60 });
  const rss = new RssSampler();
  let app: NestExpressApplication | null = null;
  try {
    await queue.obliterate({ force: true });
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, logger: pino({ level: 'silent' }), devIssuerKey: TEST_ISSUER_KEY }), {
      logger: false,
      bodyParser: false,
    });
    configureHttp(app);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    await settle(pool);

    const submit = await rss.timed(() => loadInWorker({ kind: LOAD_WORKER, phase: 'submit', url, token: manager, durationSec }));
    await settle(pool);
    const ids = submit.value.createdIds.slice(0, Math.floor(submit.value.createdIds.length / CONNECTIONS) * CONNECTIONS);
    if (ids.length === 0) throw new Error(`submit phase created ${submit.value.createdIds.length} referrals: too few to triage`);
    const triage = await rss.timed(() => loadInWorker({ kind: LOAD_WORKER, phase: 'triage', url, token: advisor, ids }));
    await settle(pool);
    await app.close();
    app = null;

    // Baselines with the app stopped, so its projections cannot compete.
    const store = new PostgresEventStore(pool);
    const append = async (): Promise<void> => {
      await store.appendToStream(`bench-${randomUUID()}`, [benchEvent()], { expectedRevision: 'no_stream' });
    };
    const submitBase = await rss.timed(() => concurrently(submit.value.ok, CONNECTIONS, append));
    const triageBase = await rss.timed(() => concurrently(triage.value.ok, CONNECTIONS, append));

    const rows = [
      httpRow('http: POST /referrals (submit), whole app in-process', submit, submitBase),
      httpRow('http: POST /referrals/:id/triage, distinct referrals', triage, triageBase),
    ];
    const bad = [submit.value, triage.value].filter((r) => r.non2xx + r.errors + r.timeouts > 0);
    if (bad.length > 0) {
      throw new Error(`HTTP benchmark had failures: ${JSON.stringify(bad.map(({ createdIds: _, ...r }) => r))}`);
    }
    return rows;
  } finally {
    rss.stop();
    if (app) await app.close().catch(() => undefined);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
    await pool.end();
  }
}

function httpRow(workload: string, load: Timed<LoadResult>, base: Timed<number>): BenchRow {
  const r = load.value;
  const perSecond = r.ok / r.durationSec;
  const baselinePerSecond = base.value / base.seconds;
  return {
    workload,
    concurrency: CONNECTIONS,
    ops: r.ok,
    perSecond,
    baseline: 'append: 1 event, new stream (port), as many',
    baselinePerSecond,
    ratio: perSecond / baselinePerSecond,
    peakRssMb: load.peakRssMb,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    maxMs: r.maxMs,
    errors: r.non2xx + r.errors + r.timeouts,
  };
}

/**
 * Waits until the app's projections have caught up: their processed-event counts stay
 * unchanged for two seconds (catch-up after boot, or the work a load phase left behind).
 */
async function settle(pool: Pool, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ n: string }>(
      "select coalesce(sum(events_processed), 0)::text || '/' || count(*) as n from projection_checkpoints",
    );
    const now = rows[0]?.n ?? '';
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 2_000) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`projections did not settle within ${timeoutMs} ms`);
}

async function concurrently(ops: number, concurrency: number, op: () => Promise<void>): Promise<number> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ops) {
        next += 1;
        await op();
      }
    }),
  );
  return ops;
}

function benchEvent(): NewEvent {
  const id = randomUUID();
  return {
    id,
    type: 'BenchHappened',
    data: { subjectId: 'PC-1', department: 'Response', reason: 'benchmark payload of typical size for a referral' },
    metadata: {
      correlationId: id,
      causationId: id,
      actor: { userId: 'bench', role: 'bench' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      forceId: 'bench',
    },
  };
}

interface Timed<T> {
  readonly value: T;
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** Samples this process's RSS (its worker threads included) every 25 ms. */
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

/** Standalone: `npm run build --silent && node dist/bench/http.bench.js` (BENCH_SCALE to scale). */
async function main(): Promise<void> {
  const { Client } = await import('pg');
  const { createPool } = await import('@casework/core/database/pool');
  const { runMigrations } = await import('@casework/core/database/migrations');
  const { ALL_MIGRATIONS } = await import('@casework/platform/migrations');
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_bench';
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  const pool = createPool(databaseUrl, { max: 2 });
  try {
    await runMigrations(pool, ALL_MIGRATIONS);
  } finally {
    await pool.end();
  }
  const rows = await runHttpBench({
    databaseUrl,
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5',
    scale: Number(process.env.BENCH_SCALE ?? '1'),
  });
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
}

const loadPlan = workerData as Partial<LoadPlan> | null;
if (!isMainThread && loadPlan?.kind === LOAD_WORKER) {
  generateLoad(loadPlan as LoadPlan).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
} else if (isMainThread && require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
