import 'reflect-metadata';
import type { BenchRow } from './row';
import { runHttpBench } from './http.bench';
import { runPeerBench } from './peer.bench';
import { runRebuildBench } from './rebuild.bench';
import { runReportsBench } from './reports.bench';
import { runTimersBench } from './timers.bench';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CommandPipeline } from '@casework/core/aggregate/command-pipeline';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { START, type EventFilter, type EventStore, type NewEvent, type Position } from '@casework/core/event-store/types';
import { deterministicId, newId } from '@casework/core/ids';
import { rebuildProjection } from '@casework/core/projections/projection-runner';
import { calendarFromHolidaysFile } from '@casework/core/time/working-calendar';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { withPersonalDataEncryption } from '@casework/identity/personal-data/encryption.factory';
import { referralCodec } from '@casework/referral/application/execute-referral-command';
import { createReferralDecider } from '@casework/referral/domain/decider';
import { DEFAULT_REFERRAL_POLICY } from '@casework/referral/domain/deadline-policy';
import { referralStreamId } from '@casework/referral/domain/events';
import { referralQueueProjection } from '@casework/referral/read-models/referral-queue.projection';

/**
 * `npm run bench`: throughput of the event store, the command pipeline and projection
 * replay on this machine, each beside a baseline measured in the same run against the
 * same PostgreSQL, reported as a ratio. Writes bench/results/<date>.json.
 *
 * Scale with BENCH_SCALE (default 1): operation counts multiply by it. Also runs the
 * timers (100k deadlines), HTTP (50 clients), peer (Emmett) and 1M-event rebuild
 * benchmarks and report latency on 1M cases in bench/*.bench.ts; the whole run takes
 * about six minutes.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'casework_bench';
const BENCH_URL = process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${BENCH_DB}`;

type Row = BenchRow;

async function main(): Promise<void> {
  const rows: Row[] = [];
  await ensureDatabase();
  const pool = createPool(BENCH_URL, { max: 60 });
  try {
    await runMigrations(pool, ALL_MIGRATIONS);
    await pool.query('truncate es_events, es_streams, projection_checkpoints, referral_queue, timer_deadlines, personal_data_keys restart identity');
    await pool.query('create table if not exists bench_raw (id uuid primary key, stream text not null, data jsonb not null, metadata jsonb not null)');
    await pool.query('truncate bench_raw');
    const store = new PostgresEventStore(pool);

    for (const concurrency of [1, 10, 50]) {
      const ops = Math.round((concurrency === 1 ? 2_000 : 8_000) * SCALE);
      const raw = await measure(ops, concurrency, async () => {
        const e = event();
        await pool.query('insert into bench_raw (id, stream, data, metadata) values ($1, $2, $3, $4)', [
          e.id,
          `raw-${e.id}`,
          e.data,
          e.metadata,
        ]);
      });
      const port = await measure(ops, concurrency, async () => {
        await store.appendToStream(`bench-${randomUUID()}`, [event()], { expectedRevision: 'no_stream' });
      });
      rows.push(row('append: 1 event, new stream (port)', concurrency, port, 'raw single-row INSERT commit', raw));
    }

    // Commands: load + decide + append through the pipeline with the real referral decider.
    const decider = createReferralDecider({ policy: DEFAULT_REFERRAL_POLICY, calendar: calendarFromHolidaysFile() });
    const pipeline = new CommandPipeline(store);
    for (const concurrency of [10]) {
      const ops = Math.round(4_000 * SCALE);
      const append = await measure(ops, concurrency, async () => {
        await store.appendToStream(`bench-${randomUUID()}`, [event(), event()], { expectedRevision: 'no_stream' });
      });
      /** One new referral submitted through a pipeline (the real decider, a fresh id each time). */
      const submitThrough = (through: CommandPipeline) => async () => {
        const referralId = newId();
        const commandId = newId();
        const now = new Date();
        await through.handle(decider, referralCodec, referralStreamId(referralId), submit(referralId, commandId, now), {
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: { userId: 'bench', role: 'line_manager' },
          forceId: 'bench',
          occurredAt: now,
        });
      };
      const commands = await measure(ops, concurrency, submitThrough(pipeline));
      rows.push(row('command: SubmitReferral (read+decide+append 2 events)', concurrency, commands, 'append of 2 events (port)', append));

      // The same command with personal data encrypted per person (a data key created and
      // wrapped for each new referral, names and notes sealed with AES-256-GCM), as the app runs.
      const encrypted = withPersonalDataEncryption(store, { NODE_ENV: 'development', MASTER_KEY: undefined }, pool);
      const sealed = await measure(ops, concurrency, submitThrough(new CommandPipeline(encrypted)));
      rows.push(row('command: SubmitReferral, personal data encrypted', concurrency, sealed, 'the same command, no encryption', commands));

      // Reading every referral event back: decrypting (one key query per page) vs the bare port.
      const referralCount = Number((await pool.query<{ n: string }>("select count(*) as n from es_events where category = 'referral'")).rows[0]?.n);
      const referrals = { streamCategories: ['referral'] };
      const bare = await timed(() => readAllPages(store, referrals));
      const decrypting = await timed(() => readAllPages(encrypted, referrals));
      rows.push({
        workload: 'read all referral events, decrypting',
        concurrency: 1,
        ops: referralCount,
        perSecond: referralCount / decrypting.seconds,
        baseline: 'the same read through the port, no decryption',
        baselinePerSecond: referralCount / bare.seconds,
        ratio: bare.seconds / decrypting.seconds,
        peakRssMb: Math.max(bare.peakRssMb, decrypting.peakRssMb),
      });
    }

    // Reads: the port's read-all in 1,000-event pages vs raw keyset reads of the same table.
    // Fresh statistics first, as autovacuum would have them on a store in use: right after
    // a bulk load the planner may choose a bitmap scan and sort for each page instead.
    await pool.query('analyze es_events');
    const total = Number((await pool.query<{ n: string }>('select count(*) as n from es_events')).rows[0]?.n);
    const rawRead = await timed(async () => {
      let after = 0;
      for (;;) {
        const { rows: page } = await pool.query<{ position: string }>(
          'select position, id, stream_id, type, data, metadata from es_events where position > $1 order by position limit 1000',
          [after],
        );
        if (page.length === 0) return;
        after = Number(page[page.length - 1]?.position);
      }
    });
    const portRead = await timed(() => readAllPages(store));
    rows.push({
      workload: 'read all, 1,000-event pages (port)',
      concurrency: 1,
      ops: total,
      perSecond: total / portRead.seconds,
      baseline: 'raw keyset SELECT, 1,000-row pages',
      baselinePerSecond: total / rawRead.seconds,
      ratio: rawRead.seconds / portRead.seconds,
      peakRssMb: Math.max(portRead.peakRssMb, rawRead.peakRssMb),
    });

    // Projection replay: the referral queue rebuilt from every stored event.
    const referralEvents = Number(
      (await pool.query<{ n: string }>("select count(*) as n from es_events where category = 'referral'")).rows[0]?.n,
    );
    const rebuild = await timed(() => rebuildProjection(pool, store, referralQueueProjection, { batchSize: 1_000 }));
    const rawReferralRead = await timed(async () => {
      let after = 0;
      for (;;) {
        const { rows: page } = await pool.query<{ position: string }>(
          "select position, data, metadata from es_events where category = 'referral' and position > $1 order by position limit 1000",
          [after],
        );
        if (page.length === 0) return;
        after = Number(page[page.length - 1]?.position);
      }
    });
    rows.push({
      workload: 'projection rebuild: referral_queue',
      concurrency: 1,
      ops: referralEvents,
      perSecond: referralEvents / rebuild.seconds,
      baseline: 'raw sequential read of the same events',
      baselinePerSecond: referralEvents / rawReferralRead.seconds,
      ratio: rawReferralRead.seconds / rebuild.seconds,
      peakRssMb: rebuild.peakRssMb,
    });
  } finally {
    await pool.end();
  }
  // Each of these opens its own connections (and databases): after the pool above is closed.
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5';
  // BENCH_ONLY=core,http (any of timers, http, peer, rebuild, reports) runs the store,
  // command and encryption rows (always) and the parts named; unset runs everything.
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  const part = (name: string): boolean => only === null || only.has(name);
  if (part('timers')) rows.push(...(await runTimersBench({ databaseUrl: BENCH_URL, redisUrl, scale: SCALE })));
  if (part('http')) rows.push(...(await runHttpBench({ databaseUrl: BENCH_URL, redisUrl, scale: SCALE })));
  if (part('peer')) rows.push(...(await runPeerBench({ databaseUrl: BENCH_URL, scale: SCALE })));
  if (part('rebuild')) rows.push(...(await runRebuildBench({ databaseUrl: BENCH_URL, scale: SCALE })));
  if (part('reports')) rows.push(...(await runReportsBench({ databaseUrl: BENCH_URL, scale: SCALE })));

  print(rows);
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), scale: SCALE, node: process.version, rows }, null, 2)}\n`);
  process.stdout.write(`\nWrote ${file}\n`);
}

/** Reads the whole log (or a filter of it) through a store in 1,000-event pages. */
async function readAllPages(source: EventStore, filter?: EventFilter): Promise<void> {
  let from: Position | typeof START = START;
  let first = true;
  for (;;) {
    const page = await source.readAll({ fromPosition: from, maxCount: 1_000, filter });
    const rest = first ? page : page.slice(1); // readAll is inclusive of its start
    first = false;
    if (rest.length === 0) return;
    from = (page[page.length - 1] as { position: Position }).position;
  }
}

function event(): NewEvent {
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

function submit(referralId: string, commandId: string, now: Date) {
  return {
    type: 'SubmitReferral' as const,
    commandId,
    now,
    actor: { userId: 'bench', role: 'line_manager' },
    data: {
      referralId,
      subjectId: `PC-${deterministicId(referralId).slice(0, 6)}`,
      subjectName: 'Bench Subject',
      employmentType: 'police_officer' as const,
      department: 'Response',
      role: null,
      source: 'management' as const,
      category: 'mental_health' as const,
      urgency: 'routine' as const,
      reason: 'Benchmark referral',
      referredBy: null,
      lineManagerId: null,
      linkedCaseId: null,
    },
  };
}

interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number;
}

/** Runs `ops` operations with `concurrency` in flight, sampling peak RSS. */
async function measure(ops: number, concurrency: number, op: () => Promise<void>): Promise<Measured & { ops: number }> {
  let next = 0;
  const result = await timed(async () => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ops) {
          next += 1;
          await op();
        }
      }),
    );
  });
  return { ...result, ops };
}

async function timed(work: () => Promise<unknown>): Promise<Measured> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const started = process.hrtime.bigint();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
}

function row(workload: string, concurrency: number, subject: Measured & { ops: number }, baseline: string, base: Measured & { ops: number }): Row {
  const perSecond = subject.ops / subject.seconds;
  const baselinePerSecond = base.ops / base.seconds;
  return {
    workload,
    concurrency,
    ops: subject.ops,
    perSecond,
    baseline,
    baselinePerSecond,
    ratio: perSecond / baselinePerSecond,
    peakRssMb: Math.max(subject.peakRssMb, base.peakRssMb),
  };
}

function print(rows: readonly Row[]): void {
  const header = ['workload', 'conc.', 'ops', 'ops/s', 'p50 / p99 ms', 'baseline', 'baseline ops/s', 'ratio', 'peak RSS MB'];
  const latency = (r: Row): string => (r.p50Ms === undefined ? '' : `${r.p50Ms.toFixed(0)} / ${(r.p99Ms ?? 0).toFixed(0)}`);
  const body = rows.map((r) => [
    r.workload,
    String(r.concurrency),
    String(r.ops),
    r.perSecond.toFixed(0),
    latency(r),
    r.baseline,
    r.baselinePerSecond.toFixed(0),
    `${r.ratio.toFixed(2)}×`,
    r.peakRssMb.toFixed(0),
  ]);
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  process.stdout.write(`${[line(header), line(header.map(() => '---')), ...body.map(line)].join('\n')}\n`);
}

async function ensureDatabase(): Promise<void> {
  if (process.env.BENCH_DATABASE_URL) return;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB]);
    if (!rowCount) await admin.query(`create database ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
