import { who } from '../people';
import { html } from 'lit-html';
import { can } from '../app-state';
import { date, label } from '../format';
import type { ActionForm, Field, Values } from '../forms';
import type { CaseConfig, CaseState } from './case';
import type { CreateSpec } from './create';
import { queueSorts, type QueueConfig } from './queue';
import { incidentVocabulary, type IncidentVocabulary } from '../vocabulary';
import { ESTIP_STAGES, estipForms, stageOpen } from './estip';
import { caseSummary, drop, instant, isOpen, me, nameOf, note, notFuture, person, radios, staff, str, text, VIEWS, when, workflowCase } from './workflow-kit';

/**
 * Repeat-exposure support tasks, incidents (ESTIP) and health surveillance: queues, case
 * forms and the pages that start them. Fixed vocabulary mirrors libs/trauma/src/domain/*;
 * the incident types are the force's own, from GET /incidents/vocabulary.
 */
const CONTACT_METHODS = ['in_person', 'telephone', 'video', 'email', 'message'];
const SUPPORT_OFFERS = ['trim_assessment', 'oh_referral', 'peer_support', 'eap', 'welfare_check'];
const TASK_OUTCOMES = ['support_accepted', 'support_declined', 'no_support_needed', 'unable_to_contact', 'other'];
const EXPOSURE_ROLES = ['first_responder', 'investigator', 'witness', 'call_handler', 'reviewer', 'family_liaison', 'supervisor', 'other'];
const LEVELS = ['1', '2', '3'];
const COLLEAGUE_ROWS = 3;
/** Who takes a support task (libs/identity/src/roles.ts). */
const COORDINATORS = ['wellbeing_coordinator'];

interface Offer {
  readonly offerId: string;
  readonly offer: string;
  readonly offeredAt: string;
  readonly response: unknown;
}

export const supportTaskQueue: QueueConfig = {
  title: 'Repeat-exposure support tasks',
  endpoint: '/support-tasks/queue',
  route: '#/support-tasks',
  idOf: (i) => String(i.taskId),
  nameOf,
  views: VIEWS,
  // The support-task read model holds no employment type, so there is no filter for one.
  filters: [{ name: 'department', label: 'Department' }],
  sorts: queueSorts('Date raised'),
  columns: [
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Raised', cell: (i) => date(String(i.raisedAt)) },
    { header: 'Coordinator', cell: (i) => who(i.coordinatorId) },
  ],
};

export const supportTaskCase = workflowCase('Proactive support task', '/support-tasks', '#/support-tasks', 'Back to support tasks', (s: CaseState, base) => {
  if (!isOpen(s)) return [];
  const offers = (s.offers as Offer[] | undefined) ?? [];
  const pending = offers.filter((o) => o.response === null);
  return [
    !s.coordinatorId && {
      id: 'coordinator',
      title: 'Take this task',
      path: `${base}/coordinator`,
      submitLabel: 'Assign',
      fields: [staff('coordinatorId', 'Coordinator', COORDINATORS, true, { value: me() })],
      toBody: (v: Values) => ({ coordinatorId: v.coordinatorId }),
    },
    !!s.coordinatorId && {
      id: 'contact',
      title: 'Record a contact',
      path: `${base}/contacts`,
      submitLabel: 'Save contact',
      fields: [radios('method', 'How', CONTACT_METHODS), { name: 'reached', label: 'Did you reach them?', type: 'radios', required: true, options: [['true', 'Yes'], ['false', 'No']] }, note()],
      toBody: (v: Values) => drop({ method: v.method, reached: v.reached === 'true', note: v.note }),
    },
    ...pending.map(
      (o): ActionForm => ({
        id: `response-${o.offerId}`,
        title: `Their answer to the ${label(o.offer).toLowerCase()} offer`,
        path: `${base}/offers/${encodeURIComponent(o.offerId)}/response`,
        submitLabel: 'Save answer',
        fields: [radios('response', 'Answer', ['accepted', 'declined']), note('reason', 'Reason they gave')],
        toBody: (v) => drop({ response: v.response, reason: v.reason }),
      }),
    ),
    s.status === 'in_contact' &&
      pending.length === 0 && {
        id: 'offer',
        title: 'Offer support',
        path: `${base}/offers`,
        submitLabel: 'Save offer',
        fields: [radios('offer', 'Support offered', SUPPORT_OFFERS), note()],
        toBody: (v: Values) => drop({ offer: v.offer, note: v.note }),
      },
    {
      id: 'close',
      title: 'Close the task',
      secondary: true,
      path: `${base}/close`,
      submitLabel: 'Close task',
      fields: [radios('outcome', 'Outcome', TASK_OUTCOMES), note('note', 'Note', false)],
      check: (v: Values) => ({ note: v.outcome === 'other' && !v.note ? 'Say why the task is closed' : undefined }),
      toBody: (v: Values) => drop({ outcome: v.outcome, note: v.note }),
    },
  ];
}, { staffRoles: COORDINATORS });

