import 'reflect-metadata';
import type { BenchRow } from './row';
import { randomUUID } from 'node:crypto';
import { Client, Pool, types, type PoolConfig } from 'pg';
import type { PostgresEventStore as PeerEventStore } from '@event-driven-io/emmett-postgresql';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { START, type NewEvent, type Position } from '@casework/core/event-store/types';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';

/**
 * Casework's PostgreSQL event store beside a peer, Emmett's PostgreSQL event store
 * (`@event-driven-io/emmett-postgresql`), on the same PostgreSQL in the same run:
 * appends of one event to a new stream at concurrency 10 and 50, and reading every
 * event from the start in 1,000-event pages. The peer is the baseline: ratio =
 * Casework ops/s ÷ peer ops/s.
 *
 * Both stores live in their own tables of one database, `casework_bench_peer` on the
 * server of `databaseUrl` (Emmett's `emt_*` schema, created by Emmett itself; Casework's
 * `es_*` by its migrations), emptied first, so each read covers exactly the events its
 * own appends wrote. Each side gets a fresh pool of `concurrency + 2` connections for
 * each workload (Emmett's default pool has 10, which would cap it at concurrency 10) and
 * a warm-up that is not measured.
 *
 * Emmett's read-all (`readMessagesBatch`, what its consumers page with) has no index for
 * its order, (transaction_id, global_position): each page is a scan and top-N sort of the
 * whole messages partition, so its cost per page grows with the store; measured at this
 * bench's size (17,000 events at scale 1) the gap is the smallest it will be.
 *
 * Emmett's driver, dumbo, installs process-wide pg type parsers (int8 as BigInt, json
 * with a BigInt-aware reviver). They are kept to the peer's own pool and the process's
 * parsers are put back, so Casework's side and anything run after it parse as usual.
 */

export type { BenchRow };

const PEER_DB = 'casework_bench_peer';
const PEER = 'Emmett PostgreSQL event store 0.42';
const READ_PASSES = 3;
const WARM_UP_OPS = 500;
/** The type parsers dumbo replaces process-wide: int8, json, jsonb. */
const PARSED_OIDS = [20, 114, 3802] as const;

type TypeParser = (value: string) => unknown;
type Emmett = typeof import('@event-driven-io/emmett-postgresql');
interface PeerEvent {
  readonly type: 'BenchHappened';
  readonly data: typeof DATA;
  readonly metadata: ReturnType<typeof metadata> & { readonly messageId: string };
}
type PeerExecutor = Parameters<Emmett['readMessagesBatch']>[0];

