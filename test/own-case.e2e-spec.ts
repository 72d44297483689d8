import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Nobody reads or works their own case through a staff role: the staff number in the
 * caller's token is matched against the case's subject, on the referral routes and on
 * every route the shared case controller serves (here: TRiM). A colleague in the same role
 * works the case as usual; another force's case still reads as missing.
 */
const FORCE = 'force-e2e';
const OWN = 'S-5501';
const ownAdvisor = as('adv-own', 'oh_advisor', FORCE, OWN);
const colleagueAdvisor = as('adv-col', 'oh_advisor', FORCE, 'S-5502');
const manager = as('lm-1', 'line_manager', FORCE, 'S-5600');
const ownPractitioner = as('tp-own', 'trim_practitioner', FORCE, OWN);
const colleaguePractitioner = as('tp-col', 'trim_practitioner', FORCE, 'S-5503');
const coordinator = as('tc-1', 'trim_coordinator', FORCE, 'S-5504');

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-own-${process.pid}` });
  http = e2e.app.getHttpServer() as App;
});

afterAll(async () => {
  await e2e?.close();
});

function post(path: string, headers: Record<string, string>, body: object = {}): request.Test {
  return request(http).post(path).set(headers).send(body);
}

function expectOwnCase(res: request.Response): void {
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('AUTH.OWN_CASE');
  expect(res.body.title).toMatch(/own case/);
}

async function queueIds(headers: Record<string, string>): Promise<string[]> {
  const res = await request(http).get('/referrals/queue').query({ pageSize: 100 }).set(headers).expect(200);
  return (res.body.items as { referralId: string }[]).map((i) => i.referralId);
}

describe('nobody opens their own case through a staff role', () => {
  it('an OH advisor referred to OH cannot read, follow or triage their referral; a colleague advisor can', async () => {
    const created = await post('/referrals', manager, {
      subjectId: OWN,
      subjectName: 'Dana Own',
      employmentType: 'police_staff',
      department: 'Occupational Health',
      source: 'management',
      category: 'mental_health',
      urgency: 'routine',
      reason: 'Work-related stress',
    }).expect(201);
    const id = created.body.referralId as string;

    expectOwnCase(await request(http).get(`/referrals/${id}`).set(ownAdvisor));
    expectOwnCase(await request(http).get(`/referrals/${id}/timeline`).set(ownAdvisor));
    expectOwnCase(await post(`/referrals/${id}/triage`, ownAdvisor, { priority: 'high', advisorId: 'adv-own' }));
    // The refused command appended nothing.
    const before = await request(http).get(`/referrals/${id}`).set(colleagueAdvisor).expect(200);
    expect(before.body).toMatchObject({ status: 'awaiting_triage', advisorId: null });

    // The colleague sees it in the queue; the subject never does.
    await waitForValue(async () => (await queueIds(colleagueAdvisor)).includes(id) || undefined, {
      timeoutMs: 5_000,
      message: 'the referral in the colleague’s queue',
    });
    expect(await queueIds(ownAdvisor)).not.toContain(id);

    await post(`/referrals/${id}/triage`, colleagueAdvisor, { priority: 'high', advisorId: 'adv-col' }).expect(200);
    await request(http).get(`/referrals/${id}/timeline`).set(colleagueAdvisor).expect(200);
    expectOwnCase(await post(`/referrals/${id}/consent`, ownAdvisor, { consentGiven: true }));
    expectOwnCase(await post(`/referrals/${id}/reassign`, ownAdvisor, { toAdvisorId: 'adv-own' }));
    // OH managers are staff too: one with the same staff number is refused the manager's commands.
    expectOwnCase(await post(`/referrals/${id}/cancel`, as('ohm-own', 'oh_manager', FORCE, OWN), { reason: 'Not needed' }));

    // Another force's case still reads as missing, before any own-case answer.
    const elsewhere = await request(http).get(`/referrals/${id}`).set(as('adv-own', 'oh_advisor', 'force-other', OWN)).expect(404);
    expect(elsewhere.body.code).toBe('REFERRAL.NOT_FOUND');
  });

  it('a TRiM practitioner cannot read, follow or work their own TRiM activation; a colleague practitioner can', async () => {
    const activated = await post('/trim', coordinator, {
      personId: OWN,
      personName: 'Dana Own',
      employmentType: 'police_officer',
      department: 'Response',
      source: 'manager_referral',
    }).expect(201);
    const id = activated.body.activationId as string;

    expectOwnCase(await request(http).get(`/trim/${id}`).set(ownPractitioner));
    expectOwnCase(await request(http).get(`/trim/${id}/timeline`).set(ownPractitioner));
    expectOwnCase(await post(`/trim/${id}/practitioner`, ownPractitioner, { practitionerId: 'tp-own' }));
    expectOwnCase(await post(`/trim/${id}/deadlines/initial-assessment/waive`, as('tc-own', 'trim_coordinator', FORCE, OWN), { reason: 'On leave' }));

    await request(http).get(`/trim/${id}`).set(colleaguePractitioner).expect(200);
    await request(http).get(`/trim/${id}/timeline`).set(colleaguePractitioner).expect(200);
    const allocated = await post(`/trim/${id}/practitioner`, colleaguePractitioner, { practitionerId: 'tp-col' }).expect(200);
    expect(allocated.body).toMatchObject({ practitionerId: 'tp-col' });

    // A caller whose token carries no staff number cannot be matched, so the role alone decides.
    await request(http).get(`/trim/${id}`).set(as('tp-anon', 'trim_practitioner', FORCE)).expect(200);
  });
});
