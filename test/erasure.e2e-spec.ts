import request from 'supertest';
import type { App } from 'supertest/types';
import type { EventStore } from '@casework/core/event-store/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { EVENT_STORE } from '@casework/platform/tokens';
import { ALL_REPORTS } from '@casework/reporting/report-registry';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Right to erasure over HTTP. Person P and person Q are referred to OH, exposed in the
 * same incident and activated for TRiM through the API; a force administrator then
 * erases P. P's name and staff number can no longer be read back from anywhere: the
 * events table (it never held them in clear), the event-store port, the case and
 * timeline endpoints, every queue and list, every report and CSV, and the BI views;
 * report counts do not move, and Q is untouched.
 */
const FORCE = 'force-erasure';
const P = { personId: 'ERA-P-1071', name: 'Pemberton Erasmus' };
const Q = { personId: 'ERA-Q-2082', name: 'Quenby Keepsake' };
const P_SECRETS = [P.personId, P.name, 'Pemberton', 'Erasmus'];

const ohManager = as('era-ohm', 'oh_manager', FORCE);
const supervisor = as('era-sgt', 'supervisor', FORCE);
const trimCoordinator = as('era-tc', 'trim_coordinator', FORCE);
const wellbeing = as('era-hw', 'head_of_wellbeing', FORCE);
const admin = as('era-admin', 'force_admin', FORCE);

let e2e: E2eApp;
let http: App;
const ids: Record<string, string> = {};

const get = (path: string, headers: Record<string, string>): request.Test => request(http).get(path).set(headers);
const post = (path: string, headers: Record<string, string>, body: object): request.Test => request(http).post(path).set(headers).send(body);

function refer(person: { personId: string; name: string }): Promise<request.Response> {
  return post('/referrals', ohManager, {
    subjectId: person.personId,
    subjectName: person.name,
    employmentType: 'police_officer',
    department: 'Response',
    source: 'management',
    category: 'mental_health',
    urgency: 'routine',
    reason: `${person.name} has been off sick since the collision`,
  }).expect(201);
}

function activateTrim(person: { personId: string; name: string }, incidentId: string): Promise<request.Response> {
  return post('/trim', trimCoordinator, {
    personId: person.personId, personName: person.name, employmentType: 'police_officer', department: 'Roads Policing', source: 'incident', incidentId,
  }).expect(201);
}

const LISTS: readonly (readonly [string, Record<string, string>])[] = [
  ['/referrals/queue?view=all&includeClosed=true&pageSize=100', ohManager],
  ['/incidents?pageSize=100', trimCoordinator],
  ['/trim/queue?includeEnded=true&pageSize=100', trimCoordinator],
  ['/support-tasks/queue?includeClosed=true&pageSize=100', as('era-wc', 'wellbeing_coordinator', FORCE)],
  ['/exposure-register?pageSize=100', as('era-wc', 'wellbeing_coordinator', FORCE)],
  ['/reports/trauma/estip-funnel', wellbeing],
  ['/reports/trauma/repeat-exposure', wellbeing],
  ['/reports/trauma/trim-activity', wellbeing],
];

/** The lists that name people (the incident list names none). */
const NAMED_LISTS = LISTS.filter(([path]) => ['/referrals/queue', '/trim/queue', '/exposure-register'].some((p) => path.startsWith(p)));

async function reportsAsJson(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const report of ALL_REPORTS) out[report.name] = (await get(`/reports/${report.name}`, wellbeing).expect(200)).body.rows;
  for (const [path, headers] of LISTS.filter(([p]) => p.startsWith('/reports/'))) out[path] = (await get(path, headers).expect(200)).body;
  return out;
}

async function biText(): Promise<string> {
  const { rows: views } = await e2e.pool.query<{ name: string }>("select table_name as name from information_schema.views where table_schema = 'bi'");
  const texts: string[] = [];
  for (const view of views) {
    const { rows } = await e2e.pool.query<{ t: string | null }>(`select string_agg(row_to_json(v)::text, '') as t from bi.${view.name} v`);
    texts.push(rows[0]?.t ?? '');
  }
  return texts.join('\n');
}

