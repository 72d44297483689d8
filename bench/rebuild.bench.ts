import 'reflect-metadata';
import type { BenchRow } from './row';
import { Client, type Pool } from 'pg';
import { runMigrations } from '@casework/core/database/migrations';
import { createPool } from '@casework/core/database/pool';
import { PostgresEventStore } from '@casework/core/event-store/postgres/postgres-event-store';
import { readAllAfter } from '@casework/core/event-store/polling-subscription';
import type { Position, RecordedEvent } from '@casework/core/event-store/types';
import type { Projection } from '@casework/core/projections/projection';
import { rebuildProjection } from '@casework/core/projections/projection-runner';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { REFERRAL_STREAM_CATEGORY } from '@casework/referral/domain/events';
import { referralQueueProjection } from '@casework/referral/read-models/referral-queue.projection';
import { REPORT_REFERRALS_PROJECTION, reportReferralsProjection } from '@casework/reporting/read-models/report-referrals.projection';

/**
 * Projection rebuild at scale: a referral history of 1,000,000 × scale events (override
 * with BENCH_REBUILD_EVENTS) is written with bulk SQL straight into es_events/es_streams,
 * then `rebuildProjection` replays it into the referral queue and into report_referrals
 * (its versioned table, report_referrals_v1), each in events/s beside a raw sequential
 * read of the same events in 1,000-row keyset pages, with peak RSS. A first row reads the
 * same events through the port alone (as the rebuild pages them, applying nothing), to
 * tell the read's share of a rebuild from the projection's.
 *
 * Each referral stream is ten events, the life of a referral: submitted, triage deadline
 * scheduled, triaged, triage deadline met (one in seven late), first-appointment deadline
 * scheduled, consent, appointment offered, that deadline met or (one in five) overdue,
 * attended and outcome recorded (or, one in six, missed and closed as did-not-attend). Streams advance
 * together in windows of 1,000 referrals, so a 1,000-event page touches 1,000 rows, as a
 * busy store interleaves many open referrals. Every insert of 20,000 events is its own
 * transaction, hence its own `transaction_id`.
 *
 * Runs in its own database, `casework_bench_rebuild` on the server of `databaseUrl`,
 * dropped and created anew at the start and dropped at the end.
 */

export type { BenchRow };

const REBUILD_DB = 'casework_bench_rebuild';
const EVENTS_PER_STREAM = 10;
const STREAMS_PER_INSERT = 2_000;
const WINDOW = 1_000;

export async function runRebuildBench(opts: { databaseUrl: string; scale: number }): Promise<BenchRow[]> {
  const requested = Number(process.env.BENCH_REBUILD_EVENTS ?? Math.round(1_000_000 * opts.scale));
  if (!Number.isFinite(requested) || requested < EVENTS_PER_STREAM) throw new RangeError(`Not an event count: ${requested}`);
  const streams = Math.floor(requested / EVENTS_PER_STREAM);
  const url = withDatabase(opts.databaseUrl, REBUILD_DB);
  await recreateDatabase(opts.databaseUrl, REBUILD_DB);
  try {
    const pool = createPool(url, { max: 4 });
    try {
      await runMigrations(pool, ALL_MIGRATIONS);
      const load = await timed(() => generateHistory(pool, streams));
      const events = await count(pool, "select count(*)::text as n from es_events where category = 'referral'");
      log(`generated ${events} referral events in ${streams} streams in ${load.seconds.toFixed(1)} s`);
      // As autovacuum would leave a store in use: statistics, hint bits, visibility map.
      await pool.query('vacuum analyze es_events, es_streams');
      await untilVisible(pool, 'es_events');

      const store = new PostgresEventStore(pool);
      const rows: BenchRow[] = [];
      // Where a rebuild's time goes: the port's read of the same events alone, as
      // rebuildProjection pages them, without applying them anywhere.
      const rawFirst = await timed(() => rawRead(pool));
      const portRead = await timed(() => readThroughPort(store));
      if (portRead.result !== events) throw new Error(`The port read ${portRead.result} of ${events} events`);
      rows.push({
        workload: 'rebuild read only: port readAll, referral category, 1,000-event pages',
        concurrency: 1,
        ops: events,
        perSecond: events / portRead.seconds,
        baseline: 'raw keyset SELECT of the same events, 1,000-row pages',
        baselinePerSecond: events / rawFirst.seconds,
        ratio: rawFirst.seconds / portRead.seconds,
        peakRssMb: Math.max(portRead.peakRssMb, rawFirst.peakRssMb),
      });
      for (const [label, projection, table] of [
        ['referral_queue', referralQueueProjection, 'referral_queue'],
        [REPORT_REFERRALS_PROJECTION, reportReferralsProjection, REPORT_REFERRALS_PROJECTION],
      ] as const) {
        const raw = await timed(() => rawRead(pool));
        if (raw.result !== events) throw new Error(`The raw read saw ${raw.result} of ${events} events`);
        const rebuild = await timed(() => replay(pool, store, projection));
        if (rebuild.result !== events) throw new Error(`The rebuild of ${label} replayed ${rebuild.result} of ${events} events`);
        const built = await count(pool, `select count(*)::text as n from ${table}`);
        if (built !== streams) throw new Error(`${table} has ${built} rows for ${streams} referrals`);
        log(`${label}: raw read ${raw.seconds.toFixed(1)} s, rebuild ${rebuild.seconds.toFixed(1)} s`);
        rows.push({
          workload: `projection rebuild at scale: ${label} (${streams} referrals)`,
          concurrency: 1,
          ops: events,
          perSecond: events / rebuild.seconds,
          baseline: 'raw keyset SELECT of the same events, 1,000-row pages',
          baselinePerSecond: events / raw.seconds,
          ratio: raw.seconds / rebuild.seconds,
          peakRssMb: Math.max(rebuild.peakRssMb, raw.peakRssMb),
        });
      }
      return rows;
    } finally {
      await pool.end();
    }
  } finally {
    await dropDatabase(opts.databaseUrl, REBUILD_DB);
  }
}

