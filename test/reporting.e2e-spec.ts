import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { BI_ROLE } from '@casework/reporting/bi/bi-schema';
import { renderQuarterlyPack } from '@casework/reporting/pack/quarterly-pack';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * The one report API over HTTP: a year of referrals imported as CSV with their real
 * dates, then GET /reports/referrals-by-employment-type by quarter as JSON and as CSV,
 * small numbers suppressed for HR and not for the OH manager, freshness reported, and
 * the older /reports/trauma/* and /reports/retention/* routes still answering.
 */
const FORCE = 'force-reporting';
const ohManager = as('ohm-rep', 'oh_manager', FORCE);
const hr = as('hr-rep', 'hr', FORCE);

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-reporting-${process.pid}` });
  http = e2e.app.getHttpServer() as App;
});

afterAll(async () => {
  await e2e?.close();
});

/** 2025 by quarter and employment type: how many referrals to import. */
const PLAN: Record<string, Record<string, number>> = {
  Q1: { police_officer: 12, police_staff: 6, pcso: 3 },
  Q2: { police_officer: 8, police_staff: 8 },
  Q3: { police_officer: 10, police_staff: 5, special_constable: 2 },
  Q4: { police_officer: 20 },
};
const QUARTER_START: Record<string, [number, number]> = { Q1: [2025, 1], Q2: [2025, 4], Q3: [2025, 7], Q4: [2025, 10] };
const TOTAL = Object.values(PLAN).reduce((sum, q) => sum + Object.values(q).reduce((a, b) => a + b, 0), 0);

/** The import file: each referral triaged the next day and closed a week later (so no timers fire). */
function referralsCsv(): string {
  const header =
    'referral_ref,submitted_at,subject_id,subject_name,employment_type,department,source,category,urgency,reason,' +
    'triaged_at,priority,advisor_id,closed_at,close_reason,close_note';
  const lines = [header];
  let n = 0;
  for (const [quarter, byType] of Object.entries(PLAN)) {
    const [year, month] = QUARTER_START[quarter] as [number, number];
    for (const [employmentType, count] of Object.entries(byType)) {
      for (let i = 0; i < count; i++) {
        n += 1;
        // Spread over the quarter's three months, days 1–20; the first of each quarter on its first day.
        const m = month + (i % 3);
        const day = 1 + ((i * 7) % 20);
        const date = (d: number): string => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        lines.push(
          [
            `REP-${n}`,
            date(day),
            `P${1000 + n}`,
            `"Colleague ${n}, imported"`,
            employmentType,
            n % 2 === 0 ? 'Response' : 'CID',
            'management',
            n % 3 === 0 ? 'physical_health' : 'mental_health',
            'routine',
            'Generated for the reporting test',
            date(day + 1),
            'medium',
            'u-advisor',
            date(day + 8),
            'no_further_action',
            'No further action needed',
          ].join(','),
        );
      }
    }
  }
  return lines.join('\n') + '\n';
}

interface ReportBody {
  report: string;
  title: string;
  filters: Record<string, unknown>;
  freshness: { projection: string; checkpointAt: string | null; lagSeconds: number };
  suppression: { threshold: number; applied: boolean; notes: string[]; cells: unknown[] };
  columns: { name: string; kind: string }[];
  rows: Record<string, string | number | null>[];
}

const URL = '/reports/referrals-by-employment-type?period=quarter&from=2025-01-01&to=2025-12-31';
const table = (rows: ReportBody['rows']): unknown[][] => rows.map((r) => Object.values(r));

describe('the report API, end to end over HTTP', () => {
  it('a year of imported referrals, by quarter × employment type, with % of the quarter', async () => {
    await request(http).post('/referrals/import').set(ohManager).set('Content-Type', 'text/csv').send(referralsCsv()).expect(200);

    const body = await waitForValue(
      async () => {
        const res = await request(http).get(URL).set(ohManager).expect(200);
        const report = res.body as ReportBody;
        const total = report.rows.reduce((sum, r) => sum + Number(r.referrals), 0);
        return total === TOTAL ? report : undefined;
      },
      { timeoutMs: 15_000, message: `${TOTAL} imported referrals in the report` },
    );
    expect(body.report).toBe('referrals-by-employment-type');
    expect(body.columns).toEqual([
      { name: 'period', kind: 'dimension' },
      { name: 'employmentType', kind: 'dimension' },
      { name: 'referrals', kind: 'count' },
      { name: 'percentOfPeriod', kind: 'percent', basis: ['referrals'] },
    ]);
    expect(table(body.rows)).toEqual([
      ['2025-Q1', 'pcso', 3, 14.3],
      ['2025-Q1', 'police_officer', 12, 57.1],
      ['2025-Q1', 'police_staff', 6, 28.6],
      ['2025-Q2', 'police_officer', 8, 50],
      ['2025-Q2', 'police_staff', 8, 50],
      ['2025-Q3', 'police_officer', 10, 58.8],
      ['2025-Q3', 'police_staff', 5, 29.4],
      ['2025-Q3', 'special_constable', 2, 11.8],
      ['2025-Q4', 'police_officer', 20, 100],
    ]);
    expect(body.filters).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      period: 'quarter',
      groupBy: [],
      department: null,
      employmentType: null,
    });
    expect(body.suppression).toMatchObject({ threshold: 5, applied: false, cells: [] });
    expect(body.freshness.projection).toBe('report_referrals_v1');
    expect(Number.isNaN(Date.parse(body.freshness.checkpointAt ?? ''))).toBe(false);
    expect(body.freshness.lagSeconds).toBeGreaterThanOrEqual(0);
  });

  it('the same numbers through the BI view (as the read-only role) and in the quarterly People board pack', async () => {
    // The BI role reads only the bi views: the same quarter × employment-type counts.
    const client = await e2e.pool.connect();
    let bi: { quarter: string; employment_type: string; n: number }[];
    try {
      await client.query('begin');
      await client.query(`set local role ${BI_ROLE}`);
      bi = (
        await client.query<{ quarter: string; employment_type: string; n: number }>(
          `select submitted_quarter as quarter, employment_type, count(*)::int as n from bi.referrals
           where force_id = $1 group by 1, 2 order by 1, 2`,
          [FORCE],
        )
      ).rows;
      await expect(client.query('select 1 from public.es_events limit 1')).rejects.toThrow(/permission denied/);
    } finally {
      await client.query('rollback').catch(() => undefined);
      client.release();
    }
    expect(bi.map((r) => [r.quarter, r.employment_type, r.n])).toEqual([
      ['2025-Q1', 'pcso', 3],
      ['2025-Q1', 'police_officer', 12],
      ['2025-Q1', 'police_staff', 6],
      ['2025-Q2', 'police_officer', 8],
      ['2025-Q2', 'police_staff', 8],
      ['2025-Q3', 'police_officer', 10],
      ['2025-Q3', 'police_staff', 5],
      ['2025-Q3', 'special_constable', 2],
      ['2025-Q4', 'police_officer', 20],
    ]);

    // The board pack for 2025-Q3: the counts, with the small one suppressed for the board.
    const html = await renderQuarterlyPack(e2e.pool, { forceId: FORCE, quarter: '2025-Q3', generatedAt: new Date() });
    const section = html.slice(0, html.indexOf('by category'));
    expect(section).toMatch(/Police officer<\/t[hd]>\s*<td[^>]*>10<\/td>\s*<td[^>]*>58\.8%?/);
    // Special constables (2) are below 5; police staff (5) are withheld too, or the total would reveal them.
    expect(section).toMatch(/Special constable<\/t[hd]>\s*<td[^>]*>&lt;5<\/td>/);
    expect(section).toMatch(/Police staff<\/t[hd]>\s*<td[^>]*>\[c\]<\/td>/);
    expect(section).toMatch(/All<\/t[hd]>\s*<td[^>]*>17<\/td>/);
    expect(html).not.toMatch(/<script|(src|href)="https?:/);
  });

  it('HR sees counts below 5 suppressed, and a second count in the same quarter so the first cannot be derived', async () => {
    const res = await request(http).get(URL).set(hr).expect(200);
    const body = res.body as ReportBody;
    expect(table(body.rows)).toEqual([
      ['2025-Q1', 'pcso', null, null],
      ['2025-Q1', 'police_officer', 12, 57.1],
      ['2025-Q1', 'police_staff', null, null],
      ['2025-Q2', 'police_officer', 8, 50],
      ['2025-Q2', 'police_staff', 8, 50],
      ['2025-Q3', 'police_officer', 10, 58.8],
      ['2025-Q3', 'police_staff', null, null],
      ['2025-Q3', 'special_constable', null, null],
      ['2025-Q4', 'police_officer', 20, 100],
    ]);
    expect(body.suppression.applied).toBe(true);
    expect(body.suppression.notes.join(' ')).toMatch(/secondary suppression/);
    expect(res.headers['x-report-suppressed']).toBe('true');
  });

  it('CSV (by Accept or format=csv) parses back to the same rows, suppressed cells empty', async () => {
    for (const role of [ohManager, hr]) {
      const json = (await request(http).get(URL).set(role).expect(200)).body as ReportBody;
      const byAccept = await request(http).get(URL).set(role).set('Accept', 'text/csv').expect(200);
      const byFormat = await request(http).get(`${URL}&format=csv`).set(role).expect(200);
      for (const res of [byAccept, byFormat]) {
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.headers['content-disposition']).toBe(
          'attachment; filename="referrals-by-employment-type-2025-01-01-2025-12-31.csv"',
        );
        const parsed = parse(res.text, { columns: true }) as Record<string, string>[];
        expect(parsed).toEqual(
          json.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))),
        );
        expect(res.text.split('\r\n')[0]).toBe('period,employmentType,referrals,percentOfPeriod');
      }
    }
  });

  it('financial years, filters and the other referral reports answer through the same API', async () => {
    const fy = (await request(http).get('/reports/referrals-by-employment-type?period=financial_year&from=2025-01-01&to=2025-12-31').set(ohManager).expect(200))
      .body as ReportBody;
    expect(table(fy.rows)).toEqual([
      ['FY2024/25', 'pcso', 3, 14.3],
      ['FY2024/25', 'police_officer', 12, 57.1],
      ['FY2024/25', 'police_staff', 6, 28.6],
      ['FY2025/26', 'police_officer', 38, 71.7],
      ['FY2025/26', 'police_staff', 13, 24.5],
      ['FY2025/26', 'special_constable', 2, 3.8],
    ]);
    for (const name of ['referrals-by-category', 'referral-backlog', 'referral-deadlines', 'referral-times', 'estip-funnel', 'leavers', 'wlo-compliance']) {
      const res = await request(http).get(`/reports/${name}`).set(hr).expect(200);
      expect(res.body).toMatchObject({ report: name, suppression: { applied: true } });
      expect(Array.isArray(res.body.rows)).toBe(true);
    }
  });

  it('the catalogue, unknown reports and bad parameters', async () => {
    const catalogue = await request(http).get('/reports').set(hr).expect(200);
    const names = (catalogue.body.reports as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['referrals-by-employment-type', 'referral-backlog', 'leavers', 'repeat-exposure']));

    const missing = await request(http).get('/reports/no-such-report').set(hr).expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ code: 'REPORT.NOT_FOUND', field: 'name' });

    const bad = await request(http).get('/reports/referrals-by-employment-type?groupBy=shoeSize').set(hr).expect(400);
    expect(bad.body).toMatchObject({ code: 'REPORT.INVALID_PARAMETER', field: 'groupBy' });
    await request(http).get('/reports/referral-times?from=2025-02-30').set(hr).expect(400);
    await request(http).get('/reports/referral-times').set(as('lm-1', 'line_manager', FORCE)).expect(403);
    await request(http).get('/reports/referral-times').expect(401);
  });

  it('does not shadow the trauma and retention report routes', async () => {
    // The older routes answer staff who work the cases; HR is sent to the suppressed API.
    await request(http).get('/reports/trauma/estip-funnel').set(as('tc-1', 'trim_coordinator', FORCE)).expect(200);
    await request(http).get('/reports/retention/wlo-compliance').set(as('rt-1', 'retention_team', FORCE)).expect(200);
    await request(http).get('/reports/trauma/estip-funnel').set(hr).expect(403);
    await request(http).get('/reports/retention/wlo-compliance').set(hr).expect(403);
    await request(http).get('/reports/trauma').set(hr).expect(404);
  });
});
