import { can, currentUser } from '../app-state';
import { date, label } from '../format';
import { options, withOffset, type ActionForm, type Field } from '../forms';
import { genericSummary, type CaseConfig, type CaseState } from './case';
import type { QueueConfig } from './queue';

/**
 * Queues and case pages for the trauma and retention workflows. Their summaries list the
 * case's own fields; their forms cover the day-to-day actions (the server refuses any the
 * case's stage does not allow, and the form shows why).
 */
const VIEWS: readonly (readonly [string, string])[] = [
  ['mine', 'Mine'],
  ['unassigned', 'Unassigned'],
  ['overdue', 'Overdue'],
  ['all', 'All open'],
];
const CLOSED = ['closed', 'cancelled', 'declined', 'completed', 'left', 'retained', 'stayed'];
const isOpen = (s: CaseState): boolean => !CLOSED.includes(s.status);
const PERSON_ID = /^[A-Za-z0-9._@-]{1,100}$/;

const text = (name: string, labelText: string, required = true, extra: Partial<Field> = {}): Field => ({
  name,
  label: labelText,
  type: 'text',
  required,
  ...extra,
});
const note = (name = 'note', labelText = 'Note', required = false): Field => ({ name, label: labelText, type: 'textarea', required, maxLength: 2000 });
const when = (name: string, labelText: string): Field => ({ name, label: labelText, type: 'datetime', required: true });
const drop = (v: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined));
const me = (): string => currentUser()?.userId ?? '';

const nameOf = (i: Record<string, unknown>): string => String(i.personName ?? i.name ?? i.subjectName ?? i.personId ?? 'Unnamed');

function simpleCase(kind: string, endpoint: string, back: string, backText: string, actions: (s: CaseState, base: string) => ActionForm[]): CaseConfig {
  return {
    kind,
    endpoint,
    backHref: back,
    backText,
    titleOf: (s) => nameOf(s),
    summary: (s) => genericSummary(s),
    actions: (s, id) => (isOpen(s) ? actions(s, `${endpoint}/${encodeURIComponent(id)}`) : []),
  };
}

export const trimQueue: QueueConfig = {
  title: 'TRiM activations',
  endpoint: '/trim/queue',
  route: '#/trim',
  idOf: (i) => String(i.activationId),
  nameOf,
  views: VIEWS,
  columns: [
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Activated', cell: (i) => date(String(i.activatedAt)) },
    { header: 'Practitioner', cell: (i) => String(i.practitionerId ?? 'Unallocated') },
  ],
};

export const trimCase = simpleCase('TRiM activation', '/trim', '#/trim', 'Back to TRiM activations', (_s, base) => [
  {
    id: 'practitioner',
    title: 'Allocate a practitioner',
    path: `${base}/practitioner`,
    submitLabel: 'Allocate',
    fields: [text('practitionerId', 'Practitioner', true, { value: me(), pattern: PERSON_ID })],
    toBody: (v) => ({ practitionerId: v.practitionerId }),
  },
  {
    id: 'brief',
    title: 'Record the trauma intervention brief',
    path: `${base}/brief`,
    submitLabel: 'Save brief',
    fields: [when('deliveredAt', 'Delivered at')],
    toBody: (v) => ({ deliveredAt: withOffset(String(v.deliveredAt)) }),
  },
  {
    id: 'close',
    title: 'Close the activation',
    secondary: true,
    path: `${base}/close`,
    submitLabel: 'Close',
    fields: [{ name: 'outcome', label: 'Outcome', type: 'radios', required: true, options: options(['no_further_action', 'referred_to_oh', 'referred_to_clinical_care'], label) }, note()],
    toBody: (v) => drop({ outcome: v.outcome, note: v.note }),
  },
]);

export const supportTaskQueue: QueueConfig = {
  title: 'Repeat-exposure support tasks',
  endpoint: '/support-tasks/queue',
  route: '#/support-tasks',
  idOf: (i) => String(i.taskId),
  nameOf,
  views: VIEWS,
  columns: [
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Raised', cell: (i) => date(String(i.raisedAt)) },
    { header: 'Coordinator', cell: (i) => String(i.coordinatorId ?? 'Unassigned') },
  ],
};

export const supportTaskCase = simpleCase('Proactive support task', '/support-tasks', '#/support-tasks', 'Back to support tasks', (s, base) => [
  ...(s.coordinatorId
    ? []
    : [
        {
          id: 'coordinator',
          title: 'Take this task',
          path: `${base}/coordinator`,
          submitLabel: 'Assign',
          fields: [text('coordinatorId', 'Coordinator', true, { value: me(), pattern: PERSON_ID })],
          toBody: (v: Record<string, unknown>) => ({ coordinatorId: v.coordinatorId }),
        },
      ]),
  {
    id: 'contact',
    title: 'Record a contact',
    path: `${base}/contacts`,
    submitLabel: 'Save contact',
    fields: [
      { name: 'method', label: 'How', type: 'radios', required: true, options: options(['in_person', 'telephone', 'video', 'email', 'message'], label) },
      { name: 'reached', label: 'Did you reach them?', type: 'radios', required: true, options: [['true', 'Yes'], ['false', 'No']] },
      note(),
    ],
    toBody: (v) => drop({ method: v.method, reached: v.reached === 'true', note: v.note }),
  },
  {
    id: 'offer',
    title: 'Offer support',
    path: `${base}/offers`,
    submitLabel: 'Save offer',
    fields: [{ name: 'offer', label: 'Support offered', type: 'radios', required: true, options: options(['trim_assessment', 'oh_referral', 'peer_support', 'eap', 'welfare_check'], label) }, note()],
    toBody: (v) => drop({ offer: v.offer, note: v.note }),
  },
  {
    id: 'close',
    title: 'Close the task',
    secondary: true,
    path: `${base}/close`,
    submitLabel: 'Close task',
    fields: [
      { name: 'outcome', label: 'Outcome', type: 'radios', required: true, options: options(['support_accepted', 'support_declined', 'no_support_needed', 'unable_to_contact', 'other'], label) },
      note(),
    ],
    toBody: (v) => drop({ outcome: v.outcome, note: v.note }),
  },
]);

