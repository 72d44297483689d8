import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * Nobody sees their own case in a staff queue or list (the lists' half of the own-case
 * rule, test/own-case.e2e-spec.ts being the case routes' half). One colleague, staff
 * number OWN, is the subject of a case of every workflow that lists people. In each list
 * a colleague in the right role sees them; a caller in the same role whose token carries
 * OWN does not, while still seeing everyone else's. Incidents are exempt: they concern
 * everyone exposed.
 */
const FORCE = 'force-own-lists';
const OWN = 'S-7701';
const OTHER = 'S-7702';
const OWN_NAME = 'Rowan Selfsame';

const supervisor = as('sgt-ol', 'supervisor', FORCE, 'S-7700');
const psd = as('psd-ol', 'professional_standards', FORCE, 'S-7709');

interface List {
  readonly name: string;
  readonly path: string;
  /** Reads the list; every item names its subject as `personId`. */
  readonly role: string;
}

/** Every staff list that names a person per row, with the role that reads it. */
const LISTS: readonly List[] = [
  { name: 'TRiM queue', path: '/trim/queue?includeEnded=true&pageSize=100', role: 'trim_practitioner' },
  { name: 'support-task queue', path: '/support-tasks/queue?includeClosed=true&pageSize=100', role: 'wellbeing_coordinator' },
  { name: 'exposure register', path: '/exposure-register?pageSize=100', role: 'wellbeing_coordinator' },
  { name: 'surveillance schedule', path: '/surveillance?status=all&pageSize=100', role: 'wellbeing_coordinator' },
  { name: 'stay-interview queue', path: '/stay-interviews/queue?includeClosed=true&pageSize=100', role: 'retention_team' },
  { name: 'exit queue', path: '/exits/queue?includeClosed=true&pageSize=100', role: 'retention_team' },
  { name: 'welfare queue', path: '/welfare-cases/queue?includeClosed=true&pageSize=100', role: 'welfare_liaison_officer' },
];

const colleague = (role: string): Record<string, string> => as(`col-${role}`, role, FORCE, 'S-7799');
const self = (role: string): Record<string, string> => as(`own-${role}`, role, FORCE, OWN);

let e2e: E2eApp;
let http: App;

function post(path: string, headers: Record<string, string>, body: object): request.Test {
  return request(http).post(path).set(headers).send(body);
}

async function personIds(path: string, headers: Record<string, string>): Promise<unknown[]> {
  const res = await request(http).get(path).set(headers).expect(200);
  return (res.body.items as Record<string, unknown>[]).map((i) => i.personId);
}

const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();
const inDays = (d: number): string => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

async function recordIncident(type: string, hours: number): Promise<string> {
  const res = await post('/incidents', supervisor, {
    type,
    occurredAt: hoursAgo(hours),
    location: 'Own-lists yard',
    department: 'Response',
    summary: 'Attended a sudden death',
    exposedColleagues: [
      { personId: OWN, name: OWN_NAME, department: 'Response', exposureRole: 'first_responder' },
      { personId: OTHER, name: 'Avery Other', department: 'Response', exposureRole: 'first_responder' },
    ],
  }).expect(201);
  return res.body.incidentId as string;
}

/** A case of every listed workflow for `personId`, made by colleagues in the roles that open them. */
async function casesFor(personId: string, name: string): Promise<void> {
  await post('/trim', as('tc-ol', 'trim_coordinator', FORCE, 'S-7703'), {
    personId, personName: name, employmentType: 'police_officer', department: 'Response', source: 'manager_referral',
  }).expect(201);
  await post('/surveillance', as('wc-ol', 'wellbeing_coordinator', FORCE, 'S-7704'), {
    personId, personName: name, department: 'Child Protection', role: 'Online child abuse investigator', level: 1,
  }).expect(201);
  await post('/stay-interviews', as('rt-ol', 'retention_team', FORCE, 'S-7705'), {
    personId, personName: name, employmentType: 'police_officer', department: 'Response', lineManagerId: 'insp-ol',
    startDate: '2024-09-02', isStudentOfficer: true, source: 'line_manager', concerns: 'Shift pattern', intentToLeave: 'considering',
  }).expect(201);
  await post('/exits', as('rt-ol', 'retention_team', FORCE, 'S-7705'), {
    personId, name, employmentType: 'police_officer', department: 'Response', lineManagerId: 'insp-ol',
    startDate: '2019-04-01', leavingDate: inDays(20), reason: 'resignation', optOutOfLineManager: false,
  }).expect(201);
  await post('/welfare-cases', psd, {
    personId, name, employmentType: 'police_officer', department: 'Custody',
    kind: 'gross_misconduct', reference: `PSD/${personId}`, startedAt: hoursAgo(1), suspended: true,
  }).expect(201);
}

let incidentId: string;

beforeAll(async () => {
  e2e = await startE2eApp({ queue: `casework-e2e-own-lists-${process.pid}` });
  http = e2e.app.getHttpServer() as App;

  // Three severe exposures in a few hours put both colleagues over the repeat-exposure
  // threshold: the process manager raises a proactive-support task for each.
  incidentId = await recordIncident('death_of_child', 5);
  await recordIncident('firearms_discharge', 4);
  await recordIncident('suicide_or_sudden_death', 3);
  await casesFor(OWN, OWN_NAME);
  await casesFor(OTHER, 'Avery Other');

  // Projections and the process manager catch up: wait until a colleague sees both people in every list.
  for (const list of LISTS) {
    await waitForValue(
      async () => {
        const ids = await personIds(list.path, colleague(list.role));
        return ids.includes(OWN) && ids.includes(OTHER) ? true : undefined;
      },
      { timeoutMs: 15_000, message: `both people in the ${list.name}` },
    );
  }
}, 90_000);

afterAll(async () => {
  await e2e?.close();
});

describe('nobody sees their own case in a staff queue or list', () => {
  it.each(LISTS)('the $name leaves out the caller’s own case and shows everyone else’s', async (list) => {
    expect(await personIds(list.path, colleague(list.role))).toEqual(expect.arrayContaining([OWN, OTHER]));

    const own = await request(http).get(list.path).set(self(list.role)).expect(200);
    const ids = (own.body.items as Record<string, unknown>[]).map((i) => i.personId);
    expect(ids).toContain(OTHER);
    expect(ids).not.toContain(OWN);
    expect(JSON.stringify(own.body)).not.toContain(OWN_NAME);
    // The total counts what the caller may see, so paging never hints at a hidden row.
    expect(own.body.total).toBe(ids.length);
  });

  it.each(LISTS)('a caller whose token carries no staff number sees the $name unfiltered', async (list) => {
    const ids = await personIds(list.path, as(`anon-${list.role}`, list.role, FORCE));
    expect(ids).toEqual(expect.arrayContaining([OWN, OTHER]));
  });

  it('the own-case filter narrows only the caller’s own rows: every list’s total drops by exactly theirs', async () => {
    for (const list of LISTS) {
      const all = (await request(http).get(list.path).set(colleague(list.role)).expect(200)).body as { total: number; items: Record<string, unknown>[] };
      const own = (await request(http).get(list.path).set(self(list.role)).expect(200)).body as { total: number };
      const theirs = all.items.filter((i) => i.personId === OWN).length;
      expect({ list: list.name, total: own.total }).toEqual({ list: list.name, total: all.total - theirs });
    }
  });

  it('incidents are exempt: someone exposed still sees the incidents they were exposed in', async () => {
    const res = await request(http).get('/incidents?pageSize=100').set(as('own-tc', 'trim_coordinator', FORCE, OWN)).expect(200);
    expect((res.body.items as { incidentId: string }[]).map((i) => i.incidentId)).toContain(incidentId);
  });
});
