import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { timerJobId } from '@casework/timers/application/timer-job';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * The OH referral workflow over HTTP, against the real PostgreSQL and Redis, with the
 * worker (projections and BullMQ timers) in the same process. Deadlines are seconds long.
 */
const FORCE = 'force-e2e';
/** A second force whose ladder is slower, to watch a deadline stop mid-ladder. */
const SLOW = 'force-e2e-slow';
const OTHER_FORCE = 'force-other';

const manager = as('sgt-patel', 'line_manager', FORCE);
const advisor = as('adv-lee', 'oh_advisor', FORCE);
const advisor2 = as('adv-khan', 'oh_advisor', FORCE);
const ohManager = as('ohm-jones', 'oh_manager', FORCE);

const submission = {
  subjectId: 'PC-4471',
  subjectName: 'Alex Morgan',
  employmentType: 'police_officer',
  department: 'Response, North',
  source: 'management',
  category: 'mental_health',
  urgency: 'routine',
  reason: 'Sickness absence over 28 days after a fatal collision',
};

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({
    queue: `casework-e2e-${process.pid}`,
    policy: {
      default: {
        triage: { routine: { duration: 'PT3S' }, urgent: { duration: 'PT2S' } },
        firstAppointment: { routine: { duration: 'PT1H' }, urgent: { duration: 'PT1H' } },
        outcomeReport: { duration: 'PT1H' },
        escalation: [
          { after: { duration: 'PT1S' }, notify: 'team_manager' },
          { after: { duration: 'PT2S' }, notify: 'head_of_wellbeing' },
        ],
      },
      forces: {
        [SLOW]: {
          triage: { routine: { duration: 'PT2S' }, urgent: { duration: 'PT2S' } },
          escalation: [
            { after: { duration: 'PT4S' }, notify: 'team_manager' },
            { after: { duration: 'PT8S' }, notify: 'head_of_wellbeing' },
          ],
        },
      },
    },
  });
  http = e2e.app.getHttpServer() as App;
});

afterAll(async () => {
  await e2e?.close();
});

async function submit(headers: Record<string, string>, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await request(http).post('/referrals').set(headers).send({ ...submission, ...overrides }).expect(201);
  return res.body.referralId as string;
}

interface QueueItemBody {
  referralId: string;
  overdue: boolean;
  escalationLevel: number;
  nextDeadline: { kind: string; dueAt: string } | null;
  status: string;
}

async function queueItem(referralId: string, headers = advisor, view = 'all'): Promise<QueueItemBody | undefined> {
  const res = await request(http).get('/referrals/queue').query({ view, pageSize: 100 }).set(headers).expect(200);
  return (res.body.items as QueueItemBody[]).find((i) => i.referralId === referralId);
}

async function timelineTypes(referralId: string, headers = advisor): Promise<string[]> {
  const res = await request(http).get(`/referrals/${referralId}/timeline`).set(headers).expect(200);
  return (res.body.items as { type: string }[]).map((i) => i.type);
}

function post(path: string, headers: Record<string, string>, body: object = {}): request.Test {
  return request(http).post(path).set(headers).send(body);
}