function replay(pool: Pool, store: PostgresEventStore, projection: Projection): Promise<number> {
  return rebuildProjection(pool, store, projection, { batchSize: 1_000 }).then((p) => p.processed);
}

/** The referral events through the port, as rebuildProjection reads them. */
async function readThroughPort(store: PostgresEventStore): Promise<number> {
  let after: Position | 'start' = 'start';
  let seen = 0;
  for (;;) {
    const batch = await readAllAfter(store, after, 1_000, { streamCategories: [REFERRAL_STREAM_CATEGORY] });
    if (batch.length === 0) return seen;
    seen += batch.length;
    after = (batch[batch.length - 1] as RecordedEvent).position;
  }
}

/** Every referral event in position order, 1,000 rows at a time, with the columns the port reads. */
async function rawRead(pool: Pool): Promise<number> {
  let after = '0';
  let seen = 0;
  for (;;) {
    const { rows } = await pool.query<{ position: string }>(
      `select position, transaction_id::text, id, stream_id, revision, type, data, metadata, recorded_at
       from es_events where category = 'referral' and position > $1 order by position limit 1000`,
      [after],
    );
    if (rows.length === 0) return seen;
    seen += rows.length;
    after = (rows[rows.length - 1] as { position: string }).position;
  }
}

/**
 * Streams [from, to) as ten events each: the referral's id, times and choices are
 * derived from its number, so the history is the same on every run.
 */
