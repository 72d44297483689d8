import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * National analysts see cross-force aggregates only: their reports add up every force (or
 * the one `?force=` names), always with small-number suppression at the configured
 * threshold, while an in-force HR analyst still sees their own force alone.
 *
 * Force A: 5 police officers and 2 police staff referred; force B: 2 and 1. Every referral
 * is about mental health, so the by-category report has one row a quarter.
 */
const A = 'force-nat-a';
const B = 'force-nat-b';
const national = as('nat-1', 'national_analyst', 'national');

interface Row {
  period: string;
  category?: string;
  employmentType?: string;
  referrals: number | null;
  percentOfPeriod: number | null;
}

interface ReportBody {
  filters: Record<string, unknown>;
  suppression: { threshold: number; applied: boolean; cells: { row: number; column: string; reason: string }[] };
  rows: Row[];
}

async function seed(http: App): Promise<void> {
  const refer = async (force: string, employmentType: string, n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      await request(http)
        .post('/referrals')
        .set(as(`lm-${force}`, 'line_manager', force))
        .send({
          subjectId: `${force}-${employmentType}-${i}`,
          subjectName: `Colleague ${i}`,
          employmentType,
          department: 'Response',
          source: 'management',
          category: 'mental_health',
          urgency: 'routine',
          reason: 'Low mood',
        })
        .expect(201);
    }
  };
  await refer(A, 'police_officer', 5);
  await refer(A, 'police_staff', 2);
  await refer(B, 'police_officer', 2);
  await refer(B, 'police_staff', 1);
}

function report(http: App, name: string, headers: Record<string, string>, query: Record<string, string> = {}): Promise<ReportBody> {
  return request(http)
    .get(`/reports/${name}`)
    .query(query)
    .set(headers)
    .expect(200)
    .then((res) => res.body as ReportBody);
}

/** Until the reporting read model has all ten referrals. */
async function projected(http: App): Promise<void> {
  const exact = as('ohm-a', 'oh_manager', A);
  const exactB = as('ohm-b', 'oh_manager', B);
  await waitForValue(
    async () => {
      const [a, b] = await Promise.all([report(http, 'referrals-by-category', exact), report(http, 'referrals-by-category', exactB)]);
      return a.rows[0]?.referrals === 7 && b.rows[0]?.referrals === 3 ? true : undefined;
    },
    { timeoutMs: 10_000, message: 'ten referrals in the reporting read model' },
  );
}

const byType = (rows: readonly Row[]): Record<string, number | null> =>
  Object.fromEntries(rows.map((r) => [r.employmentType as string, r.referrals]));

describe('national analysts, with the default threshold (5)', () => {
  let e2e: E2eApp;
  let http: App;

  beforeAll(async () => {
    e2e = await startE2eApp({ queue: `casework-e2e-nat-${process.pid}` });
    http = e2e.app.getHttpServer() as App;
    await seed(http);
    await projected(http);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('the by-quarter report counts the referrals of every force, suppressed', async () => {
    const body = await report(http, 'referrals-by-category', national, { period: 'quarter' });
    expect(body.filters).toMatchObject({ force: 'all', period: 'quarter' });
    expect(body.suppression).toMatchObject({ threshold: 5, applied: true });
    expect(body.rows).toEqual([expect.objectContaining({ category: 'mental_health', referrals: 10, percentOfPeriod: 100 })]);
  });

  it('a cell under the threshold is suppressed, and so is the one that would give it away', async () => {
    const body = await report(http, 'referrals-by-employment-type', national, { period: 'quarter' });
    // Officers 7, staff 3: the 3 is under 5; 7 would reveal it from the period's total (10).
    expect(byType(body.rows)).toEqual({ police_officer: null, police_staff: null });
    expect(body.suppression.cells.map((c) => `${body.rows[c.row]?.employmentType}.${c.column}:${c.reason}`).sort()).toEqual([
      'police_officer.percentOfPeriod:derived',
      'police_officer.referrals:secondary',
      'police_staff.percentOfPeriod:derived',
      'police_staff.referrals:primary',
    ]);
  });

  it('?force= narrows to one force, still aggregate and suppressed', async () => {
    const a = await report(http, 'referrals-by-category', national, { force: A });
    expect(a.filters).toMatchObject({ force: A });
    expect(a.rows.map((r) => r.referrals)).toEqual([7]);
    const b = await report(http, 'referrals-by-category', national, { force: B });
    expect(b.rows.map((r) => r.referrals)).toEqual([null]);
    expect(b.suppression.cells.find((c) => c.column === 'referrals')?.reason).toBe('primary');
    const nowhere = await report(http, 'referrals-by-category', national, { force: 'force-without-referrals' });
    expect(nowhere.rows).toEqual([]);
  });

  it('an in-force HR analyst still sees only their own force, and may not ask for another', async () => {
    const hrA = as('hr-a', 'hr', A);
    const own = await report(http, 'referrals-by-category', hrA);
    expect(own.rows.map((r) => r.referrals)).toEqual([7]);
    expect(own.filters).not.toHaveProperty('force');
    const refused = await request(http).get('/reports/referrals-by-category').query({ force: B }).set(hrA).expect(400);
    expect(refused.body).toMatchObject({ code: 'REPORT.INVALID_PARAMETER', field: 'force' });
    const hrB = await report(http, 'referrals-by-category', as('hr-b', 'hr', B));
    expect(hrB.rows.map((r) => r.referrals)).toEqual([null]);
  });

  it('every report runs for a national analyst, suppressed, across forces; no case, queue or list', async () => {
    const catalogue = await request(http).get('/reports').set(national).expect(200);
    const reports = catalogue.body.reports as { name: string; allowed: boolean; params: string[] }[];
    expect(reports.filter((r) => !r.allowed).map((r) => r.name)).toEqual([]);
    for (const { name, params } of reports) {
      expect(params).toContain('force');
      const body = await report(http, name, national);
      expect({ name, applied: body.suppression.applied, force: body.filters.force }).toEqual({ name, applied: true, force: 'all' });
    }
    for (const path of ['/referrals/queue', '/referrals/team', '/trim/queue', '/incidents']) {
      await request(http).get(path).set(national).expect(403);
    }
  });
});

describe('national analysts, with REPORT_SUPPRESSION_THRESHOLD=3', () => {
  let e2e: E2eApp;
  let http: App;

  beforeAll(async () => {
    e2e = await startE2eApp({ queue: `casework-e2e-nat3-${process.pid}`, env: { REPORT_SUPPRESSION_THRESHOLD: '3' } });
    http = e2e.app.getHttpServer() as App;
    await seed(http);
    await projected(http);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('the configured threshold decides which cells are suppressed', async () => {
    const all = await report(http, 'referrals-by-employment-type', national, { period: 'quarter' });
    expect(all.suppression.threshold).toBe(3);
    expect(byType(all.rows)).toEqual({ police_officer: 7, police_staff: 3 });
    expect(all.suppression.cells).toEqual([]);

    // Force B alone: officers 2 (under 3) and staff 1: both suppressed.
    const b = await report(http, 'referrals-by-employment-type', national, { force: B });
    expect(byType(b.rows)).toEqual({ police_officer: null, police_staff: null });
    // Force B's total, 3, is no longer under the threshold.
    expect((await report(http, 'referrals-by-category', national, { force: B })).rows.map((r) => r.referrals)).toEqual([3]);
  });
});