export const incidentQueue: QueueConfig = {
  title: 'Incidents',
  endpoint: '/incidents',
  route: '#/incidents',
  idOf: (i) => String(i.incidentId),
  nameOf: (i) => `${String(i.typeLabel ?? label(String(i.incidentType)))}, ${String(i.location ?? '')}`,
  views: [
    ['all', 'All'],
    ['overdue', 'Overdue'],
  ],
  viewParam: (v) => (v === 'overdue' ? { overdue: 'true' } : {}),
  filters: [{ name: 'department', label: 'Department' }],
  columns: [
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Occurred', cell: (i) => date(String(i.occurredAt)) },
    { header: 'Exposed', cell: (i) => String(i.exposed) },
  ],
  intro: () => (can('trauma.recordIncident') ? html`<p class="govuk-body"><a class="govuk-link" href="#/incidents/new">Record an incident</a></p>` : html``),
};

const colleagueFields = (prefix: string, n: string, required: boolean): Field[] => {
  const cap = (t: string): string => (n ? `${n}${t}` : t.charAt(0).toUpperCase() + t.slice(1));
  return [
    person(`${prefix}personId`, cap('staff or collar number'), required),
    text(`${prefix}name`, cap('full name'), required),
    { name: `${prefix}exposureRole`, label: cap('exposure role'), type: 'select', required, options: EXPOSURE_ROLES.map((r) => [r, label(r)] as const) },
  ];
};

export const incidentCase: CaseConfig = {
  ...workflowCase('Incident', '/incidents', '#/incidents', 'Back to incidents', (s, base) => {
    if (!isOpen(s)) return [];
    return [
      can('trauma.recordIncident') && {
        id: 'exposure',
        title: 'Add an exposed colleague',
        path: `${base}/exposures`,
        submitLabel: 'Add colleague',
        fields: [...colleagueFields('', '', true), text('department', 'Their department', true, { value: String(s.department ?? '') })],
        toBody: (v: Values) => drop({ personId: v.personId, name: v.name, exposureRole: v.exposureRole, department: v.department }),
      },
      ...(can('trauma.runEstip') ? estipForms(s, base) : []),
      can('trauma.runEstip') && ESTIP_STAGES.some((st) => stageOpen(s, st)) && {
        id: 'skip',
        title: 'Skip an ESTIP stage',
        secondary: true,
        path: `${base}/stages/skip`,
        submitLabel: 'Skip stage',
        fields: [radios('stage', 'Stage', ESTIP_STAGES.filter((st) => stageOpen(s, st))), note('reason', 'Reason', true)],
        toBody: (v: Values) => ({ stage: v.stage, reason: v.reason }),
      },
      can('trauma.manageIncident') && {
        id: 'close',
        title: 'Close the incident',
        secondary: true,
        path: `${base}/close`,
        submitLabel: 'Close incident',
        fields: [note('reason', 'Reason', true)],
        toBody: (v: Values) => ({ reason: v.reason }),
      },
    ];
  }),
  titleOf: (s) => `${label(String(s.type ?? s.incidentType ?? 'Incident'))}${s.location ? `, ${String(s.location)}` : ''}`,
  summary: (s) => {
    const exposures = Object.values((s.exposures ?? {}) as Record<string, { name: string; exposureRole: string; status: string }>);
    const estip = (s.estip ?? {}) as Record<string, string>;
    return [
      ...caseSummary(s, ['exposures', 'estip']),
      ['ESTIP stages', ESTIP_STAGES.map((st) => `${label(st)}: ${label(estip[st] ?? 'pending').toLowerCase()}`).join('; ')],
      ['Exposed colleagues', exposures.length === 0 ? 'None recorded' : exposures.map((e) => `${e.name} (${label(e.exposureRole).toLowerCase()}${e.status === 'removed' ? ', removed' : ''})`).join('; ')],
    ];
  },
};

export const incidentCreate: CreateSpec = {
  section: 'incidents',
  permission: 'trauma.recordIncident',
  title: 'Record an incident',
  intro: 'Record a potentially traumatic incident and the colleagues exposed to it. ESTIP deadlines start from when it happened; add more colleagues from the incident page.',
  idOf: (d) => String(d.incidentId),
  caseHref: (id) => (can('trauma.readIncident') ? `#/incidents/${id}` : null),
  action: async () => incidentForm(await incidentVocabulary()),
};

const ROWS = Array.from({ length: COLLEAGUE_ROWS }, (_, i) => `c${i}_`);
const filledRows = (v: Values): string[] => ROWS.filter((p) => str(v, `${p}personId`));

/**
 * `exposedColleagues.N.field` (the DTO's) or `exposedColleagues[N].field` (the decider's)
 * is the Nth row sent, i.e. the Nth filled row; its department is the incident's.
 */
