import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { OffsetClock } from '@casework/core/time/clock';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Retention and welfare over HTTP against the real PostgreSQL and Redis: a stay interview
 * to its outcome, a resignation through its exit interview to "left", a welfare case whose
 * missed contact escalates and which later closes, and the People board's reports.
 */
const FORCE = 'force-retention';
const team = as('ret-ana', 'retention_team', FORCE);
const hr = as('hr-kay', 'hr', FORCE);
const lineManager = as('insp-moss', 'line_manager', FORCE);
const psd = as('psd-1', 'professional_standards', FORCE);
const wlo = as('wlo-dee', 'welfare_liaison_officer', FORCE);
const DAY = 24 * 3_600_000;

const clock = new OffsetClock();
let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({
    queue: `casework-e2e-retention-${process.pid}`,
    clock,
    retentionPolicy: {
      forces: {
        [FORCE]: {
          welfare: {
            contactCadence: { normal: { duration: 'PT2S' }, sickLeave: { duration: 'PT1S' } },
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

const londonDate = (offsetDays: number): string =>
  DateTime.fromJSDate(clock.now()).setZone('Europe/London').plus({ days: offsetDays }).toISODate() as string;

function leaver(personId: string, overrides: Record<string, unknown> = {}): object {
  return {
    personId,
    name: `Officer ${personId}`,
    employmentType: 'police_officer',
    department: 'Response',
    lineManagerId: 'insp-moss',
    startDate: '2019-04-01',
    leavingDate: londonDate(1),
    reason: 'resignation',
    optOutOfLineManager: false,
    ...overrides,
  };
}

describe('retention and welfare, end to end over HTTP', () => {
  it('a year of historical leavers imports once, all or nothing, and lands in the right quarters', async () => {
    const csv = readFileSync(join(__dirname, '..', 'infra', 'demo', 'leavers.csv'), 'utf8');
    const importer = as('hr-imp', 'hr', 'force-leavers');
    const count = async (): Promise<number> =>
      (await e2e.pool.query<{ n: number }>("select count(*)::int as n from es_events where metadata->>'forceId' = 'force-leavers'")).rows[0]?.n ?? 0;
    const bad = await request(http).post('/exits/import').set(importer).set('Content-Type', 'text/csv')
      .send(csv.replace(',resignation,', ',fired_into_space,')).expect(422);
    expect((bad.body.rows as { column: string }[])[0]?.column).toBe('reason');
    expect(await count()).toBe(0);
    const done = await request(http).post('/exits/import').set(importer).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, rows: 11, leavers: 11 });
    const stored = await count();
    await request(http).post('/exits/import').set(importer).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(await count()).toBe(stored);
    const rows = await waitForValue(
      async () => {
        const res = await request(http).get('/reports/retention/leavers').query({ by: 'reason' }).set(as('ret-imp', 'retention_team', 'force-leavers')).expect(200);
        const found = res.body.rows as { quarter: string; leavers: number; percentOfQuarter: number }[];
        return found.reduce((n, r) => n + r.leavers, 0) === 10 ? found : undefined;
      },
      { timeoutMs: 5_000, message: 'ten imported leavers (one resignation was withdrawn)' },
    );
    const quarters = [...new Set(rows.map((r) => r.quarter))];
    expect(quarters.length).toBeGreaterThanOrEqual(4);
    for (const quarter of quarters) {
      const total = rows.filter((r) => r.quarter === quarter).reduce((n, r) => n + r.percentOfQuarter, 0);
      expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.2);
    }
  });


  it('a stay interview runs from request to outcome, and the retention-rate report counts it', async () => {
    const requested = await post('/stay-interviews', lineManager, {
      personId: 'PC-2231',
      personName: 'Chris Lane',
      employmentType: 'police_officer',
      department: 'Response',
      lineManagerId: 'insp-moss',
      startDate: '2024-09-02',
      isStudentOfficer: true,
      source: 'line_manager',
      concerns: 'Shift pattern and childcare',
      intentToLeave: 'considering',
    }).expect(201);
    const id = requested.body.stayInterviewId as string;

    const manager = await post(`/stay-interviews/${id}/interviewer`, team, { interviewerId: 'insp-moss' }).expect(422);
    expect(manager.body).toMatchObject({ code: 'STAY.INTERVIEWER_IS_LINE_MANAGER', field: 'interviewerId' });
    await post(`/stay-interviews/${id}/interviewer`, team, { interviewerId: 'ret-ana' }).expect(200);
    const unknownTheme = await post(`/stay-interviews/${id}/interview`, team, {
      heldAt: clock.now().toISOString(),
      themes: ['weather'],
      intentToLeave: 'considering',
      recommendations: [],
    }).expect(422);
    expect(unknownTheme.body.field).toBe('themes');
    await post(`/stay-interviews/${id}/interview`, team, {
      heldAt: clock.now().toISOString(),
      themes: ['flexibility', 'workload'],
      intentToLeave: 'considering',
      recommendations: ['Move to a fixed-days pattern for six months'],
    }).expect(200);
    const agreed = await post(`/stay-interviews/${id}/actions`, team, {
      actions: [{ description: 'Request a fixed-days pattern', ownerId: 'insp-moss', dueDate: londonDate(14) }],
    }).expect(200);
    const actionId = (agreed.body.actions as { actionId: string }[])[0]?.actionId as string;
    await post(`/stay-interviews/${id}/actions/${actionId}/complete`, team).expect(200);
    await post(`/stay-interviews/${id}/follow-up`, team, { heldAt: clock.now().toISOString() }).expect(200);
    const outcome = await post(`/stay-interviews/${id}/outcome`, team, { outcome: 'stayed' }).expect(200);
    expect(outcome.body.status).toBe('closed');

    const timeline = await request(http).get(`/stay-interviews/${id}/timeline`).set(team).expect(200);
    expect((timeline.body.items as { type: string }[]).map((i) => i.type)).toEqual(
      expect.arrayContaining(['StayInterviewRequested', 'StayInterviewHeld', 'StayActionsAgreed', 'StayFollowUpHeld', 'StayOutcomeRecorded']),
    );
    const rate = await waitForValue(
      async () => {
        const res = await request(http).get('/reports/retention/retention-rate').set(team).expect(200);
        return (res.body.rows as unknown[]).length > 0 ? res.body.rows : undefined;
      },
      { timeoutMs: 5_000, message: 'retention-rate report' },
    );
    expect(rate).toEqual([{ intervention: 'stay_interview', cohort: 'student', outcomes: 1, stayed: 1, left: 0, retentionRate: 100 }]);
    const themes = await request(http).get('/reports/retention/themes').set(team).expect(200);
    expect((themes.body.rows as { theme: string; mentions: number }[]).map((r) => [r.theme, r.mentions]).sort()).toEqual([
      ['flexibility', 1],
      ['workload', 1],
    ]);
  });

  it('a welfare case escalates a missed contact, keeps its record of contact, and later closes', async () => {
    const opened = await post('/welfare-cases', psd, {
      personId: 'PC-3120',
      name: 'Jamie Cole',
      employmentType: 'police_officer',
      department: 'Custody',
      kind: 'gross_misconduct',
      reference: 'PSD/2026/0142',
      startedAt: new Date(clock.now().getTime() - 60_000).toISOString(),
      suspended: true,
    }).expect(201);
    const id = opened.body.caseId as string;
    await post(`/welfare-cases/${id}/wlo`, psd, { wloId: 'wlo-dee' }).expect(200);

    // The contact cadence is seconds in this force: nobody calls, so it goes overdue and escalates.
    const escalated = await waitForValue(
      async () => {
        const res = await request(http).get('/welfare-cases/queue').query({ view: 'overdue' }).set(wlo).expect(200);
        return (res.body.items as { caseId: string; escalationLevel: number }[]).find((i) => i.caseId === id && i.escalationLevel >= 2);
      },
      { timeoutMs: 15_000, message: 'missed contact escalated to the team manager' },
    );
    expect(escalated).toMatchObject({ overdue: true, nextDeadlineKind: 'contact' });

    await post(`/welfare-cases/${id}/contacts`, wlo, {
      contactedAt: clock.now().toISOString(),
      type: 'phone',
      concerns: 'Worried about finances while suspended',
      signposting: ['eap', 'financial_support'],
    }).expect(200);
    await post(`/welfare-cases/${id}/investigation/concluded`, psd, {
      outcome: 'No case to answer',
      concludedAt: new Date(clock.now().getTime() - 1_000).toISOString(),
    }).expect(200);
    const early = await post(`/welfare-cases/${id}/close`, wlo, {
      exitPlan: 'Return to custody duties with a phased restart; EAP details given',
      debriefHeldAt: new Date(clock.now().getTime() - 5_000).toISOString(),
    }).expect(422);
    expect(early.body.field).toBe('debriefHeldAt');
    const closed = await post(`/welfare-cases/${id}/close`, wlo, {
      exitPlan: 'Return to custody duties with a phased restart; EAP details given',
      debriefHeldAt: clock.now().toISOString(),
    }).expect(200);
    expect(closed.body.status).toBe('closed');
    const timeline = await request(http).get(`/welfare-cases/${id}/timeline`).set(wlo).expect(200);
    const types = (timeline.body.items as { type: string }[]).map((i) => i.type);
    expect(types).toEqual(expect.arrayContaining(['WelfareCaseOpened', 'WloAssigned', 'DeadlineOverdue', 'DeadlineEscalated', 'WelfareContactLogged', 'WelfareCaseClosed']));
    expect(JSON.stringify(timeline.body)).not.toContain('Worried about finances');

    const compliance = await waitForValue(
      async () => {
        const res = await request(http).get('/reports/retention/wlo-compliance').set(team).expect(200);
        const rows = res.body.rows as { department: string; cases: number; compliant: number }[];
        return rows.length > 0 ? rows : undefined;
      },
      { timeoutMs: 5_000, message: 'WLO compliance report' },
    );
    expect(compliance.find((r) => r.department === 'Custody')).toMatchObject({ cases: 1, compliant: 0, percentCompliant: 0 });
    await request(http).get(`/welfare-cases/${id}`).set(hr).expect(403);
  });

  it('resignations run through the exit interview to "left" with their reason; the leavers report counts them by quarter', async () => {
    // Three leavers this quarter: two resignations (one interviewed in full) and a retirement.
    const notified = await post('/exits', hr, leaver('PC-5521', { optOutOfLineManager: true, demographics: { ageBand: '25-34' } })).expect(201);
    const exitId = notified.body.exitId as string;
    const second = await post('/exits', hr, leaver('PC-5522')).expect(201);
    const third = await post('/exits', hr, leaver('PC-5523', { reason: 'retirement', startDate: '1996-09-01' })).expect(201);

    const optedOut = await post(`/exits/${exitId}/interviewer`, team, { interviewerId: 'insp-moss' }).expect(422);
    expect(optedOut.body).toMatchObject({ code: 'EXIT.INTERVIEWER_IS_LINE_MANAGER', field: 'interviewerId' });
    await post(`/exits/${exitId}/interviewer`, team, { interviewerId: 'ret-ana' }).expect(200);
    const badSurvey = await post(`/exits/${exitId}/survey`, team, { answers: { overall_experience: 9 } }).expect(422);
    expect(badSurvey.body.field).toMatch(/^answers\./);
    await post(`/exits/${exitId}/survey`, team, { answers: { overall_experience: 2, felt_valued: 2, would_recommend: false } }).expect(200);
    await post(`/exits/${exitId}/interview`, team, { heldAt: clock.now().toISOString(), summary: 'Moving for better pay' }).expect(200);
    await post(`/exits/${exitId}/drivers`, team, { codes: ['pay', 'promotion'] }).expect(200);
    // Too early: they leave tomorrow.
    const early = await post(`/exits/${exitId}/left`, hr, {}).expect(422);
    expect(early.body).toMatchObject({ code: 'EXIT.LEAVING_DATE_IN_FUTURE', field: 'leavingDate' });

    clock.advance(2 * DAY);
    try {
      const left = await post(`/exits/${exitId}/left`, hr, {}).expect(200);
      expect(left.body).toMatchObject({ status: 'left' });
      await post(`/exits/${second.body.exitId as string}/left`, hr, {}).expect(200);
      await post(`/exits/${third.body.exitId as string}/left`, hr, {}).expect(200);

      const rows = await waitForValue(
        async () => {
          const res = await request(http).get('/reports/retention/leavers').query({ by: 'reason' }).set(team).expect(200);
          const found = res.body.rows as { quarter: string; groups: { reason: string }; leavers: number; percentOfQuarter: number }[];
          return found.reduce((n, r) => n + r.leavers, 0) === 3 ? found : undefined;
        },
        { timeoutMs: 5_000, message: 'three leavers in the report' },
      );
      const leftOn = londonDate(-1);
      const expectedQuarter = `${leftOn.slice(0, 4)}-Q${Math.ceil(Number(leftOn.slice(5, 7)) / 3)}`;
      expect(rows.map((r) => [r.quarter, r.groups.reason, r.leavers, r.percentOfQuarter])).toEqual([
        [expectedQuarter, 'resignation', 2, 66.7],
        [expectedQuarter, 'retirement', 1, 33.3],
      ]);
      const byService = await request(http).get('/reports/retention/leavers').query({ by: 'lengthOfService,ageBand' }).set(team).expect(200);
      expect((byService.body.rows as { groups: Record<string, string>; leavers: number }[]).map((r) => [r.groups.lengthOfService, r.groups.ageBand, r.leavers])).toEqual([
        ['5-10y', '25-34', 1],
        ['5-10y', 'not_recorded', 1],
        ['20y+', 'not_recorded', 1],
      ]);
      const badDimension = await request(http).get('/reports/retention/leavers').query({ by: 'shoeSize' }).set(team).expect(400);
      expect(badDimension.body.errors[0].field).toBe('by');
      await request(http).get('/reports/retention/leavers').set(lineManager).expect(403);
      await request(http).get('/reports/retention/leavers').set(hr).expect(403); // HR reads /reports/leavers, suppressed
    } finally {
      clock.reset();
    }
  });

  it('a queue sort or order outside its list is refused naming the field; known ones and the new filters are taken', async () => {
    for (const [path, headers] of [['/stay-interviews/queue', team], ['/exits/queue', team], ['/welfare-cases/queue', wlo]] as const) {
      const injected = await request(http).get(path).query({ sort: '; drop table exit_cases' }).set(headers).expect(400);
      expect((injected.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['sort']);
      const sideways = await request(http).get(path).query({ sort: 'name', order: 'sideways', employmentType: 'astronaut' }).set(headers).expect(400);
      expect((sideways.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['employmentType', 'order']);
      await request(http).get(path).query({ sort: 'submitted', order: 'desc', department: 'Response', employmentType: 'pcso' }).set(headers).expect(200);
    }
  });
});
