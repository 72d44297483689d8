import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { ProjectionHost } from '@casework/platform/projection-host';
import { TRIM_REFERRAL_PROCESS } from '@casework/trauma/application/trim-referral.process-manager';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Trauma support over HTTP against the real PostgreSQL and Redis: an incident with five
 * exposed colleagues runs through ESTIP and TRiM; a high follow-up score opens exactly one
 * OH referral; the funnel report counts it all.
 */
const FORCE = 'force-trauma';
/** A force whose demobilisation deadline passes in seconds, to watch ESTIP escalate. */
const HURRIED = 'force-trauma-hurried';

const coordinator = as('trim-coord', 'trim_coordinator', FORCE);
const practitioner = as('trim-prac', 'trim_practitioner', FORCE);
const supervisor = as('sgt-blake', 'supervisor', FORCE);
const hr = as('hr-1', 'hr', FORCE);
const lineManager = as('insp-moss', 'line_manager', FORCE);
const ohAdvisor = as('adv-lee', 'oh_advisor', FORCE);

const PEOPLE = ['PC-101', 'PC-102', 'PC-103', 'PC-104', 'PC-105'];
const colleagues = PEOPLE.map((personId, i) => ({
  personId,
  name: `Officer ${i + 1}`,
  department: 'Roads Policing',
  role: 'Roads Policing Officer',
  exposureRole: i === 0 ? 'first_responder' : 'witness',
}));

const LOW = {
  felt_out_of_control: 0,
  life_threatened: 0,
  blames_others: 0,
  shame_or_guilt: 0,
  historic_trauma_problems: 0,
  lacks_social_support: 0,
  day_to_day_functioning_problems: 0,
  excessive_alcohol_use: 0,
  acute_stress_symptoms: 0,
  avoidance: 0,
};
const high = (n: number) =>
  Object.fromEntries(Object.keys(LOW).map((key, i) => [key, i < n ? 1 : 0])) as Record<keyof typeof LOW, 0 | 1>;

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({
    queue: `casework-e2e-trauma-${process.pid}`,
    traumaPolicy: {
      forces: {
        [HURRIED]: {
          estip: {
            demobilisation: { duration: 'PT2S' },
            escalation: [{ after: { duration: 'PT1S' }, notify: 'team_manager' }],
          },
        },
      },
    },
  });
  http = e2e.app.getHttpServer() as App;
});

afterAll(async () => {
  await e2e?.close();
});

function post(path: string, headers: Record<string, string>, body: object = {}): request.Test {
  return request(http).post(path).set(headers).send(body);
}

async function recordIncident(headers: Record<string, string>, occurredAt: Date): Promise<string> {
  const res = await post('/incidents', headers, {
    type: 'fatal_road_collision',
    occurredAt: occurredAt.toISOString(),
    location: 'A38 northbound',
    department: 'Roads Policing',
    summary: 'Two-vehicle collision, one fatality at scene',
    exposedColleagues: colleagues,
  }).expect(201);
  return res.body.incidentId as string;
}