export async function runPeerBench(opts: { databaseUrl: string; scale: number }): Promise<BenchRow[]> {
  let emmett: Emmett;
  try {
    emmett = await import('@event-driven-io/emmett-postgresql');
  } catch (error) {
    return peerUnavailableRows(`@event-driven-io/emmett-postgresql cannot be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const url = withDatabase(opts.databaseUrl, PEER_DB);
  await ensureDatabase(opts.databaseUrl, PEER_DB);
  const peer = new PeerSide(emmett, url);
  const rows: BenchRow[] = [];
  try {
    await peer.prepare();
    await withCaseworkPool(url, 2, async (_store, pool) => {
      await runMigrations(pool, ALL_MIGRATIONS);
      await pool.query('truncate es_events, es_streams restart identity');
    });

    for (const concurrency of [10, 50]) {
      const ops = Math.round(8_000 * opts.scale);
      const base = await peer.withPool(concurrency + 2, async (store) => {
        const append = async (): Promise<void> => {
          await store.appendToStream(`bench-${randomUUID()}`, [peerEvent()], { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' });
        };
        await measure(WARM_UP_OPS, concurrency, append);
        return measure(ops, concurrency, append);
      });
      const subject = await withCaseworkPool(url, concurrency + 2, async (store) => {
        const append = async (): Promise<void> => {
          await store.appendToStream(`bench-${randomUUID()}`, [event()], { expectedRevision: 'no_stream' });
        };
        await measure(WARM_UP_OPS, concurrency, append);
        return measure(ops, concurrency, append);
      });
      rows.push(row('peer: append 1 event, new stream (port)', concurrency, subject, `${PEER}: appendToStream`, base));
    }

    // Reads: every event from the start in 1,000-event pages, each store over its own
    // events (the same count and payloads), in alternating passes. Fresh statistics and
    // hint bits first, as autovacuum would leave a store in use.
    await withCaseworkPool(url, 2, async (_store, pool) => {
      await pool.query('vacuum analyze emt_messages, emt_streams, es_events, es_streams');
      await untilVisible(pool, 'emt_messages');
      await untilVisible(pool, 'es_events');
    });
    let peerTotal = { seconds: 0, peakRssMb: 0, ops: 0 };
    let portTotal = { seconds: 0, peakRssMb: 0, ops: 0 };
    for (let pass = 0; pass < READ_PASSES; pass += 1) {
      const base = await peer.withPool(2, async (_store, _pool, executor) => {
        let count = 0;
        const m = await timed(async () => {
          count = await readAllPeer(emmett, executor);
        });
        return { ...m, ops: count };
      });
      const subject = await withCaseworkPool(url, 2, async (store) => {
        let count = 0;
        const m = await timed(async () => {
          count = await readAllPort(store);
        });
        return { ...m, ops: count };
      });
      peerTotal = add(peerTotal, base);
      portTotal = add(portTotal, subject);
    }
    // Emmett pages by "global_position > last one read" but orders each page by
    // (transaction_id, global_position); where concurrent appends committed out of
    // position order, events at a page edge are skipped. Say so rather than hide it.
    const stored = await withCaseworkPool(url, 1, async (_store, pool) => {
      const { rows: counts } = await pool.query<{ n: string }>('select count(*)::text as n from emt_messages');
      return Number(counts[0]?.n);
    });
    const peerPerPass = peerTotal.ops / READ_PASSES;
    const skipped = peerPerPass < stored ? `; read ${peerPerPass} of its ${stored} events, skipping some at page edges` : '';
    rows.push(
      row(
        `peer: read all, 1,000-event pages (port, ${READ_PASSES} passes of ${portTotal.ops / READ_PASSES})`,
        1,
        portTotal,
        `${PEER}: readMessagesBatch${skipped}`,
        peerTotal,
      ),
    );
    return rows;
  } finally {
    peer.restoreParsers();
  }
}

/** Rows that say the peer could not be measured, rather than numbers that were not. */
export function peerUnavailableRows(reason: string): BenchRow[] {
  return [10, 50, 1].map((concurrency) => ({
    workload: concurrency === 1 ? 'peer: read all, 1,000-event pages (port)' : 'peer: append 1 event, new stream (port)',
    concurrency,
    ops: 0,
    perSecond: Number.NaN,
    baseline: `${PEER}: unavailable (${reason})`,
    baselinePerSecond: Number.NaN,
    ratio: Number.NaN,
    peakRssMb: process.memoryUsage().rss / 2 ** 20,
  }));
}

/**
 * Emmett's side: its own pg pool per workload, with dumbo's type parsers for that pool
 * only. dumbo sets them process-wide when the first store is created; they are captured
 * there and the previous ones put back.
 */
class PeerSide {
  private readonly saved = new Map<number, TypeParser>(PARSED_OIDS.map((oid) => [oid, types.getTypeParser(oid, 'text')]));
  private readonly peerParsers = new Map<number, TypeParser>();

  constructor(
    private readonly emmett: Emmett,
    private readonly url: string,
  ) {}

  /** Creates Emmett's schema (its own migrations) and empties it. */
  async prepare(): Promise<void> {
    await this.withPool(2, async (store) => {
      await store.schema.migrate();
      await store.schema.dangerous.truncate({ resetSequences: true });
    });
  }

  async withPool<T>(max: number, work: (store: PeerEventStore, pool: Pool, executor: PeerExecutor) => Promise<T>): Promise<T> {
    const pool = new Pool({
      connectionString: this.url,
      max,
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') => this.peerParsers.get(oid) ?? types.getTypeParser(oid, format),
      } as PoolConfig['types'],
    });
    pool.on('error', () => undefined);
    try {
      const store = this.emmett.getPostgreSQLEventStore(this.url, { connectionOptions: { pool } });
      this.captureParsers();
      return await work(store, pool, executorOver(pool));
    } finally {
      await pool.end();
    }
  }

  restoreParsers(): void {
    for (const [oid, parser] of this.saved) types.setTypeParser(oid, parser);
  }

  private captureParsers(): void {
    if (this.peerParsers.size > 0) return;
    for (const oid of PARSED_OIDS) {
      const current = types.getTypeParser(oid, 'text') as TypeParser;
      if (current !== this.saved.get(oid)) this.peerParsers.set(oid, current);
    }
    this.restoreParsers();
  }
}

/** dumbo's SQL executor (`query` = one client.query on a pooled connection) over a pg pool. */
function executorOver(pool: Pool): PeerExecutor {
  const run = async (sql: unknown) => {
    const result = await pool.query(sql as string);
    return { rowCount: result.rowCount, rows: result.rows };
  };
  return { type: 'PostgreSQL:pg', query: run, batchQuery: run, command: run, batchCommand: run } as unknown as PeerExecutor;
}

async function readAllPeer(emmett: Emmett, executor: PeerExecutor): Promise<number> {
  let after = 0n;
  let count = 0;
  for (;;) {
    const page = await emmett.readMessagesBatch(executor, { after, batchSize: 1_000 });
    if (page.messages.length === 0) return count;
    count += page.messages.length;
    after = page.currentGlobalPosition;
  }
}

async function readAllPort(store: PostgresEventStore): Promise<number> {
  let from: Position | typeof START = START;
  let first = true;
  let count = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1_000 });
    const rest = first ? page : page.slice(1); // readAll is inclusive of its start
    first = false;
    if (rest.length === 0) return count;
    count += rest.length;
    from = (page[page.length - 1] as { position: Position }).position;
  }
}

async function withCaseworkPool<T>(url: string, max: number, work: (store: PostgresEventStore, pool: Pool) => Promise<T>): Promise<T> {
  const pool = createPool(url, { max });
  try {
    return await work(new PostgresEventStore(pool), pool);
  } finally {
    await pool.end();
  }
}

const DATA = { subjectId: 'PC-1', department: 'Response', reason: 'benchmark payload of typical size for a referral' };

function metadata(id: string) {
  return {
    correlationId: id,
    causationId: id,
    actor: { userId: 'bench', role: 'bench' },
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    forceId: 'bench',
  };
}

/** The event bench/run.ts appends. */
function event(): NewEvent {
  const id = randomUUID();
  return { id, type: 'BenchHappened', data: DATA, metadata: metadata(id) };
}

/** The same event for Emmett: its id is the metadata's messageId (stored in its own column). */
function peerEvent(): PeerEvent {
  const id = randomUUID();
  return { type: 'BenchHappened', data: DATA, metadata: { ...metadata(id), messageId: id } };
}

interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number;
}

type Counted = Measured & { readonly ops: number };

function add(a: Counted, b: Counted): Counted {
  return { seconds: a.seconds + b.seconds, peakRssMb: Math.max(a.peakRssMb, b.peakRssMb), ops: a.ops + b.ops };
}

/** Runs `ops` operations with `concurrency` in flight, sampling peak RSS. */
async function measure(ops: number, concurrency: number, op: () => Promise<void>): Promise<Counted> {
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

function row(workload: string, concurrency: number, subject: Counted, baseline: string, base: Counted): BenchRow {
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

/**
 * Both stores' readers only see events whose transaction is older than every transaction
 * still running on the server (any database): waits until no open transaction elsewhere
 * hides the appended events.
 */
async function untilVisible(pool: Pool, table: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await pool.query<{ visible: boolean }>(
      `select coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) as visible from ${table}`,
    );
    if (rows[0]?.visible) return;
    if (Date.now() > deadline) throw new Error(`A transaction left open on the server hides the events in ${table} from readers`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function ensureDatabase(databaseUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
}

function print(rows: readonly BenchRow[]): void {
  const header = ['workload', 'conc.', 'ops', 'ops/s', 'baseline', 'baseline ops/s', 'ratio', 'peak RSS MB'];
  const body = rows.map((r) => [
    r.workload,
    String(r.concurrency),
    String(r.ops),
    r.perSecond.toFixed(0),
    r.baseline,
    r.baselinePerSecond.toFixed(0),
    `${r.ratio.toFixed(2)}×`,
    r.peakRssMb.toFixed(0),
  ]);
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  process.stdout.write(`${[line(header), line(header.map(() => '---')), ...body.map(line)].join('\n')}\n`);
}

if (require.main === module) {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_bench';
  runPeerBench({ databaseUrl, scale: Number(process.env.BENCH_SCALE ?? '1') })
    .then(print)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
