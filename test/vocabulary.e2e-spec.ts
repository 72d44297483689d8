import request from 'supertest';
import type { App } from 'supertest/types';
import type { Express } from 'express';
import { DEFAULT_INCIDENT_TAXONOMY } from '@casework/trauma/domain/incident/incident-taxonomy';
import { DEFAULT_EXIT_POLICY } from '@casework/retention/domain/exit/policy';
import { DEFAULT_STAY_THEMES } from '@casework/retention/domain/stay/themes';
import { as, startE2eApp, type E2eApp } from './support/e2e-app';

/**
 * The lists the web app's forms offer come from the caller's force's policy, the same one
 * the deciders check: a force with its own taxonomy, themes, drivers and survey gets those,
 * every other force the defaults, and what is served is what the decider accepts.
 */
const DEFAULT_FORCE = 'force-vocab-default';
const OWN = 'force-vocab-own';

const OWN_TYPES = [
  { code: 'water_rescue', label: 'Water rescue', weight: 2 },
  { code: 'other', label: 'Anything else', weight: 1 },
];
const OWN_THEMES = [
  { code: 'shift_pattern', label: 'Shift pattern' },
  { code: 'workload', label: 'Too much work' },
];
const OWN_QUESTIONNAIRE = {
  id: 'own-exit-v2',
  questions: [
    { id: 'overall', text: 'Overall, how was it here? (1–5)', type: 'scale' as const, required: true },
    { id: 'anything_else', text: 'Anything else?', type: 'text' as const, required: false },
  ],
};

let e2e: E2eApp;
let http: App;

beforeAll(async () => {
  e2e = await startE2eApp({
    queue: `casework-e2e-vocab-${process.pid}`,
    traumaPolicy: { forces: { [OWN]: { taxonomy: OWN_TYPES } } },
    retentionPolicy: {
      forces: { [OWN]: { stay: { themes: OWN_THEMES }, exit: { drivers: ['workload', 'shift_pattern'], questionnaire: OWN_QUESTIONNAIRE } } },
    },
  });
  http = e2e.app.getHttpServer() as App;
});

afterAll(async () => {
  await e2e?.close();
});

describe('a force with no policy of its own gets the defaults', () => {
  it('incident types, with their severity weights', async () => {
    const res = await request(http).get('/incidents/vocabulary').set(as('sgt-v', 'supervisor', DEFAULT_FORCE)).expect(200);
    expect(res.body).toEqual({ incidentTypes: DEFAULT_INCIDENT_TAXONOMY.map((t) => ({ ...t })) });
  });

  it('stay-interview themes', async () => {
    const res = await request(http).get('/stay-interviews/vocabulary').set(as('ret-v', 'retention_team', DEFAULT_FORCE)).expect(200);
    expect(res.body).toEqual({ themes: DEFAULT_STAY_THEMES.map((t) => ({ ...t })) });
  });

  it('leaving reasons, exit drivers labelled like the themes, and the exit questionnaire', async () => {
    const res = await request(http).get('/exits/vocabulary').set(as('how-v', 'head_of_wellbeing', DEFAULT_FORCE)).expect(200);
    expect(res.body.reasons).toContainEqual({ code: 'ill_health_retirement', label: 'Ill health retirement' });
    expect(res.body.drivers.map((d: { code: string }) => d.code)).toEqual([...DEFAULT_EXIT_POLICY.drivers]);
    expect(res.body.drivers).toContainEqual({ code: 'flexibility', label: 'Flexible working' });
    expect(res.body.drivers).toContainEqual({ code: 'other', label: 'Other' });
    expect(res.body.questionnaire).toEqual(DEFAULT_EXIT_POLICY.questionnaire);
  });
});

describe('a force with its own policy gets its own lists', () => {
  it('its incident types, and the decider accepts a type it serves', async () => {
    const supervisor = as('sgt-own', 'supervisor', OWN);
    const res = await request(http).get('/incidents/vocabulary').set(supervisor).expect(200);
    expect(res.body).toEqual({ incidentTypes: OWN_TYPES });
    await request(http)
      .post('/incidents')
      .set(supervisor)
      .set('Idempotency-Key', 'vocab-own-incident')
      .send({
        type: 'water_rescue',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        location: 'River Severn',
        department: 'Marine Unit',
        summary: 'Recovery of a body from the river',
        exposedColleagues: [{ personId: 'PC-9001', name: 'Kit Lowe', department: 'Marine Unit', exposureRole: 'first_responder' }],
      })
      .expect(201);
  });

  it('its stay themes', async () => {
    const res = await request(http).get('/stay-interviews/vocabulary').set(as('ret-own', 'retention_team', OWN)).expect(200);
    expect(res.body).toEqual({ themes: OWN_THEMES });
  });

  it('its drivers (labelled from its themes, else from the code) and its questionnaire', async () => {
    const res = await request(http).get('/exits/vocabulary').set(as('ret-own', 'retention_team', OWN)).expect(200);
    expect(res.body.drivers).toEqual([
      { code: 'workload', label: 'Too much work' },
      { code: 'shift_pattern', label: 'Shift pattern' },
    ]);
    expect(res.body.questionnaire).toEqual(OWN_QUESTIONNAIRE);
  });

  it('a default force still gets the defaults beside it', async () => {
    const res = await request(http).get('/incidents/vocabulary').set(as('sgt-v', 'supervisor', DEFAULT_FORCE)).expect(200);
    expect(res.body.incidentTypes.map((t: { code: string }) => t.code)).toContain('fatal_road_collision');
  });
});

describe('who may read them', () => {
  it.each([
    ['/incidents/vocabulary', 'hr', 'trauma.recordIncident'],
    ['/incidents/vocabulary', 'line_manager', 'trauma.recordIncident'],
    ['/stay-interviews/vocabulary', 'hr', 'retention.retention'],
    ['/exits/vocabulary', 'line_manager', 'retention.retention'],
    ['/exits/vocabulary', 'wellbeing_coordinator', 'retention.retention'],
  ])('%s refuses %s (needs %s)', async (path, role, permission) => {
    const res = await request(http).get(path).set(as(`no-${role}`, role, OWN)).expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(res.body)).toContain(permission);
  });

  it('no token is 401', async () => {
    await request(http).get('/exits/vocabulary').expect(401);
  });
});

describe('route order: the literal route is matched before the case controller’s GET :id', () => {
  it.each(['/incidents', '/stay-interviews', '/exits'])('under %s, vocabulary is registered before :id', (prefix) => {
    const stack = ((e2e.app.getHttpAdapter().getInstance() as Express).router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack;
    const indexOf = (path: string): number => stack.findIndex((layer) => layer.route?.path === path && layer.route.methods.get === true);
    expect(indexOf(`${prefix}/vocabulary`)).toBeGreaterThanOrEqual(0);
    expect(indexOf(`${prefix}/vocabulary`)).toBeLessThan(indexOf(`${prefix}/:id`));
  });

  it('and GET :id still serves cases (an unknown id is 404, not the vocabulary)', async () => {
    await request(http).get('/incidents/7b0c1f3e-3f7a-4c43-9d2e-0a1b2c3d4e5f').set(as('sgt-own', 'supervisor', OWN)).expect(404);
    await request(http).get('/exits/7b0c1f3e-3f7a-4c43-9d2e-0a1b2c3d4e5f').set(as('ret-own', 'retention_team', OWN)).expect(404);
  });
});
