import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import type { TraumaPolicyOverrides } from '@casework/trauma/application/trauma-policies';
import { surveillanceId } from '@casework/trauma/domain/surveillance/events';
import type { SurveillancePolicy } from '@casework/trauma/domain/surveillance/surveillance-policy';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Psychological surveillance over HTTP against the real PostgreSQL and Redis: a level-1
 * person's baseline screening goes overdue and escalates within seconds (this force's
 * grace period is two seconds), a screening moves the due date on, a change of role
 * brings it forward, leaving takes the person off the schedule; the report counts it.
 */
const FORCE = 'force-surv';
const DAY = 24 * 60 * 60 * 1000;

/** Level 1 is due at once on enrolment, so with a 2 s grace it is overdue in 2 s and escalated 1 s later. */
const HURRIED: SurveillancePolicy = {
  levels: {
    1: { interval: { duration: 'P6M' }, firstScreening: 'on_enrolment', providers: ['internal', 'external'] },
    2: { interval: { duration: 'P1Y' }, firstScreening: 'after_interval', providers: ['external'] },
    3: { interval: { duration: 'P14D' }, firstScreening: 'after_interval', providers: ['internal'] },
  },
  grace: { duration: 'PT2S' },
  escalation: [{ after: { duration: 'PT1S' }, notify: 'team_manager' }],
};

const coordinator = as('wb-coord', 'wellbeing_coordinator', FORCE);
const ohAdvisor = as('oh-adv', 'oh_advisor', FORCE);
const hr = as('hr-1', 'hr', FORCE);

const SAM = { personId: 'PC-201', personName: 'Sam Reid', department: 'Child Protection', role: 'Online child abuse investigator' };
const ALEX = { personId: 'PC-202', personName: 'Alex Morgan', department: 'Firearms', role: 'Firearms tactical advisor', level: 2 };
const JO = { personId: 'PC-203', personName: 'Jo Patel', department: 'Firearms', role: 'Firearms officer', level: 1 };
const samId = surveillanceId(FORCE, SAM.personId);
const alexId = surveillanceId(FORCE, ALEX.personId);
const joId = surveillanceId(FORCE, JO.personId);

interface Item {
  surveillanceId: string;
  personId: string;
  department: string;
  level: number | null;
  status: string;
  lastScreenedAt: string | null;
  lastResult: string | null;
  nextDueAt: string | null;
  nextDeadline: { kind: string; dueAt: string } | null;
  overdue: boolean;
  escalationLevel: number;
}

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({
    queue: `casework-e2e-surv-${process.pid}`,
    traumaPolicy: { forces: { [FORCE]: { surveillance: HURRIED } } } as TraumaPolicyOverrides,
  });
  http = e2e.app.getHttpServer() as App;
});

afterAll(async () => {
  await e2e?.close();
});

function post(path: string, headers: Record<string, string>, body: object = {}): request.Test {
  return request(http).post(path).set(headers).send(body);
}

async function list(query: Record<string, string> = {}, headers = coordinator): Promise<Item[]> {
  const res = await request(http).get('/surveillance').query(query).set(headers).expect(200);
  return res.body.items as Item[];
}

/** Polls the schedule until `match` finds the row wanted (projections are asynchronous). */
function waitForItem(query: Record<string, string>, match: (item: Item) => boolean, message: string, timeoutMs = 10_000): Promise<Item> {
  return waitForValue(async () => (await list(query)).find(match), { timeoutMs, message });
}