const INSERT_EVENTS = `
  with s as (
    select n,
           md5('bench-referral-' || n)::uuid as rid,
           timestamptz '2023-01-02 09:00:00+00' + n * interval '97 seconds' as t0,
           'advisor-' || (n % 40) as advisor,
           md5('bench-appointment-' || n)::uuid as appointment
    from generate_series($1::int, $2::int - 1) as n
  ),
  e as (
    select s.*, r.rev,
           s.t0 + r.rev * interval '26 hours' + (s.n % 17) * interval '1 minute' as at,
           case r.rev
             when 0 then 'ReferralSubmitted'
             when 1 then 'DeadlineScheduled'
             when 2 then 'ReferralTriaged'
             when 3 then 'DeadlineMet'
             when 4 then 'DeadlineScheduled'
             when 5 then 'ReferralConsentRecorded'
             when 6 then 'ReferralAppointmentOffered'
             when 7 then case when s.n % 5 = 0 then 'DeadlineOverdue' else 'DeadlineMet' end
             when 8 then case when s.n % 6 = 0 then 'ReferralAppointmentMissed' else 'ReferralAppointmentAttended' end
             else case when s.n % 6 = 0 then 'ReferralClosed' else 'ReferralOutcomeRecorded' end
           end as type,
           md5('bench-deadline-' || s.n || '-' || case when r.rev < 4 then 'triage' else 'appointment' end)::uuid as deadline,
           case when r.rev < 4 then 'triage' else 'first-appointment' end as kind
    from s cross join generate_series(0, 9) as r(rev)
  ),
  d as (
    select e.*, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as iso,
           to_char((e.t0 + case when e.rev < 4 then interval '5 days' else interval '12 days' end) at time zone 'UTC',
                   'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due
    from e
  )
  insert into es_events (id, stream_id, category, revision, type, data, metadata, recorded_at)
  select md5('bench-event-' || d.n || '-' || d.rev)::uuid, 'referral-' || d.rid, 'referral', d.rev, d.type,
    case d.type
      when 'ReferralSubmitted' then jsonb_build_object(
        'referralId', d.rid, 'subjectId', 'PC-' || lpad((d.n % 90000)::text, 5, '0'), 'subjectName', 'Subject ' || d.n,
        'employmentType', (array['police_officer','police_staff','pcso','special_constable','volunteer'])[1 + d.n % 5],
        'department', (array['Response','CID','Custody','Roads Policing','Control Room','Neighbourhood'])[1 + d.n % 6],
        'role', case when d.n % 3 = 0 then null else 'Constable' end,
        'source', (array['management','self','trim','welfare_liaison','hr'])[1 + d.n % 5],
        'category', case when d.n % 3 = 0 then 'physical_health' else 'mental_health' end,
        'urgency', case when d.n % 8 = 0 then 'urgent' else 'routine' end,
        'reason', 'Referred after a run of difficult incidents; line manager concerned about sleep and absence',
        'referredBy', 'manager-' || (d.n % 200), 'lineManagerId', 'manager-' || (d.n % 200), 'linkedCaseId', null,
        'submittedAt', d.iso)
      when 'DeadlineScheduled' then jsonb_build_object(
        'deadlineId', d.deadline, 'kind', d.kind, 'dueAt', d.due,
        'ownerId', case when d.rev < 4 then null else d.advisor end,
        'ladder', jsonb_build_array(
          jsonb_build_object('level', 1, 'at', d.due, 'notify', 'owner'),
          jsonb_build_object('level', 2, 'at', d.due, 'notify', 'team_manager'),
          jsonb_build_object('level', 3, 'at', d.due, 'notify', 'head_of_wellbeing')))
      when 'ReferralTriaged' then jsonb_build_object(
        'priority', (array['high','medium','low'])[1 + d.n % 3], 'advisorId', d.advisor, 'triagedAt', d.iso)
      when 'DeadlineMet' then jsonb_build_object(
        'deadlineId', d.deadline, 'kind', d.kind, 'metAt', d.iso, 'late', d.rev = 3 and d.n % 7 = 0)
      when 'DeadlineOverdue' then jsonb_build_object(
        'deadlineId', d.deadline, 'kind', d.kind, 'level', 1, 'notify', 'owner', 'dueAt', d.due)
      when 'ReferralConsentRecorded' then jsonb_build_object('consentGiven', true, 'recordedAt', d.iso)
      when 'ReferralAppointmentOffered' then jsonb_build_object(
        'appointmentId', d.appointment, 'scheduledFor', d.due,
        'mode', (array['in_person','telephone','video'])[1 + d.n % 3], 'clinicianId', 'clinician-' || (d.n % 12),
        'offeredAt', d.iso)
      when 'ReferralAppointmentAttended' then jsonb_build_object('appointmentId', d.appointment, 'attendedAt', d.iso)
      when 'ReferralAppointmentMissed' then jsonb_build_object('appointmentId', d.appointment, 'missedCount', 1, 'recordedAt', d.iso)
      when 'ReferralClosed' then jsonb_build_object('reason', 'did_not_attend', 'note', null, 'closedAt', d.iso)
      else jsonb_build_object(
        'appointmentId', d.appointment, 'fitness', (array['fit','fit_with_adjustments','restricted_duties','unfit'])[1 + d.n % 4],
        'limitedDuties', null, 'recommendations', jsonb_build_array('phased_return'), 'smpQuestions', null,
        'clinicalNotes', 'Seen in clinic; notes held by OH', 'recordedAt', d.iso)
    end,
    jsonb_build_object(
      'correlationId', md5('bench-command-' || d.n || '-' || d.rev)::uuid,
      'causationId', md5('bench-command-' || d.n || '-' || d.rev)::uuid,
      'actor', jsonb_build_object('userId', case when d.rev = 0 then 'manager-' || (d.n % 200) else d.advisor end,
                                  'role', case when d.rev = 0 then 'line_manager' else 'oh_advisor' end),
      'occurredAt', d.iso, 'schemaVersion', 1, 'forceId', 'force-' || (d.n % 3)),
    d.at
  from d
  order by d.n / ${WINDOW}, d.rev, d.n`;

const INSERT_STREAMS = `
  insert into es_streams (stream_id, category, revision)
  select 'referral-' || md5('bench-referral-' || n)::uuid, 'referral', ${EVENTS_PER_STREAM - 1}
  from generate_series($1::int, $2::int - 1) as n`;

export async function generateHistory(pool: Pool, streams: number): Promise<void> {
  for (let from = 0; from < streams; from += STREAMS_PER_INSERT) {
    const to = Math.min(streams, from + STREAMS_PER_INSERT);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(INSERT_STREAMS, [from, to]);
      await client.query(INSERT_EVENTS, [from, to]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * Readers only see events whose transaction is older than every transaction still running
 * on the server (any database): waits until another session's open transaction no longer
 * hides the generated events.
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

async function count(pool: Pool, sql: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(sql);
  return Number(rows[0]?.n);
}

interface Measured<T> {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly result: T;
}

async function timed<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const started = process.hrtime.bigint();
  let result: T;
  try {
    result = await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, result };
}

function log(message: string): void {
  process.stderr.write(`rebuild bench: ${message}\n`);
}

function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function recreateDatabase(databaseUrl: string, database: string): Promise<void> {
  await admin(databaseUrl, async (client) => {
    await client.query(`drop database if exists ${database} with (force)`);
    await client.query(`create database ${database}`);
  });
}

async function dropDatabase(databaseUrl: string, database: string): Promise<void> {
  await admin(databaseUrl, (client) => client.query(`drop database if exists ${database} with (force)`));
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
  runRebuildBench({ databaseUrl, scale: Number(process.env.BENCH_SCALE ?? '1') })
    .then(print)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
