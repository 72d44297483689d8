import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * A line manager's view of their team's referrals over HTTP: only the referrals naming them
 * as line manager or referrer, where each stands, and the outcome report's management part
 * only once the colleague consented to its release and it was released. Never clinical.
 */
const FORCE = 'force-e2e';
const managerA = as('lm-a', 'line_manager', FORCE, 'S-LMA');
const managerB = as('lm-b', 'line_manager', FORCE, 'S-LMB');
const advisor = as('adv-lee', 'oh_advisor', FORCE, 'S-ADV');
const hr = as('hr-1', 'hr', FORCE, 'S-HR1');
const SECRET = 'CONFIDENTIAL-clinical-note-7731';

const submission = {
  subjectName: 'Alex Morgan',
  employmentType: 'police_officer',
  department: 'Response, North',
  source: 'management',
  category: 'mental_health',
  urgency: 'routine',
  reason: 'REASON-TEXT sickness absence after a fatal collision',
};

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-lm-${process.pid}` });
  http = e2e.app.getHttpServer() as App;
});

afterAll(async () => {
  await e2e?.close();
});

function post(path: string, headers: Record<string, string>, body: object = {}): request.Test {
  return request(http).post(path).set(headers).send(body);
}

async function submit(headers: Record<string, string>, overrides: Record<string, unknown>): Promise<string> {
  const res = await post('/referrals', headers, { ...submission, ...overrides }).expect(201);
  return res.body.referralId as string;
}

interface TeamItemBody {
  referralId: string;
  status: string;
  statusText: string;
  reportReleased: boolean;
}

async function team(headers: Record<string, string>): Promise<{ body: { items: TeamItemBody[]; total: number }; text: string }> {
  const res = await request(http).get('/referrals/team').query({ pageSize: 100 }).set(headers).expect(200);
  return { body: res.body as { items: TeamItemBody[]; total: number }, text: res.text };
}

async function teamItem(headers: Record<string, string>, id: string, when: (item: TeamItemBody) => boolean = () => true): Promise<TeamItemBody> {
  return waitForValue(
    async () => {
      const item = (await team(headers)).body.items.find((i) => i.referralId === id);
      return item && when(item) ? item : undefined;
    },
    { timeoutMs: 5_000, message: `referral ${id} in the team view` },
  );
}

/** Triage to outcome: the report is written, its release not yet decided. */
async function assessed(id: string): Promise<void> {
  await post(`/referrals/${id}/triage`, advisor, { priority: 'high', advisorId: 'adv-lee' }).expect(200);
  await post(`/referrals/${id}/consent`, advisor, { consentGiven: true }).expect(200);
  const offered = await post(`/referrals/${id}/appointments`, advisor, { scheduledFor: '2027-01-10T10:00:00Z', mode: 'video' }).expect(200);
  const appointmentId = offered.body.appointments.at(-1).appointmentId as string;
  await post(`/referrals/${id}/appointments/${appointmentId}/book`, advisor).expect(200);
  await post(`/referrals/${id}/appointments/${appointmentId}/attendance`, advisor, { attended: true }).expect(200);
  await post(`/referrals/${id}/outcome`, advisor, {
    appointmentId,
    fitness: 'fit_with_adjustments',
    limitedDuties: 'recuperative',
    recommendations: ['phased_return', 'smp_referral'],
    smpQuestions: {
      unfitForOrdinaryDuties: false,
      permanentlyUnfitForOrdinaryDuties: false,
      unfitForRegularEmployment: false,
      permanentlyUnfitForRegularEmployment: false,
    },
    clinicalNotes: SECRET,
  }).expect(200);
}

describe('a line manager’s view of their team’s referrals', () => {
  it('manager A sees their own team’s referral and its status, never manager B’s (404, not listed)', async () => {
    // A referred this one themselves; B is recorded as the line manager of the other.
    const mine = await submit(managerA, { subjectId: 'PC-1001' });
    const named = await submit(advisor, { subjectId: 'PC-1002', lineManagerId: 'lm-a', referredBy: 'adv-lee' });
    const theirs = await submit(hr, { subjectId: 'PC-2001', lineManagerId: 'lm-b' });

    const item = await teamItem(managerA, mine);
    expect(item).toMatchObject({ status: 'awaiting_triage', reportReleased: false });
    expect(item.statusText).toMatch(/triage/i);
    await teamItem(managerA, named);
    await teamItem(managerB, theirs);

    const listA = await team(managerA);
    expect(listA.body.items.map((i) => i.referralId)).not.toContain(theirs);
    expect(listA.text).not.toContain('PC-2001');
    // Nothing clinical or about OH's workload in the list: no category, reason, priority or deadlines.
    for (const word of ['mental_health', 'REASON-TEXT', 'category', 'reason', 'priority', 'deadline']) expect(listA.text).not.toContain(word);

    const view = await request(http).get(`/referrals/${mine}/manager-view`).set(managerA).expect(200);
    expect(view.body).toMatchObject({ referralId: mine, subjectName: 'Alex Morgan', status: 'awaiting_triage', report: null, reportReleased: false });
    await request(http).get(`/referrals/${named}/manager-view`).set(managerA).expect(200);

    const refused = await request(http).get(`/referrals/${theirs}/manager-view`).set(managerA).expect(404);
    const missing = await request(http).get('/referrals/00000000-0000-4000-8000-000000000000/manager-view').set(managerA).expect(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe(missing.body.code);
    // Another force's line manager with the same user id sees nothing either.
    await request(http).get(`/referrals/${mine}/manager-view`).set(as('lm-a', 'line_manager', 'force-other')).expect(404);
    expect((await team(as('lm-a', 'line_manager', 'force-other'))).body.total).toBe(0);
  });

  it('the outcome is shown only after the colleague’s consent and the release, without clinical notes or SMP answers', async () => {
    const id = await submit(managerA, { subjectId: 'PC-1003' });
    await assessed(id);
    const texts: string[] = [];
    const managerView = async (): Promise<Record<string, unknown>> => {
      const res = await request(http).get(`/referrals/${id}/manager-view`).set(managerA).expect(200);
      texts.push(res.text);
      return res.body as Record<string, unknown>;
    };

    expect(await managerView()).toMatchObject({ status: 'report_consent_pending', report: null, reportReleased: false });
    await post(`/referrals/${id}/report-consent`, advisor, { consentGiven: true }).expect(200);
    expect(await managerView()).toMatchObject({ status: 'report_ready', report: null });
    await post(`/referrals/${id}/report/release`, advisor, { releasedTo: 'lm-a' }).expect(200);

    const released = await managerView();
    expect(released).toMatchObject({
      status: 'report_released',
      reportReleased: true,
      report: { fitness: 'fit_with_adjustments', limitedDuties: 'recuperative', recommendations: ['phased_return', 'smp_referral'] },
    });
    expect(Object.keys(released.report as object).sort()).toEqual(['assessedAt', 'fitness', 'limitedDuties', 'recommendations', 'releasedAt']);
    await teamItem(managerA, id, (i) => i.reportReleased);
    texts.push((await team(managerA)).text);

    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('clinicalNotes');
      expect(text).not.toContain('smpQuestions');
      expect(text).not.toContain('REASON-TEXT');
    }
  });

  it('a withheld report is never shown to the manager', async () => {
    const id = await submit(managerA, { subjectId: 'PC-1004' });
    await assessed(id);
    await post(`/referrals/${id}/report-consent`, advisor, { consentGiven: false }).expect(200);
    await post(`/referrals/${id}/report/release`, advisor, { releasedTo: 'lm-a' }).expect(409);
    const res = await request(http).get(`/referrals/${id}/manager-view`).set(managerA).expect(200);
    expect(res.body).toMatchObject({ status: 'report_withheld', report: null, reportReleased: false });
    expect(res.text).not.toContain(SECRET);
  });

  it('an HR analyst (and OH staff) get 403 on both manager routes', async () => {
    const id = await submit(managerA, { subjectId: 'PC-1005' });
    for (const headers of [hr, advisor]) {
      const list = await request(http).get('/referrals/team').set(headers).expect(403);
      expect(list.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(list.body.code).toBe('AUTH.FORBIDDEN');
      const one = await request(http).get(`/referrals/${id}/manager-view`).set(headers).expect(403);
      expect(one.body.code).toBe('AUTH.FORBIDDEN');
    }
    // And a line manager cannot reach the OH case itself.
    await request(http).get(`/referrals/${id}`).set(managerA).expect(403);
  });

  it('a line manager who is themselves the subject does not see the referral in their team view', async () => {
    // B's own referral, naming B as their line manager by mistake.
    const own = await submit(managerA, { subjectId: 'S-LMB', lineManagerId: 'lm-b' });
    const other = await submit(managerA, { subjectId: 'PC-2002', lineManagerId: 'lm-b' });
    await teamItem(managerB, other);
    expect((await team(managerB)).body.items.map((i) => i.referralId)).not.toContain(own);
    const res = await request(http).get(`/referrals/${own}/manager-view`).set(managerB).expect(403);
    expect(res.body.code).toBe('AUTH.OWN_CASE');
  });
});