describe('psychological surveillance, end to end over HTTP', () => {
  let screenedAt: string;

  it('a level-1 baseline goes overdue and escalates; a screening moves the due date on and clears it; a change of role brings it forward', async () => {
    const enrolled = await post('/surveillance', coordinator, { ...SAM, level: 1 }).expect(201);
    expect(enrolled.headers.location).toBe(`/surveillance/${samId}`);
    expect(enrolled.headers.etag).toMatch(/^"\d+"$/);
    expect(enrolled.body).toMatchObject({ surveillanceId: samId, status: 'enrolled', level: 1, personId: SAM.personId });
    const baselineDue = enrolled.body.nextScreening.dueAt as string;
    expect(enrolled.body.deadlines).toHaveLength(1);

    // Overdue at the end of the 2 s grace period, escalated to the team manager 1 s later.
    const overdue = await waitForItem(
      { overdue: 'true' },
      (i) => i.surveillanceId === samId && i.escalationLevel === 2,
      'baseline screening overdue and escalated',
      15_000,
    );
    expect(overdue).toMatchObject({ overdue: true, nextDueAt: baselineDue, level: 1, status: 'enrolled' });
    expect(overdue.nextDeadline?.kind).toBe('screening');

    screenedAt = new Date(Date.now() - 1_000).toISOString();
    const screened = await post(`/surveillance/${samId}/screenings`, ohAdvisor, {
      completedAt: screenedAt,
      provider: 'internal',
      result: 'no_concerns',
    }).expect(200);
    expect(screened.body.lastScreening).toMatchObject({ provider: 'internal', result: 'no_concerns', completedAt: screenedAt });
    const nextDue = screened.body.nextScreening.dueAt as string;
    const days = (Date.parse(nextDue) - Date.parse(screenedAt)) / DAY;
    expect(days).toBeGreaterThan(180);
    expect(days).toBeLessThan(185);

    const current = await waitForItem(
      {},
      (i) => i.surveillanceId === samId && i.lastScreenedAt === screenedAt && i.nextDueAt === nextDue,
      'screening projected',
    );
    expect(current).toMatchObject({ overdue: false, escalationLevel: 0, lastResult: 'no_concerns' });
    expect(current.nextDeadline?.dueAt).toBe(new Date(Date.parse(nextDue) + 2_000).toISOString());
    expect((await list({ overdue: 'true' })).map((i) => i.surveillanceId)).not.toContain(samId);

    // Level 3 is screened every 14 days here: earlier than the level-1 date, so it is brought forward.
    const moved = await post(`/surveillance/${samId}/role`, coordinator, { role: 'Custody detention officer', level: 3 }).expect(200);
    expect(moved.body).toMatchObject({ level: 3, role: 'Custody detention officer' });
    const forward = moved.body.nextScreening as { level: number; dueAt: string };
    expect(forward.level).toBe(3);
    expect(Math.abs(Date.parse(forward.dueAt) - Date.parse(screenedAt) - 14 * DAY)).toBeLessThanOrEqual(60 * 60 * 1000);
    const rescheduled = await waitForItem({}, (i) => i.surveillanceId === samId && i.level === 3 && i.nextDueAt === forward.dueAt, 'role change projected');
    expect(rescheduled.overdue).toBe(false);

    const record = await request(http).get(`/surveillance/${samId}`).set(coordinator).expect(200);
    expect(record.headers.etag).toBe(moved.headers.etag);
    expect(record.body).toMatchObject({ surveillanceId: samId, status: 'enrolled', level: 3 });
  });

  it('the schedule filters and sorts (overdue first, then by due date); the report counts per level and department', async () => {
    await post('/surveillance', coordinator, ALEX).expect(201);
    await post('/surveillance', coordinator, JO).expect(201);

    const report = await waitForValue(
      async () => {
        const res = await request(http).get('/surveillance/report').set(coordinator).expect(200);
        const rows = res.body.rows as { level: number; overdue: number }[];
        return rows.length === 3 && rows[0]?.level === 1 && rows[0].overdue === 1 ? rows : undefined;
      },
      { timeoutMs: 15_000, message: 'report with the overdue level-1 screening' },
    );
    expect(report).toEqual([
      { level: 1, department: 'Firearms', enrolled: 1, screenedInLastInterval: 0, dueInNext30Days: 0, overdue: 1 },
      { level: 2, department: 'Firearms', enrolled: 1, screenedInLastInterval: 0, dueInNext30Days: 0, overdue: 0 },
      { level: 3, department: 'Child Protection', enrolled: 1, screenedInLastInterval: 1, dueInNext30Days: 1, overdue: 0 },
    ]);

    const all = await list();
    expect(all.map((i) => i.surveillanceId)).toEqual([joId, samId, alexId]);
    expect((await list({ level: '2' })).map((i) => i.surveillanceId)).toEqual([alexId]);
    expect((await list({ department: 'Firearms' })).map((i) => i.surveillanceId)).toEqual([joId, alexId]);
    const inTwoMonths = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
    expect((await list({ dueBefore: inTwoMonths })).map((i) => i.surveillanceId)).toEqual([joId, samId]);
    const page = await request(http).get('/surveillance').query({ pageSize: '1', page: '2' }).set(coordinator).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect((page.body.items as Item[]).map((i) => i.surveillanceId)).toEqual([samId]);

    // Reports carry no names.
    expect(JSON.stringify(report)).not.toContain('Jo Patel');
  });

  it('a waived screening is owed no more; leaving takes a person off the schedule; they may enrol again on the same record', async () => {
    const waived = await post(`/surveillance/${alexId}/deadlines/screening/waive`, coordinator, { reason: 'Long-term sick leave' }).expect(200);
    expect(waived.body.deadlines).toEqual([]);
    await waitForItem({}, (i) => i.surveillanceId === alexId && i.nextDueAt === null, 'waived screening projected');

    const left = await post(`/surveillance/${samId}/leave`, coordinator, { reason: 'Left the force' }).expect(200);
    expect(left.body).toMatchObject({ status: 'left', departure: { reason: 'Left the force' } });
    expect(left.body.deadlines).toEqual([]);
    const gone = await waitForItem({ status: 'left' }, (i) => i.surveillanceId === samId, 'departure projected');
    expect(gone).toMatchObject({ status: 'left', nextDueAt: null, overdue: false, lastScreenedAt: screenedAt });
    expect((await list()).map((i) => i.surveillanceId)).not.toContain(samId);
    const refused = await post(`/surveillance/${samId}/screenings`, ohAdvisor, {
      completedAt: new Date().toISOString(),
      provider: 'internal',
      result: 'no_concerns',
    }).expect(409);
    expect(refused.body.code).toBe('SURVEILLANCE.LEFT');

    const back = await post('/surveillance', coordinator, { ...SAM, department: 'Public Protection', level: 2 }).expect(201);
    expect(back.headers.location).toBe(`/surveillance/${samId}`);
    expect(back.body).toMatchObject({ status: 'enrolled', level: 2, lastScreening: { completedAt: screenedAt } });
    const nextDue = back.body.nextScreening.dueAt as string;
    const returned = await waitForItem({}, (i) => i.surveillanceId === samId && i.nextDueAt === nextDue, 're-enrolment projected');
    expect(returned).toMatchObject({ status: 'enrolled', level: 2, department: 'Public Protection', lastScreenedAt: screenedAt });

    const timeline = await request(http).get(`/surveillance/${samId}/timeline`).set(ohAdvisor).expect(200);
    const types = (timeline.body.items as { type: string }[]).map((i) => i.type);
    expect(types.filter((t) => t === 'SurveillanceEnrolled')).toHaveLength(2);
    expect(types).toEqual(
      expect.arrayContaining(['DeadlineOverdue', 'DeadlineEscalated', 'SurveillanceScreeningCompleted', 'SurveillanceRoleChanged', 'SurveillanceLeft']),
    );
  });

  describe('refusals', () => {
    it('bad input is a 400 naming the field; a domain rule is a 422 naming it', async () => {
      const badLevel = await post('/surveillance', coordinator, { ...SAM, personId: 'PC-299', level: 4 }).expect(400);
      expect((badLevel.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['level']);
      const badDate = await request(http).get('/surveillance').query({ dueBefore: '2026-02-30' }).set(coordinator).expect(400);
      expect((badDate.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['dueBefore']);
      const badRole = await post(`/surveillance/${alexId}/role`, coordinator, { role: 'Armourer' }).expect(400);
      expect((badRole.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['level']);
      await request(http).get('/surveillance/not-a-uuid').set(coordinator).expect(400);

      // Level 2 is screened by an external provider only.
      const provider = await post(`/surveillance/${samId}/screenings`, ohAdvisor, {
        completedAt: new Date(Date.now() - 1_000).toISOString(),
        provider: 'internal',
        result: 'no_concerns',
      }).expect(422);
      expect(provider.body).toMatchObject({ code: 'SURVEILLANCE.PROVIDER_NOT_ALLOWED', field: 'provider' });
      const twice = await post('/surveillance', coordinator, ALEX).expect(409);
      expect(twice.body.code).toBe('SURVEILLANCE.ALREADY_ENROLLED');
    });

    it('HR may not see or change the register; another force sees nothing', async () => {
      await request(http).get('/surveillance').set(hr).expect(403);
      await request(http).get('/surveillance/report').set(hr).expect(403);
      await request(http).get(`/surveillance/${samId}`).set(hr).expect(403);
      await post('/surveillance', hr, { ...SAM, personId: 'PC-298', level: 1 }).expect(403);

      const elsewhere = as('wb-other', 'wellbeing_coordinator', 'force-surv-other');
      const missing = await request(http).get(`/surveillance/${samId}`).set(elsewhere).expect(404);
      expect(missing.body.code).toBe('SURVEILLANCE.NOT_FOUND');
      expect((await list({}, elsewhere)).length).toBe(0);
      await request(http).get(`/surveillance/${surveillanceId(FORCE, 'PC-nobody')}`).set(coordinator).expect(404);
    });
  });
});