const leaksIn = (text: string): string[] => P_SECRETS.filter((s) => text.includes(s));

let reportsBefore: Record<string, unknown>;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-erasure-${process.pid}` });
  http = e2e.app.getHttpServer() as App;

  ids.pReferral = (await refer(P)).body.referralId as string;
  ids.qReferral = (await refer(Q)).body.referralId as string;
  const incident = await post('/incidents', supervisor, {
    type: 'fatal_road_collision',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    location: 'A38 northbound',
    department: 'Roads Policing',
    summary: 'Two-vehicle collision, one fatality at scene',
    exposedColleagues: [P, Q].map((c) => ({ ...c, department: 'Roads Policing', exposureRole: 'first_responder' })),
  }).expect(201);
  ids.incident = incident.body.incidentId as string;
  ids.pTrim = (await activateTrim(P, ids.incident)).body.activationId as string;
  ids.qTrim = (await activateTrim(Q, ids.incident)).body.activationId as string;

  // Every read model has caught up before the figures are taken.
  await waitForValue(
    async () => {
      const texts = await Promise.all(NAMED_LISTS.map(async ([path, headers]) => (await get(path, headers).expect(200)).text));
      return texts.every((t) => t.includes(P.name) && t.includes(Q.name)) ? true : undefined;
    },
    { timeoutMs: 15_000, message: 'P and Q in the referral queue, TRiM queue and exposure register' },
  );
  await waitForValue(
    async () => (JSON.stringify((await get('/reports/trauma/estip-funnel', wellbeing).expect(200)).body).match(/[1-9]/) ? true : undefined),
    { timeoutMs: 10_000, message: 'the ESTIP funnel counts the incident' },
  );
  reportsBefore = await reportsAsJson();
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

describe('right to erasure, end to end', () => {
  it('names and staff numbers are never in clear in the events table', async () => {
    const { rows } = await e2e.pool.query<{ t: string }>("select string_agg(data::text, '') as t from es_events where metadata->>'forceId' = $1", [FORCE]);
    expect(rows[0]?.t).toContain('enc:v1:');
    for (const secret of [...P_SECRETS, Q.personId, Q.name, 'has been off sick']) expect(rows[0]?.t).not.toContain(secret);
  });

  it('only a force administrator may erase', async () => {
    for (const role of ['oh_manager', 'head_of_wellbeing', 'trim_coordinator']) {
      const res = await post('/personal-data/erasures', as(`era-${role}`, role, FORCE), { personId: P.personId, reason: 'Not allowed' });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    // Refused callers changed nothing: P is still readable.
    expect((await get(`/referrals/${ids.pReferral}`, ohManager).expect(200)).text).toContain(P.name);
    await post('/personal-data/erasures', admin, { personId: '', reason: 'x' }).expect(400);
  });

  describe('after P is erased', () => {
    let erasure: Record<string, unknown>;

    beforeAll(async () => {
      const res = await post('/personal-data/erasures', admin, { personId: P.personId, reason: 'Subject access request SAR-2026-17' }).expect(201);
      erasure = res.body as Record<string, unknown>;
    });

    it('the erasure names what it destroyed, never whom', async () => {
      // P's referral, the incident and P's TRiM activation: one key each.
      expect(erasure).toMatchObject({ kind: 'person', streams: 3, keys: 3, requestedBy: 'era-admin' });
      expect(typeof erasure.id).toBe('string');
      expect(typeof erasure.at).toBe('string');
      // Asking again finds nothing held: a 404 naming the field, and no second erasure recorded.
      const again = await post('/personal-data/erasures', admin, { personId: P.personId, reason: 'Repeated request' }).expect(404);
      expect(again.body).toMatchObject({ code: 'PERSONAL_DATA.NOT_FOUND', field: 'personId' });
      const list = await get('/personal-data/erasures', admin).expect(200);
      expect(list.body).toMatchObject({ total: 1, items: [{ id: erasure.id, streams: 3 }] });
      expect(leaksIn(list.text)).toEqual([]);
      const { rows } = await e2e.pool.query<{ t: string }>("select string_agg(row_to_json(e)::text, '') as t from erasures e");
      expect(leaksIn(rows[0]?.t ?? '')).toEqual([]);
      expect((await get('/personal-data/retention', admin).expect(200)).body).toMatchObject({ referral: { years: 7, from: 'closure' } });
    });

    it('the event-store port reads P as erased markers, Q in clear', async () => {
      const store = e2e.app.get<EventStore>(EVENT_STORE);
      const events = (await store.readAll({ filter: { streamCategories: ['referral', 'incident', 'trim'] } })).filter((e) => e.metadata.forceId === FORCE);
      const text = JSON.stringify(events.map((e) => e.data));
      expect(leaksIn(text)).toEqual([]);
      expect(text).toContain('[erased]');
      expect(text).toMatch(/erased:[0-9a-f-]{36}/);
      expect(text).toContain(Q.name);
      const [submitted] = await store.readStream(`referral-${ids.pReferral}`);
      expect(submitted?.data).toMatchObject({ subjectName: '[erased]', department: 'Response', category: 'mental_health' });
    });

    it('P\'s cases and timelines name nobody; Q\'s still name Q', async () => {
      const reads: [string, Record<string, string>][] = [
        [`/referrals/${ids.pReferral}`, ohManager],
        [`/referrals/${ids.pReferral}/timeline`, ohManager],
        [`/incidents/${ids.incident}`, trimCoordinator],
        [`/incidents/${ids.incident}/timeline`, trimCoordinator],
        [`/trim/${ids.pTrim}`, trimCoordinator],
        [`/trim/${ids.pTrim}/timeline`, trimCoordinator],
      ];
      for (const [path, headers] of reads) {
        const res = await get(path, headers).expect(200);
        expect({ path, leaks: leaksIn(res.text) }).toEqual({ path, leaks: [] });
      }
      expect((await get(`/referrals/${ids.qReferral}`, ohManager).expect(200)).text).toContain(Q.name);
      expect((await get(`/trim/${ids.qTrim}`, trimCoordinator).expect(200)).text).toContain(Q.name);
      expect((await get(`/incidents/${ids.incident}`, trimCoordinator).expect(200)).text).toContain(Q.personId);
    });

    it('no queue, list or register shows P; Q is still there', async () => {
      const leaks: string[] = [];
      for (const [path, headers] of LISTS) {
        const found = leaksIn((await get(path, headers).expect(200)).text);
        if (found.length > 0) leaks.push(`${path}: ${found.join(', ')}`);
      }
      expect(leaks).toEqual([]);
      for (const [path, headers] of NAMED_LISTS) expect((await get(path, headers).expect(200)).text).toContain(Q.name);
    });

    it('no report, CSV export or BI view shows P, and every count is unchanged', async () => {
      const leaks: string[] = [];
      for (const report of ALL_REPORTS) {
        const csv = await get(`/reports/${report.name}?format=csv`, wellbeing).expect(200);
        const found = leaksIn(csv.text);
        if (found.length > 0) leaks.push(`${report.name}.csv: ${found.join(', ')}`);
      }
      const bi = await biText();
      expect(bi.length).toBeGreaterThan(0);
      expect(leaksIn(bi)).toEqual([]);
      expect(leaks).toEqual([]);
      expect(await reportsAsJson()).toEqual(reportsBefore);
    });

    it('the read-model tables hold nothing of P', async () => {
      const tables = ['referral_queue', 'trauma_exposures', 'trim_activations', 'exposure_process_exposures', 'exposure_process_tasks', 'support_tasks'];
      for (const table of tables) {
        const { rows } = await e2e.pool.query<{ t: string | null }>(`select string_agg(row_to_json(r)::text, '') as t from ${table} r where force_id = $1`, [FORCE]);
        expect({ table, leaks: leaksIn(rows[0]?.t ?? '') }).toEqual({ table, leaks: [] });
      }
    });
  });
});