export const welfareQueue: QueueConfig = {
  title: 'Welfare liaison cases',
  endpoint: '/welfare-cases/queue',
  route: '#/welfare-cases',
  idOf: (i) => String(i.caseId ?? i.welfareCaseId ?? i.id),
  nameOf,
  views: VIEWS,
  columns: [
    { header: 'Department', cell: (i) => String(i.department ?? '—') },
    { header: 'WLO', cell: (i) => String(i.wloId ?? 'Unassigned') },
  ],
};

export const welfareCase = simpleCase('Welfare liaison case', '/welfare-cases', '#/welfare-cases', 'Back to welfare cases', (s, base) => [
  ...(s.wloId || !can('retention.openWelfare')
    ? []
    : [
        {
          id: 'wlo',
          title: 'Assign a welfare liaison officer',
          path: `${base}/wlo`,
          submitLabel: 'Assign',
          fields: [text('wloId', 'Welfare liaison officer', true, { value: me(), pattern: PERSON_ID })],
          toBody: (v: Record<string, unknown>) => ({ wloId: v.wloId }),
        },
      ]),
  {
    id: 'contact',
    title: 'Record a contact',
    path: `${base}/contacts`,
    submitLabel: 'Save contact',
    fields: [
      when('contactedAt', 'When'),
      { name: 'type', label: 'Type of contact', type: 'radios', required: true, options: options(['phone', 'video', 'visit', 'home_visit'], label) },
      { name: 'signposting', label: 'Signposted to', type: 'checkboxes', options: options(['eap', 'occupational_health', 'federation_or_union', 'gp', 'chaplaincy', 'financial_support', 'other'], label) },
      note('concerns', 'Concerns raised'),
    ],
    toBody: (v) => drop({ contactedAt: withOffset(String(v.contactedAt)), type: v.type, signposting: v.signposting, concerns: v.concerns }),
  },
  {
    id: 'close',
    title: 'Close the case',
    secondary: true,
    path: `${base}/close`,
    submitLabel: 'Close case',
    fields: [note('exitPlan', 'Exit plan', true), when('debriefHeldAt', 'Debrief held at')],
    toBody: (v) => ({ exitPlan: v.exitPlan, debriefHeldAt: withOffset(String(v.debriefHeldAt)) }),
  },
]);

export const stayQueue: QueueConfig = {
  title: 'Stay interviews',
  endpoint: '/stay-interviews/queue',
  route: '#/stay-interviews',
  idOf: (i) => String(i.stayInterviewId ?? i.caseId ?? i.id),
  nameOf,
  views: VIEWS,
  columns: [{ header: 'Department', cell: (i) => String(i.department ?? '—') }],
};

export const stayCase = simpleCase('Stay interview', '/stay-interviews', '#/stay-interviews', 'Back to stay interviews', (_s, base) => [
  {
    id: 'interviewer',
    title: 'Allocate an interviewer',
    path: `${base}/interviewer`,
    submitLabel: 'Allocate',
    fields: [text('interviewerId', 'Interviewer', true, { value: me(), pattern: PERSON_ID })],
    toBody: (v) => ({ interviewerId: v.interviewerId }),
  },
  {
    id: 'decline',
    title: 'The colleague declined',
    secondary: true,
    path: `${base}/decline`,
    submitLabel: 'Record decline',
    fields: [note('reason', 'Reason', true)],
    toBody: (v) => ({ reason: v.reason }),
  },
]);

export const exitQueue: QueueConfig = {
  title: 'Exits',
  endpoint: '/exits/queue',
  route: '#/exits',
  idOf: (i) => String(i.exitId ?? i.caseId ?? i.id),
  nameOf,
  views: VIEWS,
  columns: [
    { header: 'Department', cell: (i) => String(i.department ?? '—') },
    { header: 'Leaving', cell: (i) => date(i.leavingDate ? String(i.leavingDate) : null) },
  ],
};

export const exitCase = simpleCase('Exit', '/exits', '#/exits', 'Back to exits', (_s, base) => [
  {
    id: 'interviewer',
    title: 'Allocate an interviewer',
    path: `${base}/interviewer`,
    submitLabel: 'Allocate',
    fields: [text('interviewerId', 'Interviewer', true, { value: me(), pattern: PERSON_ID })],
    toBody: (v) => ({ interviewerId: v.interviewerId }),
  },
  {
    id: 'interview',
    title: 'Record the exit interview',
    path: `${base}/interview`,
    submitLabel: 'Save interview',
    fields: [when('heldAt', 'Held at'), note('summary', 'Summary')],
    toBody: (v) => drop({ heldAt: withOffset(String(v.heldAt)), summary: v.summary }),
  },
]);

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
  columns: [
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Occurred', cell: (i) => date(String(i.occurredAt)) },
    { header: 'Exposed', cell: (i) => String(i.exposed) },
  ],
};

export const incidentCase: CaseConfig = {
  ...simpleCase('Incident', '/incidents', '#/incidents', 'Back to incidents', () => []),
  titleOf: (s) => `${label(String(s.incidentType ?? 'Incident'))}${s.location ? `, ${String(s.location)}` : ''}`,
  idle: () => 'Record ESTIP stages through the API for now (see the README).',
};
