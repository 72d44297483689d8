import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { ALL_REPORTS } from '@casework/reporting/report-registry';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Tenancy: a token for force A can never read or change force B's data. Cases of every
 * workflow are made in force A through the API; callers of force B in the same roles then
 * find every one of them missing (404, exactly like an id that never existed), change
 * nothing by commanding them, and see none of them in any queue, list, register, report
 * or CSV, whose counts for force B stay at zero. A national analyst reads no case at all.
 */
const A = 'force-tenancy-a';
const B = 'force-tenancy-b';

/** The roles that work each kind of case, the same in both forces. */
const ROLES = {
  referral: 'oh_manager',
  incident: 'trim_coordinator',
  supervisor: 'supervisor',
  trim: 'trim_coordinator',
  exposure: 'wellbeing_coordinator',
  surveillance: 'wellbeing_coordinator',
  retention: 'retention_team',
  psd: 'professional_standards',
  welfare: 'head_of_wellbeing',
  reports: 'head_of_wellbeing',
} as const;
const inA = (role: string): Record<string, string> => as(`a-${role}`, role, A);
const inB = (role: string): Record<string, string> => as(`b-${role}`, role, B);

/** Names and person ids that appear only in force A: none may reach force B. */
const EXPOSED = { personId: 'TEN-A-701', name: 'Quillon Ashgrove' };
const SECRETS = [EXPOSED.personId, EXPOSED.name, 'TEN-A-401', 'Marisol Thackeray', 'TEN-A-501', 'Peregrine Voss', 'TEN-A-601', 'Ottoline Brack', 'TEN-A-801', 'Casimir Dunleavy', 'TEN-A-901', 'Wilhelmina Quarrie', 'TEN-A/PSD/0042'];

interface CaseOfA {
  readonly kind: string;
  readonly base: string;
  readonly id: string;
  /** The role that reads it (and commands it) in either force. */
  readonly role: string;
  /** A well-formed command, so only the tenancy check can stop it. */
  readonly command: { readonly path: string; readonly body: object };
  readonly extraReads?: readonly string[];
}

let e2e: E2eApp;
let http: App;
const cases: CaseOfA[] = [];

function post(path: string, headers: Record<string, string>, body: object): request.Test {
  return request(http).post(path).set(headers).send(body);
}

const get = (path: string, headers: Record<string, string>): request.Test => request(http).get(path).set(headers);

async function eventsOf(streamIdSuffix: string): Promise<number> {
  const { rows } = await e2e.pool.query<{ n: number }>('select count(*)::int as n from es_events where stream_id like $1', [`%-${streamIdSuffix}`]);
  return rows[0]?.n ?? 0;
}

async function eventsInForce(forceId: string): Promise<number> {
  const { rows } = await e2e.pool.query<{ n: number }>("select count(*)::int as n from es_events where metadata->>'forceId' = $1", [forceId]);
  return rows[0]?.n ?? 0;
}

