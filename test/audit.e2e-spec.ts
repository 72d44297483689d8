import request from 'supertest';
import type { App } from 'supertest/types';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * The audit trail end to end: every read, export and change of a case, and every refusal,
 * is recorded with who, role, what, when and why; force administrators query their own
 * force's trail; nothing can alter it, through the API or in the database.
 */
const FORCE = 'force-audit';
const OTHER = 'force-audit-other';
const manager = as('sgt-audit', 'line_manager', FORCE);
const advisor = as('adv-audit', 'oh_advisor', FORCE);
const ohManager = as('ohm-audit', 'oh_manager', FORCE);
const hr = as('hr-audit', 'hr', FORCE);
const admin = as('admin-audit', 'force_admin', FORCE);
const otherAdmin = as('admin-other', 'force_admin', OTHER);

interface AuditItem {
  userId: string;
  role: string;
  action: string;
  method: string;
  route: string;
  resource: string;
  resourceId: string | null;
  status: number;
  reason: string | null;
  commandId: string | null;
  forceId: string;
  at: string;
}

let e2e: E2eApp;
let http: App;
let referralId: string;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-audit-${process.pid}` });
  http = e2e.app.getHttpServer() as App;
  const created = await request(http)
    .post('/referrals')
    .set(manager)
    .set('Idempotency-Key', 'audit-submit-1')
    .send({
      subjectId: 'PC-9001',
      subjectName: 'Robin Audit',
      employmentType: 'police_officer',
      department: 'Response',
      source: 'management',
      category: 'physical_health',
      urgency: 'routine',
      reason: 'Back injury',
    })
    .expect(201);
  referralId = created.body.referralId as string;
});

afterAll(async () => {
  await e2e?.close();
});

async function trail(query: Record<string, string>, who = admin): Promise<AuditItem[]> {
  const res = await request(http).get('/audit').set(who).query(query).expect(200);
  return res.body.items as AuditItem[];
}

describe('the audit trail', () => {
  it('records reads, changes (with the reason given) and refusals of a case, newest first', async () => {
    const got = await request(http).get(`/referrals/${referralId}`).set(advisor).set('X-Casework-Reason', 'triage review').expect(200);
    await request(http).get(`/referrals/${referralId}/timeline`).set(advisor).expect(200);
    await request(http)
      .post(`/referrals/${referralId}/triage`)
      .set(advisor)
      .set('If-Match', got.headers.etag as string)
      .set('Idempotency-Key', 'audit-triage-1')
      .send({ priority: 'medium', advisorId: 'adv-audit' })
      .expect(200);
    await request(http).get(`/referrals/${referralId}`).set(hr).expect(403);
    await request(http).get(`/referrals/00000000-0000-4000-8000-000000000000`).set(advisor).expect(404);

    const items = await trail({ resourceId: referralId });
    expect(items.map((i) => [i.userId, i.action, i.method, i.route, i.status])).toEqual([
      ['hr-audit', 'denied', 'GET', '/referrals/:id', 403],
      ['adv-audit', 'change', 'POST', '/referrals/:id/triage', 200],
      ['adv-audit', 'read', 'GET', '/referrals/:id/timeline', 200],
      ['adv-audit', 'read', 'GET', '/referrals/:id', 200],
    ]);
    const triage = items.find((i) => i.route === '/referrals/:id/triage');
    expect(triage).toMatchObject({ role: 'oh_advisor', resource: 'referrals', commandId: 'audit-triage-1', forceId: FORCE });
    expect(items.find((i) => i.route === '/referrals/:id' && i.action === 'read')?.reason).toBe('triage review');
    expect(Date.now() - Date.parse(items[0].at)).toBeLessThan(60_000);

    // The submission has no id in its path; it is found by user and route.
    const submissions = await trail({ userId: 'sgt-audit', action: 'change' });
    expect(submissions).toEqual([expect.objectContaining({ route: '/referrals', status: 201, commandId: 'audit-submit-1' })]);
    // A failed read is recorded with its status too.
    const missing = await trail({ resourceId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toEqual([expect.objectContaining({ action: 'read', status: 404, userId: 'adv-audit' })]);
  });

  it('records exports of reports as exports; /me is not a record access', async () => {
    await request(http).get('/reports/referrals-by-category').set(ohManager).query({ format: 'csv' }).expect(200);
    await request(http).get('/me').set(ohManager).expect(200);
    const items = await trail({ userId: 'ohm-audit' });
    expect(items).toEqual([expect.objectContaining({ action: 'export', route: '/reports/:name', resource: 'reports', status: 200 })]);
  });

  it("is for force administrators, of their own force only, and the query is validated", async () => {
    const denied = await request(http).get('/audit').set(advisor).expect(403);
    expect(denied.body).toMatchObject({ code: 'AUTH.FORBIDDEN', permission: 'audit.read' });
    expect(await trail({ resourceId: referralId }, otherAdmin)).toEqual([]);
    const bad = await request(http).get('/audit').set(admin).query({ pageSize: '1000', action: 'delete' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'pageSize']);
    const paged = await request(http).get('/audit').set(admin).query({ pageSize: '2', page: '1' }).expect(200);
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBeGreaterThan(2);
  });

  it('cannot be altered: no route changes it, and the database refuses updates, deletes and truncation', async () => {
    const before = (await e2e.pool.query<{ n: string }>('select count(*)::text as n from audit_log')).rows[0].n;
    for (const method of ['put', 'patch', 'delete', 'post'] as const) {
      const res = await request(http)[method]('/audit').set(admin).send({});
      expect(res.status).toBe(404);
    }
    await expect(e2e.pool.query("update audit_log set user_id = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(e2e.pool.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(e2e.pool.query('truncate audit_log')).rejects.toThrow(/append-only/);
    const after = (await e2e.pool.query<{ n: string }>('select count(*)::text as n from audit_log')).rows[0].n;
    // Unmatched routes reach no handler, so nothing was recorded; nothing was removed either.
    expect(after).toBe(before);
  });
});