describe('trauma support, end to end over HTTP', () => {
  it('an incident with five exposed colleagues runs through ESTIP and TRiM; a high follow-up score opens exactly one OH referral; the funnel counts it', async () => {
    const incidentId = await recordIncident(supervisor, new Date(Date.now() - 60 * 60 * 1000));
    const incident = await request(http).get(`/incidents/${incidentId}`).set(coordinator).expect(200);
    expect(Object.keys(incident.body.exposures as object).sort()).toEqual(PEOPLE);

    await post(`/incidents/${incidentId}/demobilisation`, supervisor, {
      ledBy: { personId: 'sgt-blake', lead: 'supervisor' },
      attendees: PEOPLE,
      defusionNeeded: true,
    }).expect(200);
    await post(`/incidents/${incidentId}/defusion`, as('peer-1', 'peer_supporter', FORCE), {
      format: 'group',
      peerDefuserId: 'peer-1',
      attendees: PEOPLE.slice(0, 4),
      needingMoreSupport: PEOPLE.slice(0, 2),
    }).expect(200);
    await post(`/incidents/${incidentId}/estim`, coordinator, {
      attendees: PEOPLE.slice(0, 2),
      includesOh: true,
      referredOn: [{ personId: PEOPLE[0], pathway: 'trim' }],
    }).expect(200);
    await post(`/incidents/${incidentId}/trim-planning`, coordinator, {
      chairedBy: 'trim-coord',
      offeredRiskAssessment: PEOPLE.slice(0, 2),
    }).expect(200);

    // TRiM for the first colleague: high risk at follow-up.
    const activated = await post('/trim', coordinator, {
      personId: PEOPLE[0],
      personName: 'Officer 1',
      employmentType: 'police_officer',
      department: 'Roads Policing',
      source: 'incident',
      incidentId,
    }).expect(201);
    const activationId = activated.body.activationId as string;
    await post(`/trim/${activationId}/practitioner`, coordinator, { practitionerId: 'trim-prac' }).expect(200);
    await post(`/trim/${activationId}/brief`, practitioner, { deliveredAt: new Date().toISOString() }).expect(200);
    await post(`/trim/${activationId}/assessments`, practitioner, {
      kind: 'initial',
      scores: high(4),
      notes: 'CONFIDENTIAL-TRIM: nightmares since the collision',
      practitionerRequestedReferral: false,
    }).expect(200);
    const followUp = await post(`/trim/${activationId}/assessments`, practitioner, {
      kind: 'follow_up',
      scores: high(5),
      notes: 'CONFIDENTIAL-TRIM: still avoiding the route',
      practitionerRequestedReferral: false,
    }).expect(200);
    expect(followUp.body.status).toBeDefined();

    // The process manager opens the OH referral and links it back.
    const linked = await waitForValue(
      async () => {
        const res = await request(http).get(`/trim/${activationId}`).set(practitioner).expect(200);
        return typeof res.body.referralId === 'string' ? (res.body.referralId as string) : undefined;
      },
      { timeoutMs: 10_000, message: 'OH referral linked to the TRiM activation' },
    );
    const referral = await request(http).get(`/referrals/${linked}`).set(ohAdvisor).expect(200);
    expect(referral.body).toMatchObject({ source: 'trim', category: 'mental_health', urgency: 'urgent', status: 'awaiting_triage' });

    // Delivered again (as after a crash before the checkpoint): still exactly one referral.
    const manager = e2e.app.get(ProjectionHost).get(TRIM_REFERRAL_PROCESS);
    const requested = await e2e.pool.query(
      `select * from es_events where stream_id = $1 and type = 'TrimReferralRequested'`,
      [`trim-${activationId}`],
    );
    const row = requested.rows[0] as Record<string, unknown>;
    const client = await e2e.pool.connect();
    try {
      const recorded = {
        id: row.id as string,
        type: row.type as string,
        streamId: row.stream_id as string,
        revision: BigInt(row.revision as string),
        position: { commit: 0n, prepare: BigInt(row.position as string) },
        data: row.data,
        metadata: { ...(row.metadata as object), recordedAt: (row.recorded_at as Date).toISOString() },
      } as Parameters<NonNullable<typeof manager>['handle']>[0];
      await manager?.handle(recorded, client);
      await manager?.handle(recorded, client);
    } finally {
      client.release();
    }
    const submitted = await e2e.pool.query(
      `select count(*)::int as n from es_events where type = 'ReferralSubmitted' and data->>'linkedCaseId' = $1`,
      [activationId],
    );
    expect(submitted.rows[0].n).toBe(1);

    // The second colleague declines TRiM: a valid end, recorded.
    const second = await post('/trim', coordinator, {
      personId: PEOPLE[1],
      personName: 'Officer 2',
      employmentType: 'police_officer',
      department: 'Roads Policing',
      source: 'incident',
      incidentId,
    }).expect(201);
    const declined = await post(`/trim/${second.body.activationId as string}/decline`, coordinator, {
      stage: 'practitioner_contact',
      reason: 'Prefers support from own GP',
    }).expect(200);
    expect(declined.body.status).toBe('declined');

    // The funnel: exposed → demobilised → defused → ESTIM → TRiM offered → activated → OH.
    const funnel = await waitForValue(
      async () => {
        const res = await request(http).get('/reports/trauma/estip-funnel').set(coordinator).expect(200);
        const rows = res.body.rows as Record<string, unknown>[];
        return rows[0]?.ohReferred === 1 && rows[0]?.trimActivated === 2 ? rows : undefined;
      },
      { timeoutMs: 10_000, message: 'funnel report counting the OH referral' },
    );
    expect(funnel).toEqual([
      {
        incidentType: 'fatal_road_collision',
        department: 'Roads Policing',
        incidents: 1,
        exposed: 5,
        demobilised: 5,
        defused: 4,
        estim: 2,
        trimOffered: 2,
        trimActivated: 2,
        ohReferred: 1,
      },
    ]);
    const activity = await waitForValue(
      async () => {
        const res = await request(http).get('/reports/trauma/trim-activity').set(coordinator).expect(200);
        const rows = res.body.rows as { outcome: string; activations: number; contacted: number }[];
        return rows.length === 2 ? res : undefined;
      },
      { timeoutMs: 5_000, message: 'TRiM activity with the declined activation' },
    );
    const rows = activity.body.rows as { outcome: string; activations: number; contacted: number; medianHoursToFirstContact: number | null }[];
    expect(rows.map((r) => [r.outcome, r.activations, r.contacted])).toEqual([
      ['declined_practitioner_contact', 1, 0],
      ['open', 1, 1],
    ]);
    expect(rows[1]?.medianHoursToFirstContact).toBeGreaterThanOrEqual(0);

    // Confidentiality: TRiM records are for TRiM staff; a line manager learns only "urgent support needed".
    await request(http).get(`/trim/${activationId}`).set(lineManager).expect(403);
    await request(http).get('/trim/queue').set(hr).expect(403);
    const managerView = await request(http).get(`/trim/${activationId}/manager-view`).set(lineManager).expect(200);
    expect(managerView.body).toEqual({ activationId, personId: PEOPLE[0], status: 'open', urgentSupportNeeded: true });
    const timeline = await request(http).get(`/trim/${activationId}/timeline`).set(practitioner).expect(200);
    expect(JSON.stringify(timeline.body)).not.toContain('CONFIDENTIAL-TRIM');
    const reports = JSON.stringify(funnel) + JSON.stringify(activity.body);
    expect(reports).not.toContain('Officer 1');
    await request(http).get('/incidents').set(hr).expect(403);

    const incidentTimeline = await request(http).get(`/incidents/${incidentId}/timeline`).set(coordinator).expect(200);
    expect((incidentTimeline.body.items as { type: string }[]).map((i) => i.type)).toEqual(
      expect.arrayContaining(['IncidentRecorded', 'ColleagueExposed', 'DemobilisationHeld', 'DefusionHeld', 'EstimHeld', 'TrimPlanningMeetingHeld']),
    );
  });

  it('a person with three severe exposures in 90 days appears once in the coordinator’s queue, and the task is worked to closure', async () => {
    const EXPOSED = 'PC-700';
    const wellbeing = as('wb-coord', 'wellbeing_coordinator', 'force-exposure');
    const sgt = as('sgt-x', 'supervisor', 'force-exposure');
    const record = (hoursAgo: number, type: string, people: string[]) =>
      post('/incidents', sgt, {
        type,
        occurredAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
        location: 'Central',
        department: 'Response',
        summary: 'Attended a sudden death',
        exposedColleagues: people.map((personId) => ({
          personId,
          name: personId === EXPOSED ? 'Jordan Fry' : `Officer ${personId}`,
          department: 'Response',
          exposureRole: 'first_responder',
        })),
      }).expect(201);
    await record(5, 'death_of_child', [EXPOSED, 'PC-701']);
    await record(4, 'firearms_discharge', [EXPOSED]);
    await record(3, 'suicide_or_sudden_death', [EXPOSED, 'PC-701']);

    const queue = async () =>
      (await request(http).get('/support-tasks/queue').query({ includeClosed: 'true' }).set(wellbeing).expect(200)).body as {
        total: number;
        items: { taskId: string; personId: string; exposures: { incidentType: string }[]; status: string }[];
      };
    const first = await waitForValue(async () => ((await queue()).total === 1 ? queue() : undefined), {
      timeoutMs: 10_000,
      message: 'one proactive-support task',
    });
    const task = first.items[0];
    expect(task).toMatchObject({ personId: EXPOSED, status: 'awaiting_contact' });
    expect(task?.exposures.map((e) => e.incidentType)).toEqual(['death_of_child', 'firearms_discharge']);

    // The register shows the history; PC-701 (two exposures, weight 5) stays below the threshold.
    const register = await request(http).get('/exposure-register').set(wellbeing).expect(200);
    const entries = register.body.items as { personId: string; aboveThreshold: boolean; summary: { windows: { days: number; count: number; weightedSum: number }[] } }[];
    expect(entries.map((e) => [e.personId, e.aboveThreshold])).toEqual([
      [EXPOSED, true],
      ['PC-701', false],
    ]);
    expect(entries[0]?.summary.windows.find((w) => w.days === 90)).toEqual({ days: 90, count: 3, weightedSum: 8 });

    // Worked: assigned, contacted, offered, accepted, closed.
    const id = task?.taskId as string;
    await post(`/support-tasks/${id}/coordinator`, wellbeing, { coordinatorId: 'wb-coord' }).expect(200);
    await post(`/support-tasks/${id}/contacts`, wellbeing, { method: 'telephone', reached: true }).expect(200);
    const offered = await post(`/support-tasks/${id}/offers`, wellbeing, { offer: 'trim_assessment' }).expect(200);
    const offerId = (offered.body.offers as { offerId: string }[]).at(-1)?.offerId as string;
    await post(`/support-tasks/${id}/offers/${offerId}/response`, wellbeing, { response: 'accepted' }).expect(200);
    await post(`/support-tasks/${id}/close`, wellbeing, { outcome: 'support_accepted' }).expect(200);

    // Another exposure in the same spell above the threshold raises no second task.
    await record(2, 'fatal_road_collision', [EXPOSED]);
    await waitForValue(
      async () => {
        const res = await request(http).get('/exposure-register').set(wellbeing).expect(200);
        const me = (res.body.items as typeof entries).find((e) => e.personId === EXPOSED);
        return me?.summary.windows.find((w) => w.days === 90)?.count === 4 || undefined;
      },
      { timeoutMs: 5_000, message: 'fourth exposure in the register' },
    );
    const checkpoint = await waitForValue(
      async () => {
        const { rows } = await e2e.pool.query<{ n: number }>(
          "select count(*)::int as n from exposure_process_exposures where person_id = $1",
          [EXPOSED],
        );
        return rows[0]?.n === 4 ? rows : undefined;
      },
      { timeoutMs: 5_000, message: 'the process manager has seen the fourth exposure' },
    );
    expect(checkpoint).toHaveLength(1);
    const after = await queue();
    expect(after.total).toBe(1);
    expect(after.items[0]).toMatchObject({ taskId: id, status: 'closed' });

    const byDepartment = await request(http).get('/reports/trauma/repeat-exposure').set(wellbeing).expect(200);
    // HR gets these counts only through the report API, where small numbers are suppressed.
    await request(http).get('/reports/trauma/repeat-exposure').set(as('hr-2', 'hr', 'force-exposure')).expect(403);
    const forHr = await request(http).get('/reports/repeat-exposure').set(as('hr-2', 'hr', 'force-exposure')).expect(200);
    expect(forHr.body.suppression.applied).toBe(true);
    expect(byDepartment.body.rows).toEqual([{ department: 'Response', peopleExposed: 2, peopleAboveThreshold: 1, exposures: 6 }]);
    await request(http).get('/exposure-register').set(as('hr-2', 'hr', 'force-exposure')).expect(403);
  });

  it('an ESTIP deadline that passes shows the incident overdue and escalates it', async () => {
    const hurriedCoordinator = as('coord-h', 'trim_coordinator', HURRIED);
    const incidentId = await recordIncident(as('sgt-h', 'supervisor', HURRIED), new Date());
    const overdue = await waitForValue(
      async () => {
        const res = await request(http).get('/incidents').query({ overdue: 'true' }).set(hurriedCoordinator).expect(200);
        const item = (res.body.items as { incidentId: string; escalationLevel: number; nextDeadline: { kind: string } }[]).find(
          (i) => i.incidentId === incidentId && i.escalationLevel === 2,
        );
        return item;
      },
      { timeoutMs: 15_000, message: 'demobilisation deadline escalated to the team manager' },
    );
    expect(overdue.nextDeadline.kind).toBe('demobilisation');
    const types = (
      (await request(http).get(`/incidents/${incidentId}/timeline`).set(hurriedCoordinator).expect(200)).body.items as { type: string }[]
    ).map((i) => i.type);
    expect(types.filter((t) => t === 'DeadlineOverdue' || t === 'DeadlineEscalated')).toEqual(['DeadlineOverdue', 'DeadlineEscalated']);
  });

  it('historical incidents import from CSV once, closed, and count in the register as of their dates', async () => {
    const csv = readFileSync(join(__dirname, '..', 'infra', 'demo', 'incidents.csv'), 'utf8');
    const importer = as('wb-imp', 'wellbeing_coordinator', 'force-history');
    const events = async (): Promise<number> =>
      (await e2e.pool.query<{ n: number }>("select count(*)::int as n from es_events where metadata->>'forceId' = 'force-history'")).rows[0]?.n ?? 0;
    const first = await request(http).post('/incidents/import').set(importer).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(first.body).toMatchObject({ dryRun: false, incidents: 4 });
    const stored = await events();
    await request(http).post('/incidents/import').set(importer).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(await events()).toBe(stored);
    const broken = csv.replace('fatal_road_collision', 'alien_abduction');
    const bad = await request(http).post('/incidents/import').set(importer).set('Content-Type', 'text/csv').send(broken).expect(422);
    expect((bad.body.rows as { line: number; column: string }[])[0]).toMatchObject({ line: 2, column: 'incident_type' });

    const closed = await waitForValue(
      async () => {
        const res = await request(http).get('/incidents').query({ status: 'closed' }).set(importer).expect(200);
        return res.body.total === 4 ? res.body : undefined;
      },
      { timeoutMs: 5_000, message: 'four imported incidents, closed' },
    );
    expect(closed.items.every((i: { overdue: boolean }) => !i.overdue)).toBe(true);
    const register = await request(http).get('/exposure-register').query({ to: '2025-03-31', aboveThreshold: 'true' }).set(importer).expect(200);
    expect(register.body.total).toBeGreaterThan(0);
  });

  describe('bad input is refused with the field named, and nothing is stored', () => {
    it('an unknown incident type, a colleague not exposed, a score that is not 0 or 1', async () => {
      const unknownType = await post('/incidents', supervisor, {
        type: 'alien_abduction',
        occurredAt: new Date().toISOString(),
        location: 'x',
        department: 'y',
        summary: 'zzz',
        exposedColleagues: colleagues.slice(0, 1),
      }).expect(422);
      expect(unknownType.body).toMatchObject({ code: 'INCIDENT.UNKNOWN_TYPE', field: 'type' });

      const incidentId = await recordIncident(supervisor, new Date(Date.now() - 60_000));
      const stranger = await post(`/incidents/${incidentId}/demobilisation`, supervisor, {
        ledBy: { personId: 'sgt-blake', lead: 'supervisor' },
        attendees: ['PC-999'],
        defusionNeeded: false,
      }).expect(422);
      expect(stranger.body.code).toBe('INCIDENT.NOT_EXPOSED');

      const trim = await post('/trim', coordinator, {
        personId: PEOPLE[2],
        personName: 'Officer 3',
        employmentType: 'police_staff',
        department: 'Roads Policing',
        source: 'incident',
        incidentId,
      }).expect(201);
      const activationId = trim.body.activationId as string;
      await post(`/trim/${activationId}/practitioner`, coordinator, { practitionerId: 'trim-prac' }).expect(200);
      const bad = await post(`/trim/${activationId}/assessments`, practitioner, {
        kind: 'initial',
        scores: { ...LOW, avoidance: 2 },
        notes: '',
        practitionerRequestedReferral: false,
      }).expect(400);
      expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['scores.avoidance']);
      const stored = await request(http).get(`/trim/${activationId}/timeline`).set(practitioner).expect(200);
      expect((stored.body.items as { type: string }[]).some((i) => i.type === 'TrimRiskAssessmentRecorded')).toBe(false);

      const missingIncident = await post('/trim', coordinator, {
        personId: PEOPLE[3],
        personName: 'Officer 4',
        employmentType: 'police_officer',
        department: 'Roads Policing',
        source: 'incident',
        incidentId: '6f1c7d5e-8a53-4cf4-9a43-8f7f1d2c9b10',
      }).expect(422);
      expect(missingIncident.body).toMatchObject({ code: 'TRIM.INCIDENT_NOT_FOUND', field: 'incidentId' });
    });

    it('a queue sort or order outside its list is refused naming the field; a known one is taken', async () => {
      const wellbeing = as('wb-coord', 'wellbeing_coordinator', FORCE);
      for (const [path, headers] of [['/trim/queue', practitioner], ['/support-tasks/queue', wellbeing]] as const) {
        const injected = await request(http).get(path).query({ sort: '; drop table trim_activations' }).set(headers).expect(400);
        expect((injected.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['sort']);
        const sideways = await request(http).get(path).query({ sort: 'name', order: 'sideways' }).set(headers).expect(400);
        expect((sideways.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['order']);
        await request(http).get(path).query({ sort: 'department', order: 'desc', department: 'Roads Policing' }).set(headers).expect(200);
      }
      // Neither read model holds an employment type, so neither queue filters by one.
      await request(http).get('/trim/queue').query({ employmentType: 'pcso' }).set(practitioner).expect(400);
    });
  });
});
