import 'reflect-metadata';
import { Client } from 'pg';
import { createPool } from '@casework/core/database/pool';
import { runMigrations } from '@casework/core/database/migrations';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { REFERRAL_REPORTS } from '@casework/reporting/reports/referral-reports';
import { DEFAULT_EXPOSURE_POLICY } from '@casework/trauma/domain/exposure/exposure-policy';
import type { BenchRow } from './row';

export type { BenchRow };

const DB = 'casework_bench_reports';
const FORCE = 'bench-force';
const RUNS = 20;

/**
 * Report latency on a synthetic force history of 1,000,000 referral cases (× scale): the
 * p95 of each referral report over a year by quarter, beside the p95 of the simplest
 * query over the same rows (a grouped count), in a database of its own.
 */
export async function runReportsBench(opts: { databaseUrl: string; scale: number }): Promise<BenchRow[]> {
  const cases = Math.round(1_000_000 * opts.scale);
  const url = new URL(opts.databaseUrl);
  const admin = new Client({ connectionString: `${url.protocol}//${url.username}@${url.host}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${DB}`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  url.pathname = `/${DB}`;
  const pool = createPool(url.toString(), { max: 2 });
  try {
    await runMigrations(pool, ALL_MIGRATIONS);
    await generate(pool, cases);
    await pool.query('analyze report_referrals_v1');
    const rows: BenchRow[] = [];
    const params = { forceId: FORCE, from: '2025-01-01', to: '2025-12-31', period: 'quarter' as const, groupBy: [], now: new Date('2026-01-15T12:00:00Z') };
    const baseline = await p95(() =>
      pool.query("select employment_type, count(*) from report_referrals where force_id = $1 and submitted_at >= '2025-01-01' and submitted_at < '2026-01-01' group by 1", [FORCE]),
    );
    for (const report of REFERRAL_REPORTS) {
      const context = { pool, exposurePolicy: () => DEFAULT_EXPOSURE_POLICY };
      const timing = await p95(() => report.run(context, { ...params, groupBy: report.groupBy?.default ?? [] }));
      rows.push({
        workload: `report ${report.name}: ${cases.toLocaleString('en-GB')} cases, ${RUNS} runs, p95 ${timing.p95.toFixed(0)} ms (ops/s = 1 / p95)`,
        concurrency: 1,
        ops: RUNS,
        perSecond: 1000 / timing.p95,
        p50Ms: timing.p50,
        p99Ms: timing.p99,
        maxMs: timing.max,
        baseline: 'grouped count over the same rows (p95)',
        baselinePerSecond: 1000 / baseline.p95,
        ratio: baseline.p95 / timing.p95,
        peakRssMb: process.memoryUsage().rss / 2 ** 20,
      });
    }
    return rows;
  } finally {
    await pool.end();
    const cleanup = new Client({ connectionString: opts.databaseUrl.replace(/\/[^/]+$/, '/postgres') });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${DB}`).catch(() => undefined);
    await cleanup.end();
  }
}

/** A year and a half of referrals, spread over the force's departments and categories. */
async function generate(pool: ReturnType<typeof createPool>, cases: number): Promise<void> {
  await pool.query(
    `insert into report_referrals_v1 (referral_id, force_id, submitted_at, employment_type, department, source, category,
       urgency, status, is_open, triaged_at, first_appointment_offered_at, outcome_recorded_at, closed_at, close_reason,
       deadlines_due, deadlines_met_on_time, deadlines_late, late_deadline_ids, updated_at, revision)
     select gen_random_uuid(), $1,
            timestamptz '2024-07-01' + (i % 547) * interval '1 day' + (i % 86400) * interval '1 second',
            (array['police_officer','police_staff','pcso','special_constable','volunteer'])[1 + i % 5],
            'Dept ' || (i % 40), (array['management','self','trim','welfare_liaison','hr'])[1 + i % 5],
            (array['mental_health','physical_health'])[1 + i % 2], (array['routine','urgent'])[1 + (i % 7 = 0)::int],
            case when i % 4 = 0 then 'awaiting_triage' else 'closed' end, i % 4 = 0,
            case when i % 4 = 0 then null else timestamptz '2024-07-01' + (i % 547) * interval '1 day' + interval '2 days' end,
            case when i % 4 = 0 then null else timestamptz '2024-07-01' + (i % 547) * interval '1 day' + interval '9 days' end,
            null, case when i % 4 = 0 then null else timestamptz '2024-07-01' + (i % 547) * interval '1 day' + interval '30 days' end,
            case when i % 4 = 0 then null else 'completed' end,
            3, 2 + (i % 3 = 0)::int - 1, 1 - (i % 3 = 0)::int + 0, '[]'::jsonb, now(), 5
     from generate_series(1, $2) as i`,
    [FORCE, cases],
  );
}

async function p95(work: () => Promise<unknown>): Promise<{ p50: number; p95: number; p99: number; max: number }> {
  await work(); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1] as number };
}

if (require.main === module) {
  runReportsBench({ databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_bench', scale: Number(process.env.BENCH_SCALE ?? '1') })
    .then((rows) => process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
