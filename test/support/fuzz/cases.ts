import request from 'supertest';
import type { App } from 'supertest/types';
import { waitForValue } from '@casework/core/testing/wait-for';
import { as } from '../e2e-app';

export interface Resource {
  /** One role that holds every command permission of the workflow (libs/identity/src/permissions.ts). */
  readonly role: string;
  /** Its commands read Idempotency-Key and If-Match (a bad one is a 422 naming the header). */
  readonly commandHeaders: boolean;
}

/**
 * Who may call each resource's commands, so the fuzz tests validation, not authorisation.
 * A resource missing here fails the fuzz test.
 */
export const RESOURCES: Readonly<Record<string, Resource>> = {
  referrals: { role: 'oh_manager', commandHeaders: true },
  incidents: { role: 'trim_coordinator', commandHeaders: true },
  trim: { role: 'trim_coordinator', commandHeaders: true },
  'support-tasks': { role: 'wellbeing_coordinator', commandHeaders: true },
  surveillance: { role: 'head_of_wellbeing', commandHeaders: true },
  'stay-interviews': { role: 'retention_team', commandHeaders: true },
  exits: { role: 'retention_team', commandHeaders: true },
  'welfare-cases': { role: 'head_of_wellbeing', commandHeaders: true },
  'personal-data': { role: 'force_admin', commandHeaders: false },
};

export const EXPOSED_PERSON = 'FZ-EXPOSED-1';

/** A real case of each kind, so the fuzz gets past 404 to validation and the deciders. */
export interface RealCases {
  readonly ids: Readonly<Record<string, string>>;
  /** Values for the other path params (a real person id; uuids elsewhere). */
  readonly extraParams: Readonly<Record<string, string>>;
}

const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();
const inDays = (d: number): string => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

export async function createRealCases(http: App, forceId: string): Promise<RealCases> {
  const by = (resource: string): Record<string, string> => as(`fz-setup-${resource}`, (RESOURCES[resource] as Resource).role, forceId);
  const create = async (resource: string, body: object, headers = by(resource)): Promise<Record<string, unknown>> =>
    (await request(http).post(`/${resource}`).set(headers).send(body).expect(201)).body as Record<string, unknown>;

  const referral = await create('referrals', {
    subjectId: 'FZ-401', subjectName: 'Fuzz Subject', employmentType: 'police_officer', department: 'Response',
    source: 'management', category: 'mental_health', urgency: 'routine', reason: 'Sickness absence after a serious incident',
  });
  // Three severe exposures in a few hours raise a proactive-support task for the person.
  const incident = async (type: string, hours: number): Promise<string> =>
    (await create('incidents', {
      type, occurredAt: hoursAgo(hours), location: 'Fuzz yard', department: 'Response', summary: 'Attended a sudden death',
      exposedColleagues: [{ personId: EXPOSED_PERSON, name: 'Exposed Colleague', department: 'Response', exposureRole: 'first_responder' }],
    }, as('fz-setup-supervisor', 'supervisor', forceId))).incidentId as string;
  const incidentId = await incident('death_of_child', 5);
  await incident('firearms_discharge', 4);
  await incident('suicide_or_sudden_death', 3);
  const trim = await create('trim', {
    personId: EXPOSED_PERSON, personName: 'Exposed Colleague', employmentType: 'police_officer', department: 'Response', source: 'incident', incidentId,
  });
  const surveillance = await create('surveillance', {
    personId: 'FZ-501', personName: 'Screened Person', department: 'Child Protection', role: 'Online child abuse investigator', level: 1,
  });
  const stay = await create('stay-interviews', {
    personId: 'FZ-601', personName: 'Stay Person', employmentType: 'police_officer', department: 'Response', lineManagerId: 'fz-insp',
    startDate: '2024-09-02', isStudentOfficer: true, source: 'line_manager', concerns: 'Shift pattern', intentToLeave: 'considering',
  });
  const exit = await create('exits', {
    personId: 'FZ-801', name: 'Leaving Person', employmentType: 'police_officer', department: 'Response', lineManagerId: 'fz-insp',
    startDate: '2019-04-01', leavingDate: inDays(20), reason: 'resignation', optOutOfLineManager: false,
  });
  const welfare = await create('welfare-cases', {
    personId: 'FZ-901', name: 'Welfare Person', employmentType: 'police_officer', department: 'Custody',
    kind: 'gross_misconduct', reference: 'FZ/PSD/0042', startedAt: hoursAgo(1), suspended: true,
  }, as('fz-setup-psd', 'professional_standards', forceId));

  const task = await waitForValue(
    async () => {
      const res = await request(http).get('/support-tasks/queue?includeClosed=true').set(by('support-tasks')).expect(200);
      return (res.body.items as { taskId: string; personId: string }[]).find((t) => t.personId === EXPOSED_PERSON);
    },
    { timeoutMs: 15_000, message: 'the proactive-support task for the exposed colleague' },
  );

  return {
    ids: {
      referrals: referral.referralId as string,
      incidents: incidentId,
      trim: trim.activationId as string,
      'support-tasks': task.taskId,
      surveillance: surveillance.surveillanceId as string,
      'stay-interviews': stay.stayInterviewId as string,
      exits: exit.exitId as string,
      'welfare-cases': welfare.caseId as string,
    },
    extraParams: {
      personId: EXPOSED_PERSON,
      kind: 'triage',
      appointmentId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
      actionId: '7a2e3d4c-5b6f-4071-9b8c-0d1e2f3a4b5c',
      offerId: '8b3f4e5d-6c70-4182-8c9d-1e2f3a4b5c6d',
    },
  };
}