function colleagueField(serverField: string, v: Values): string | undefined {
  const m = /^exposedColleagues(?:\.(\d+)|\[(\d+)\])\.(\w+)$/.exec(serverField);
  if (!m) return serverField === 'exposedColleagues' ? 'c0_personId' : undefined;
  const row = filledRows(v)[Number(m[1] ?? m[2])];
  const name = m[3] ?? '';
  if (!row) return undefined;
  return name === 'department' ? 'department' : `${row}${name}`;
}

function incidentForm(vocabulary: IncidentVocabulary): ActionForm {
  return {
    id: 'incident',
    title: 'The incident',
    path: '/incidents',
    submitLabel: 'Record incident',
    fields: [
      { name: 'type', label: 'Type of incident', type: 'select', required: true, options: vocabulary.incidentTypes.map((t) => [t.code, t.label] as const) },
      when('occurredAt', 'When it happened'),
      text('location', 'Where it happened', true, { maxLength: 300 }),
      text('department', 'Department'),
      note('summary', 'What happened', true, 4000),
      ...Array.from({ length: COLLEAGUE_ROWS }, (_, i) => colleagueFields(`c${i}_`, `Colleague ${i + 1}: `, i === 0)).flat(),
    ],
    check: (v) => ({ occurredAt: notFuture(v, 'occurredAt', 'An incident is recorded once it has happened') }),
    fieldFor: colleagueField,
    toBody: (v) => ({
      type: v.type,
      occurredAt: instant(v, 'occurredAt'),
      location: v.location,
      department: v.department,
      summary: v.summary,
      exposedColleagues: filledRows(v).map((p) => ({ personId: v[`${p}personId`], name: v[`${p}name`], exposureRole: v[`${p}exposureRole`], department: v.department })),
    }),
  };
}

export const surveillanceQueue: QueueConfig = {
  title: 'Health surveillance',
  endpoint: '/surveillance',
  route: '#/surveillance',
  idOf: (i) => String(i.surveillanceId),
  nameOf,
  views: [
    ['all', 'On the register'],
    ['overdue', 'Overdue screening'],
  ],
  viewParam: (v) => (v === 'overdue' ? { overdue: 'true' } : {}),
  filters: [
    { name: 'department', label: 'Department' },
    { name: 'level', label: 'Level', options: LEVELS },
  ],
  columns: [
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Role', cell: (i) => `${String(i.role)}${i.level ? ` (level ${String(i.level)})` : ''}` },
    { header: 'Screening due', cell: (i) => date(i.nextDueAt ? String(i.nextDueAt) : null) },
  ],
  intro: () => (can('trauma.surveillance') ? html`<p class="govuk-body"><a class="govuk-link" href="#/surveillance/new">Enrol someone</a></p>` : html``),
};

export const surveillanceCase = workflowCase('Health surveillance', '/surveillance', '#/surveillance', 'Back to health surveillance', (s, base) => {
  if (s.status === 'left') return [];
  return [
    s.status === 'enrolled' && {
      id: 'screening',
      title: 'Record a screening',
      path: `${base}/screenings`,
      submitLabel: 'Save screening',
      fields: [when('completedAt', 'Completed at'), radios('provider', 'Provider', ['internal', 'external']), radios('result', 'Result', ['no_concerns', 'follow_up_recommended'])],
      check: (v: Values) => ({ completedAt: notFuture(v, 'completedAt', 'A screening is recorded once it has happened') }),
      toBody: (v: Values) => ({ completedAt: instant(v, 'completedAt'), provider: v.provider, result: v.result }),
    },
    {
      id: 'role',
      title: 'Change of role',
      secondary: true,
      path: `${base}/role`,
      submitLabel: 'Save role',
      fields: [text('role', 'New role'), { name: 'level', label: 'Screening level', type: 'radios', required: true, options: [...LEVELS.map((l) => [l, `Level ${l}`] as const), ['none', 'No screening needed']] }],
      toBody: (v: Values) => ({ role: v.role, level: v.level === 'none' ? null : Number(v.level) }),
    },
    {
      id: 'leave',
      title: 'Leaves surveillance',
      secondary: true,
      warning: true,
      path: `${base}/leave`,
      submitLabel: 'Record leaving',
      fields: [note('reason', 'Reason', true)],
      toBody: (v: Values) => ({ reason: v.reason }),
    },
  ];
});

export const surveillanceCreate: CreateSpec = {
  section: 'surveillance',
  permission: 'trauma.surveillance',
  title: 'Enrol in health surveillance',
  intro: 'Put someone in a high-risk role on the screening register; their first screening falls due from today.',
  idOf: (d) => String(d.surveillanceId),
  caseHref: (id) => `#/surveillance/${id}`,
  action: {
    id: 'enrol',
    title: 'Who and which role',
    path: '/surveillance',
    submitLabel: 'Enrol',
    fields: [person('personId', 'Staff or collar number'), text('personName', 'Full name'), text('department', 'Department'), text('role', 'Role'), radios('level', 'Screening level', LEVELS)],
    toBody: (v) => ({ personId: v.personId, personName: v.personName, department: v.department, role: v.role, level: Number(v.level) }),
  },
};