describe('OH referral, end to end over HTTP', () => {
  it('a submitted referral is queued, goes overdue, climbs the escalation ladder, and stops when triaged', async () => {
    const created = await request(http).post('/referrals').set(manager).send(submission).expect(201);
    const id = created.body.referralId as string;
    expect(created.headers.location).toBe(`/referrals/${id}`);
    expect(created.headers.etag).toBe('"1"'); // ReferralSubmitted + DeadlineScheduled(triage)
    expect(created.body).toMatchObject({ status: 'awaiting_triage', advisorId: null, urgency: 'routine' });

    const queued = await waitForValue(() => queueItem(id, advisor, 'unassigned'), { timeoutMs: 5_000, message: 'referral in the unassigned queue' });
    expect(queued.nextDeadline?.kind).toBe('triage');

    // Owner (level 1) at the due time, OH manager at +1 s, head of wellbeing at +2 s.
    const top = await waitForValue(
      async () => {
        const item = await queueItem(id, advisor, 'overdue');
        return item && item.escalationLevel === 3 ? item : undefined;
      },
      { timeoutMs: 15_000, message: 'triage deadline escalated to the head of wellbeing' },
    );
    expect(top.overdue).toBe(true);
    expect(await timelineTypes(id)).toEqual([
      'ReferralSubmitted',
      'DeadlineScheduled',
      'DeadlineOverdue',
      'DeadlineEscalated',
      'DeadlineEscalated',
    ]);

    await post(`/referrals/${id}/triage`, advisor, { priority: 'high', advisorId: 'adv-lee' }).expect(200);
    const triaged = await waitForValue(
      async () => {
        const item = await queueItem(id, advisor, 'mine');
        return item && !item.overdue ? item : undefined;
      },
      { timeoutMs: 5_000, message: 'triaged referral in my queue, no longer overdue' },
    );
    expect(triaged).toMatchObject({ status: 'awaiting_consent', escalationLevel: 0 });
    expect(triaged.nextDeadline?.kind).toBe('first-appointment');
    expect(await queueItem(id, advisor, 'overdue')).toBeUndefined();
  });

  it('triaging mid-ladder cancels the remaining rungs: nothing escalates afterwards', async () => {
    const slowManager = as('sgt-ali', 'line_manager', SLOW);
    const slowAdvisor = as('adv-ng', 'oh_advisor', SLOW);
    const id = await submit(slowManager);
    const referral = await request(http).get(`/referrals/${id}`).set(slowAdvisor).expect(200);
    const deadlineId = (referral.body.deadlines as { deadlineId: string; kind: string }[]).find((d) => d.kind === 'triage')
      ?.deadlineId as string;
    await waitForValue(async () => (await queueItem(id, slowAdvisor, 'overdue'))?.escalationLevel === 1 || undefined, {
      timeoutMs: 10_000,
      message: 'triage overdue at the owner level',
    });

    await post(`/referrals/${id}/triage`, slowAdvisor, { priority: 'medium', advisorId: 'adv-ng' }).expect(200);
    // The met deadline's pending rungs leave Redis once the deadlines projection sees it.
    await waitForValue(
      async () => {
        const jobs = await Promise.all([2, 3].map((level) => e2e.queue.getJob(timerJobId(deadlineId, level))));
        return jobs.every((job) => job === undefined) || undefined;
      },
      { timeoutMs: 5_000, message: 'pending escalation jobs removed' },
    );
    // A sentinel referral submitted now goes overdue after the first referral's next rung
    // would have fallen due (same queue, same clock): once it has, nothing more came.
    const sentinel = await submit(slowManager, { subjectId: 'PC-9001', subjectName: 'Sam Reed' });
    await waitForValue(async () => (await queueItem(sentinel, slowAdvisor, 'overdue')) ?? undefined, {
      timeoutMs: 10_000,
      message: 'sentinel overdue',
    });
    const types = await timelineTypes(id, slowAdvisor);
    expect(types.filter((t) => t === 'DeadlineEscalated')).toHaveLength(0);
    expect(types).toEqual(['ReferralSubmitted', 'DeadlineScheduled', 'DeadlineOverdue', 'ReferralTriaged', 'DeadlineMet', 'DeadlineScheduled']);
  });

  it('the whole journey to closure appears in the timeline, and clinical notes never leave the record', async () => {
    const id = await submit(manager, { urgency: 'urgent', subjectId: 'PS-1208', employmentType: 'police_staff' });
    await post(`/referrals/${id}/triage`, advisor, { priority: 'high', advisorId: 'adv-lee' }).expect(200);
    await post(`/referrals/${id}/consent`, advisor, { consentGiven: true }).expect(200);
    const offered = await post(`/referrals/${id}/appointments`, advisor, {
      scheduledFor: '2026-12-01T10:00:00Z',
      mode: 'video',
    }).expect(200);
    const appointmentId = offered.body.appointments.at(-1).appointmentId as string;
    await post(`/referrals/${id}/appointments/${appointmentId}/book`, advisor).expect(200);
    await post(`/referrals/${id}/appointments/${appointmentId}/attendance`, advisor, { attended: true }).expect(200);
    await post(`/referrals/${id}/outcome`, advisor, {
      appointmentId,
      fitness: 'fit_with_adjustments',
      limitedDuties: 'recuperative',
      recommendations: ['phased_return', 'psychological_therapy'],
      clinicalNotes: 'CONFIDENTIAL: disclosed sleep disturbance since the incident',
    }).expect(200);
    await post(`/referrals/${id}/report-consent`, advisor, { consentGiven: true }).expect(200);
    await post(`/referrals/${id}/report/release`, advisor, { releasedTo: 'sgt-patel' }).expect(200);
    await post(`/referrals/${id}/review`, advisor, { reviewDate: '2027-01-15' }).expect(200);
    const closed = await post(`/referrals/${id}/close`, advisor, { reason: 'completed' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closure: { reason: 'completed' } });

    const timeline = await request(http).get(`/referrals/${id}/timeline`).set(advisor).expect(200);
    const items = timeline.body.items as { type: string; title: string; by: { userId: string }; at: string }[];
    expect(items.map((i) => i.type)).toEqual([
      'ReferralSubmitted',
      'DeadlineScheduled',
      'ReferralTriaged',
      'DeadlineMet',
      'DeadlineScheduled',
      'ReferralConsentRecorded',
      'ReferralAppointmentOffered',
      'DeadlineMet',
      'ReferralAppointmentBooked',
      'ReferralAppointmentAttended',
      'DeadlineScheduled',
      'ReferralOutcomeRecorded',
      'DeadlineMet',
      'ReferralReportConsentRecorded',
      'ReferralReportReleased',
      'ReferralReviewScheduled',
      'ReferralClosed',
    ]);
    expect(items[0]).toMatchObject({ by: { userId: 'sgt-patel' } });
    expect(items[2]?.title).toContain('adv-lee');
    expect(items.every((i) => i.title.length > 0 && !Number.isNaN(Date.parse(i.at)))).toBe(true);
    expect(JSON.stringify(timeline.body)).not.toContain('CONFIDENTIAL');
    const read = await request(http).get(`/referrals/${id}`).set(advisor).expect(200);
    expect(JSON.stringify(read.body)).not.toContain('CONFIDENTIAL');
    expect(read.body.outcome).toMatchObject({ fitness: 'fit_with_adjustments', recommendations: ['phased_return', 'psychological_therapy'] });

    // Closed referrals leave the working queue but can still be found.
    await waitForValue(async () => (await queueItem(id)) === undefined || undefined, { timeoutMs: 5_000, message: 'closed referral leaves the queue' });
    const all = await request(http).get('/referrals/queue').query({ includeClosed: 'true', pageSize: 100 }).set(advisor).expect(200);
    expect((all.body.items as QueueItemBody[]).find((i) => i.referralId === id)?.status).toBe('closed');
  });

  it('two advisors triaging the same revision at once: one wins, the other gets 409', async () => {
    const id = await submit(manager, { subjectId: 'PC-5000' });
    const etag = (await request(http).get(`/referrals/${id}`).set(advisor).expect(200)).headers.etag as string;
    const [a, b] = await Promise.all([
      request(http).post(`/referrals/${id}/triage`).set(advisor).set('If-Match', etag).send({ priority: 'high', advisorId: 'adv-lee' }),
      request(http).post(`/referrals/${id}/triage`).set(advisor2).set('If-Match', etag).send({ priority: 'low', advisorId: 'adv-khan' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.headers['content-type']).toContain('application/problem+json');
    expect(loser.body).toMatchObject({ status: 409, code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });
    // Exactly one triage was stored.
    expect((await timelineTypes(id)).filter((t) => t === 'ReferralTriaged')).toHaveLength(1);

    // Without If-Match the late one is re-decided against the new state: a domain 409.
    const id2 = await submit(manager, { subjectId: 'PC-5001' });
    const results = await Promise.all([
      post(`/referrals/${id2}/triage`, advisor, { priority: 'high', advisorId: 'adv-lee' }),
      post(`/referrals/${id2}/triage`, advisor2, { priority: 'low', advisorId: 'adv-khan' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('REFERRAL.ALREADY_TRIAGED');
  });

  it('an Idempotency-Key makes a retried submission return the same referral and store nothing new', async () => {
    const key = 'idem-submit-0001';
    const first = await request(http).post('/referrals').set(manager).set('Idempotency-Key', key).send(submission).expect(201);
    const second = await request(http).post('/referrals').set(manager).set('Idempotency-Key', key).send(submission).expect(201);
    expect(second.body.referralId).toBe(first.body.referralId);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await timelineTypes(first.body.referralId as string)).toEqual(['ReferralSubmitted', 'DeadlineScheduled']);
  });

  describe('bad requests get problem+json naming the field, and store nothing', () => {
    it('an invalid enumeration value and an unknown field are 400s naming each field', async () => {
      const res = await post('/referrals', manager, { ...submission, urgency: 'asap', colour: 'blue' }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
      const fields = (res.body.errors as { field: string; messages: string[] }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['colour', 'urgency']);
      expect(JSON.stringify(res.body.errors)).toContain('routine, urgent');
    });

    it('malformed JSON is a 400, a bad id a 400 naming it, a missing referral a 404', async () => {
      const malformed = await request(http).post('/referrals').set(manager).set('Content-Type', 'application/json').send('{"subjectId":');
      expect(malformed.status).toBe(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      const badId = await request(http).get('/referrals/not-a-uuid').set(advisor).expect(400);
      expect(badId.body.field).toBe('id');
      const missing = await request(http).get('/referrals/6f1c7d5e-8a53-4cf4-9a43-8f7f1d2c9b10').set(advisor).expect(404);
      expect(missing.body.code).toBe('REFERRAL.NOT_FOUND');
      await post('/referrals/6f1c7d5e-8a53-4cf4-9a43-8f7f1d2c9b10/consent', advisor, { consentGiven: true }).expect(404);
    });

    it('a workflow rule broken is a 409 with the rule’s code; the case is unchanged', async () => {
      const id = await submit(manager, { subjectId: 'PC-6000' });
      const before = await request(http).get(`/referrals/${id}`).set(advisor).expect(200);
      const res = await post(`/referrals/${id}/consent`, advisor, { consentGiven: true }).expect(409);
      expect(res.body.code).toBe('REFERRAL.NOT_TRIAGED');
      const after = await request(http).get(`/referrals/${id}`).set(advisor).expect(200);
      expect(after.headers.etag).toBe(before.headers.etag);
    });

    it('a stale If-Match is a 409 and a malformed one a 422 naming the header', async () => {
      const id = await submit(manager, { subjectId: 'PC-6001' });
      await request(http).post(`/referrals/${id}/triage`).set(advisor).set('If-Match', '"0"').send({ priority: 'high', advisorId: 'adv-lee' }).expect(409);
      const bad = await request(http).post(`/referrals/${id}/triage`).set(advisor).set('If-Match', 'yesterday').send({ priority: 'high', advisorId: 'adv-lee' });
      expect(bad.status).toBe(422);
      expect(bad.body.field).toBe('If-Match');
    });
  });

  describe('access', () => {
    it('another force’s referral is indistinguishable from a missing one', async () => {
      const id = await submit(manager, { subjectId: 'PC-7000' });
      const res = await request(http).get(`/referrals/${id}`).set(as('adv-x', 'oh_advisor', OTHER_FORCE)).expect(404);
      expect(res.body.code).toBe('REFERRAL.NOT_FOUND');
      await post(`/referrals/${id}/triage`, as('adv-x', 'oh_advisor', OTHER_FORCE), { priority: 'high', advisorId: 'adv-x' }).expect(404);
    });

    it('roles outside OH cannot read cases or the queue; non-clinical staff cannot record outcomes', async () => {
      const id = await submit(manager, { subjectId: 'PC-7001' });
      const hr = as('hr-1', 'hr', FORCE);
      const denied = await request(http).get(`/referrals/${id}`).set(hr).expect(403);
      expect(denied.headers['content-type']).toContain('application/problem+json');
      await request(http).get('/referrals/queue').set(hr).expect(403);
      await request(http).get(`/referrals/${id}/timeline`).set(manager).expect(403);
      await post(`/referrals/${id}/outcome`, as('admin-1', 'oh_admin', FORCE), {
        appointmentId: id,
        fitness: 'fit',
        recommendations: [],
        clinicalNotes: 'x',
      }).expect(403);
      await request(http).get('/referrals/queue').expect(401);
    });
  });

  it('the queue is filterable and paginated, urgent first', async () => {
    const urgent = await submit(manager, { subjectId: 'PC-8000', urgency: 'urgent', category: 'physical_health' });
    const routine = await submit(manager, { subjectId: 'PC-8001', category: 'physical_health' });
    await waitForValue(async () => ((await queueItem(urgent)) && (await queueItem(routine))) ?? undefined, {
      timeoutMs: 5_000,
      message: 'both referrals queued',
    });
    const page1 = await request(http).get('/referrals/queue').query({ category: 'physical_health', pageSize: 1 }).set(ohManager).expect(200);
    expect(page1.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(page1.body.total).toBe(2);
    expect(page1.body.items[0].referralId).toBe(urgent);
    const page2 = await request(http).get('/referrals/queue').query({ category: 'physical_health', pageSize: 1, page: 2 }).set(ohManager).expect(200);
    expect(page2.body.items.map((i: QueueItemBody) => i.referralId)).toEqual([routine]);
    const bad = await request(http).get('/referrals/queue').query({ pageSize: 1000, view: 'everything' }).set(ohManager).expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['pageSize', 'view']);
    const injected = await request(http).get('/referrals/queue').query({ sort: '; drop table referral_queue' }).set(ohManager).expect(400);
    expect((injected.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['sort']);
    const sideways = await request(http).get('/referrals/queue').query({ sort: 'name', order: 'sideways' }).set(ohManager).expect(400);
    expect((sideways.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['order']);
    // Sorted on the server across pages: oldest submitted first, newest first reversed.
    const oldest = await request(http).get('/referrals/queue').query({ category: 'physical_health', sort: 'submitted', pageSize: 1 }).set(ohManager).expect(200);
    expect(oldest.body.items.map((i: QueueItemBody) => i.referralId)).toEqual([urgent]);
    const newest = await request(http).get('/referrals/queue').query({ category: 'physical_health', sort: 'submitted', order: 'desc', pageSize: 1 }).set(ohManager).expect(200);
    expect(newest.body.items.map((i: QueueItemBody) => i.referralId)).toEqual([routine]);
  });

  describe('back-dated CSV import', () => {
    const csv = readFileSync(join(__dirname, '..', 'infra', 'demo', 'referrals.csv'), 'utf8');
    const importer = as('ohm-jones', 'oh_manager', 'force-import');
    // Events the import stored (open imported referrals are overdue, so timers add theirs too).
    const countEvents = async (): Promise<number> =>
      Number(
        (
          await e2e.pool.query<{ n: string }>(
            `select count(*) as n from es_events
             where metadata->>'forceId' = 'force-import' and metadata->'actor'->>'userId' = 'ohm-jones'`,
          )
        ).rows[0]?.n,
      );

    it('a file with bad rows stores nothing and names every bad row by line', async () => {
      const lines = csv.trimEnd().split('\n');
      const broken = [
        lines[0],
        lines[1],
        (lines[2] as string).replace(',urgent,', ',asap,'),
        lines[3],
        (lines[4] as string).replace('2025-01-14', '2025-13-14'),
      ].join('\n');
      const before = await countEvents();
      const res = await request(http).post('/referrals/import').set(importer).set('Content-Type', 'text/csv').send(broken).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('IMPORT.INVALID_ROWS');
      const rows = res.body.rows as { line: number; column?: string }[];
      expect(rows.map((r) => [r.line, r.column])).toEqual(expect.arrayContaining([[3, 'urgency'], [5, 'submitted_at']]));
      expect(rows.every((r) => r.line === 3 || r.line === 5)).toBe(true);
      expect(await countEvents()).toBe(before);
    });

    it('a valid file is imported with its business dates, once however often it is sent', async () => {
      const dry = await request(http).post('/referrals/import?dryRun=true').set(importer).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, rows: 6, referrals: 0 });
      const before = await countEvents();
      const done = await request(http).post('/referrals/import').set(importer).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(done.body).toMatchObject({ dryRun: false, rows: 6, referrals: 6 });
      const afterFirst = await countEvents();
      expect(afterFirst).toBeGreaterThan(before);
      await request(http).post('/referrals/import').set(importer).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(await countEvents()).toBe(afterFirst);

      const reader = as('adv-imp', 'oh_advisor', 'force-import');
      const queue = await waitForValue(
        async () => {
          const res = await request(http).get('/referrals/queue').query({ includeClosed: 'true' }).set(reader).expect(200);
          return res.body.total === 6 ? (res.body.items as (QueueItemBody & { submittedAt: string })[]) : undefined;
        },
        { timeoutMs: 5_000, message: 'six imported referrals projected' },
      );
      expect(queue.map((i) => i.submittedAt.slice(0, 7)).every((month) => month === '2025-01')).toBe(true);
    });

    it('only OH managers and admins may import, and the body must be CSV', async () => {
      await request(http).post('/referrals/import').set(advisor).set('Content-Type', 'text/csv').send(csv).expect(403);
      const notCsv = await request(http).post('/referrals/import').set(importer).send({ rows: [] }).expect(415);
      expect(notCsv.body.code).toBe('IMPORT.NOT_CSV');
    });
  });

  it('reports health, and metrics for commands, HTTP routes, projections and timers', async () => {
    const health = await request(http).get('/health').expect(200);
    expect(health.body.checks).toEqual({ database: { status: 'up' }, redis: { status: 'up' }, eventStore: { status: 'up' } });
    const projections = health.body.projections as { name: string; state: string }[];
    expect(projections.map((p) => p.name)).toEqual(expect.arrayContaining(['referral_queue_v1', 'timer_deadlines_v1']));
    expect(projections.every((p) => p.state === 'running')).toBe(true);
    const metrics = (await request(http).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/casework_http_request_duration_seconds_count\{method="POST",route="\/referrals",status="201"\} [1-9]/);
    expect(metrics).toMatch(/casework_command_duration_seconds_count\{workflow="referral",command="TriageReferral",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/casework_projection_lag_seconds\{projection="referral_queue_v1"\} \d/);
    expect(metrics).toMatch(/casework_timer_jobs\{state="delayed"\} \d/);
    expect(metrics).toMatch(/casework_timer_lateness_seconds_count [1-9]/);
  });

  it('serves its OpenAPI document', async () => {
    const res = await request(http).get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/referrals', '/referrals/{id}/triage', '/referrals/queue', '/referrals/{id}/timeline']));
  });
});