const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();
const today = (offsetDays = 0): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function recordIncident(type: string, hours: number): Promise<string> {
  const res = await post('/incidents', inA(ROLES.supervisor), {
    type,
    occurredAt: hoursAgo(hours),
    location: 'Tenancy A yard',
    department: 'Response',
    summary: 'Attended a sudden death',
    exposedColleagues: [{ ...EXPOSED, department: 'Response', exposureRole: 'first_responder' }],
  }).expect(201);
  return res.body.incidentId as string;
}

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-tenancy-${process.pid}` });
  http = e2e.app.getHttpServer() as App;

  const referral = await post('/referrals', inA(ROLES.referral), {
    subjectId: 'TEN-A-401',
    subjectName: 'Marisol Thackeray',
    employmentType: 'police_officer',
    department: 'Response',
    source: 'management',
    category: 'mental_health',
    urgency: 'routine',
    reason: 'Sickness absence after a serious incident',
  }).expect(201);
  cases.push({
    kind: 'referral', base: '/referrals', id: referral.body.referralId as string, role: ROLES.referral,
    command: { path: 'cancel', body: { reason: 'force B tries to cancel' } },
  });

  // Three severe exposures in a few hours put one person over the repeat-exposure threshold.
  const incidentId = await recordIncident('death_of_child', 5);
  await recordIncident('firearms_discharge', 4);
  await recordIncident('suicide_or_sudden_death', 3);
  cases.push({
    kind: 'incident', base: '/incidents', id: incidentId, role: ROLES.incident,
    command: { path: 'close', body: { reason: 'force B tries to close' } },
  });

  const trim = await post('/trim', inA(ROLES.trim), {
    personId: EXPOSED.personId, personName: EXPOSED.name, employmentType: 'police_officer', department: 'Response', source: 'incident', incidentId,
  }).expect(201);
  cases.push({
    kind: 'trim', base: '/trim', id: trim.body.activationId as string, role: ROLES.trim,
    command: { path: 'practitioner', body: { practitionerId: 'b-prac' } }, extraReads: ['manager-view'],
  });

  const surveillance = await post('/surveillance', inA(ROLES.surveillance), {
    personId: 'TEN-A-501', personName: 'Peregrine Voss', department: 'Child Protection', role: 'Online child abuse investigator', level: 1,
  }).expect(201);
  cases.push({
    kind: 'surveillance', base: '/surveillance', id: surveillance.body.surveillanceId as string, role: ROLES.surveillance,
    command: { path: 'leave', body: { reason: 'force B tries to remove them' } },
  });

  const stay = await post('/stay-interviews', inA(ROLES.retention), {
    personId: 'TEN-A-601', personName: 'Ottoline Brack', employmentType: 'police_officer', department: 'Response', lineManagerId: 'a-insp',
    startDate: '2024-09-02', isStudentOfficer: true, source: 'line_manager', concerns: 'Shift pattern', intentToLeave: 'considering',
  }).expect(201);
  cases.push({
    kind: 'stay interview', base: '/stay-interviews', id: stay.body.stayInterviewId as string, role: ROLES.retention,
    command: { path: 'cancel', body: { reason: 'force B tries to cancel' } },
  });

  const exit = await post('/exits', inA(ROLES.retention), {
    personId: 'TEN-A-801', name: 'Casimir Dunleavy', employmentType: 'police_officer', department: 'Response', lineManagerId: 'a-insp',
    startDate: '2019-04-01', leavingDate: today(20), reason: 'resignation', optOutOfLineManager: false,
  }).expect(201);
  cases.push({
    kind: 'exit', base: '/exits', id: exit.body.exitId as string, role: ROLES.retention,
    command: { path: 'interviewer', body: { interviewerId: 'b-ret' } },
  });

  const welfare = await post('/welfare-cases', inA(ROLES.psd), {
    personId: 'TEN-A-901', name: 'Wilhelmina Quarrie', employmentType: 'police_officer', department: 'Custody',
    kind: 'gross_misconduct', reference: 'TEN-A/PSD/0042', startedAt: hoursAgo(1), suspended: true,
  }).expect(201);
  cases.push({
    kind: 'welfare case', base: '/welfare-cases', id: welfare.body.caseId as string, role: ROLES.welfare,
    command: { path: 'wlo/reassign', body: { wloId: 'b-wlo', reason: 'force B tries to take it' } },
  });

  // The proactive-support task is raised by a process manager: wait for it in force A.
  const taskQueue = async (): Promise<{ taskId: string; personId: string }[]> =>
    (await get('/support-tasks/queue?includeClosed=true', inA(ROLES.exposure)).expect(200)).body.items as { taskId: string; personId: string }[];
  const task = await waitForValue(async () => (await taskQueue()).find((t) => t.personId === EXPOSED.personId), {
    timeoutMs: 15_000,
    message: 'the proactive-support task in force A',
  });
  cases.push({
    kind: 'support task', base: '/support-tasks', id: task.taskId, role: ROLES.exposure,
    command: { path: 'coordinator', body: { coordinatorId: 'b-coord' } },
  });
}, 60_000);

afterAll(async () => {
  await e2e?.close();
});

/** Every list, queue, register and report a force's staff can read, with the role that reads it. */
const LISTS: readonly (readonly [string, string])[] = [
  ['/referrals/queue?view=all&includeClosed=true&pageSize=100', ROLES.referral],
  ['/incidents?pageSize=100', ROLES.incident],
  ['/trim/queue?includeEnded=true&pageSize=100', ROLES.trim],
  ['/support-tasks/queue?includeClosed=true&pageSize=100', ROLES.exposure],
  ['/exposure-register?pageSize=100', ROLES.exposure],
  ['/surveillance?pageSize=100', ROLES.surveillance],
  ['/surveillance/report', ROLES.surveillance],
  ['/stay-interviews/queue?includeClosed=true&pageSize=100', ROLES.retention],
  ['/exits/queue?includeClosed=true&pageSize=100', ROLES.retention],
  ['/welfare-cases/queue?includeClosed=true&pageSize=100', ROLES.welfare],
  ['/reports/trauma/estip-funnel', ROLES.reports],
  ['/reports/trauma/repeat-exposure', ROLES.reports],
  ['/reports/trauma/trim-activity', ROLES.reports],
  ['/reports/retention/leavers', ROLES.reports],
  ['/reports/retention/themes', ROLES.reports],
  ['/reports/retention/retention-rate', ROLES.reports],
  ['/reports/retention/wlo-compliance', ROLES.reports],
];

/** Each case's reads: the case, its timeline, and any view of it a workflow adds. */
const readsOf = (c: CaseOfA): string[] => [`${c.base}/${c.id}`, `${c.base}/${c.id}/timeline`, ...(c.extraReads ?? []).map((r) => `${c.base}/${c.id}/${r}`)];

describe('tenancy: force B never reads or changes force A', () => {
  it('force A made a case of every workflow, and reads each one', async () => {
    expect(cases.map((c) => c.kind).sort()).toEqual(
      ['exit', 'incident', 'referral', 'stay interview', 'support task', 'surveillance', 'trim', 'welfare case'],
    );
    for (const c of cases) for (const path of readsOf(c)) await get(path, inA(c.role)).expect(200);
  });

  it('every read of a force A case from force B is a plain 404 that names nothing of it', async () => {
    const leaks: string[] = [];
    for (const c of cases) {
      for (const path of readsOf(c)) {
        const res = await get(path, inB(c.role));
        const text = res.text;
        if (res.status !== 404 || !String(res.body.code).endsWith('NOT_FOUND') || SECRETS.some((s) => text.includes(s))) {
          leaks.push(`GET ${path} ${c.role}@B expected 404 NOT_FOUND without A's data, got ${res.status} ${text.slice(0, 160)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('every command on a force A case from force B is a 404, and force A’s streams are unchanged', async () => {
    const before = await Promise.all(cases.map((c) => eventsOf(c.id)));
    const beforeForce = await eventsInForce(A);
    const leaks: string[] = [];
    for (const c of cases) {
      const attempts = [
        [`${c.base}/${c.id}/${c.command.path}`, c.command.body],
        [`${c.base}/${c.id}/deadlines/${'triage'}/waive`, { reason: 'force B tries to waive' }],
      ] as const;
      for (const [path, body] of attempts) {
        // The role that may waive each kind of case in its own force.
        const role = path.endsWith('/waive') ? waiverOf(c) : c.role;
        const res = await post(path, inB(role), body);
        if (res.status !== 404 || SECRETS.some((s) => res.text.includes(s))) {
          leaks.push(`POST ${path} ${role}@B expected 404, got ${res.status} ${res.text.slice(0, 160)}`);
        }
      }
    }
    // A TRiM activation in force B cannot follow force A's incident either.
    const incident = cases.find((c) => c.kind === 'incident') as CaseOfA;
    const activation = await post('/trim', inB(ROLES.trim), {
      personId: EXPOSED.personId, personName: 'Anyone', employmentType: 'police_officer', department: 'Response', source: 'incident', incidentId: incident.id,
    });
    if (activation.status !== 422 || activation.body.code !== 'TRIM.INCIDENT_NOT_FOUND') leaks.push(`POST /trim citing A's incident from B got ${activation.status}`);

    expect(leaks).toEqual([]);
    expect(await Promise.all(cases.map((c) => eventsOf(c.id)))).toEqual(before);
    expect(await eventsInForce(A)).toBe(beforeForce);
  });

  it('no queue, list, register or report of force B shows a force A case, id or name', async () => {
    const ids = cases.map((c) => c.id);
    // Force A's own lists show its cases: the projections have caught up, so B's are a real test.
    const aText = (await Promise.all(LISTS.slice(0, 10).map(([path, role]) => get(path, inA(role)).expect(200)))).map((r) => r.text).join('\n');
    for (const c of cases) expect({ kind: c.kind, inAList: aText.includes(c.id) }).toEqual({ kind: c.kind, inAList: true });

    const leaks: string[] = [];
    for (const [path, role] of LISTS) {
      const res = await get(path, inB(role)).expect(200);
      const found = [...ids, ...SECRETS].filter((s) => res.text.includes(s));
      if (found.length > 0) leaks.push(`GET ${path} ${role}@B shows ${found.join(', ')}`);
    }
    expect(leaks).toEqual([]);
  });

  it('every named report for force B, as JSON and CSV, counts zero and names nobody from force A', async () => {
    const problems: string[] = [];
    for (const report of ALL_REPORTS) {
      const json = await get(`/reports/${report.name}`, inB(ROLES.reports)).expect(200);
      const body = json.body as { columns: { name: string; kind: string }[]; rows: Record<string, unknown>[] };
      const counts = body.columns.filter((c) => c.kind === 'count').map((c) => c.name);
      for (const row of body.rows) {
        for (const column of counts) {
          if (row[column] !== 0 && row[column] !== null) problems.push(`${report.name} ${column} = ${String(row[column])} in force B`);
        }
      }
      const csv = await get(`/reports/${report.name}?format=csv`, inB(ROLES.reports)).expect(200);
      for (const text of [json.text, csv.text]) {
        const found = [...cases.map((c) => c.id), ...SECRETS].filter((s) => text.includes(s));
        if (found.length > 0) problems.push(`${report.name} in force B shows ${found.join(', ')}`);
      }
    }
    // Force A's own figures are not zero: the report facts had been projected.
    const aFunnel = await get('/reports/estip-funnel', inA(ROLES.reports)).expect(200);
    expect(JSON.stringify(aFunnel.body.rows)).toMatch(/[1-9]/);
    expect(problems).toEqual([]);
  });

  it('a national analyst reads no case of any force', async () => {
    const analyst = as('n1', 'national_analyst', 'national');
    const answers: string[] = [];
    for (const c of cases) {
      for (const path of readsOf(c)) {
        const res = await get(path, analyst);
        if (res.status !== 403 || SECRETS.some((s) => res.text.includes(s))) answers.push(`GET ${path} national_analyst got ${res.status}`);
      }
    }
    expect(answers).toEqual([]);
  });
});

/** Who may waive a deadline on each kind of case (the matrix's `waive` for its controller). */
function waiverOf(c: CaseOfA): string {
  switch (c.kind) {
    case 'referral':
      return 'oh_manager';
    case 'trim':
      return 'trim_coordinator';
    case 'incident':
      return 'trim_coordinator';
    case 'welfare case':
      return 'head_of_wellbeing';
    default:
      return c.role;
  }
}
