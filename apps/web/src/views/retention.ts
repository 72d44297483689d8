import { who } from '../people';
import { html } from 'lit-html';
import { can } from '../app-state';
import { date, label } from '../format';
import type { ActionForm, Field, Values } from '../forms';
import { exitVocabulary, orError, stayVocabulary, VocabularyError, type ExitQuestion, type ExitVocabulary, type StayVocabulary, type Term } from '../vocabulary';
import type { CaseConfig, CaseState } from './case';
import type { CreateSpec } from './create';
import { queueSorts, type QueueConfig, type QueueItem } from './queue';
import { ANYONE } from '../directory';
import { day, drop, EMPLOYMENT_TYPES, employmentType, instant, isOpen, me, nameOf, note, notFuture, person, radios, staff, str, text, VIEWS, when, withDeadline, workflowCase, yesNo } from './workflow-kit';

/**
 * Welfare liaison, stay interviews and exits: queues, case forms and the pages that start
 * them. Fixed vocabulary mirrors libs/retention/src/domain/*; the stay themes, exit drivers
 * and exit survey are the force's own, from the API (GET …/vocabulary).
 */
const INVESTIGATION_KINDS = ['complaint', 'misconduct', 'gross_misconduct'];
const CONTACT_TYPES = ['phone', 'video', 'visit', 'home_visit'];
const SIGNPOSTS = ['eap', 'occupational_health', 'federation_or_union', 'gp', 'chaplaincy', 'financial_support', 'other'];
const INTENTS = ['none', 'considering', 'actively_looking', 'decided'];
const LEAVING_REASONS = ['retirement', 'transfer_out', 'resignation', 'ill_health_retirement', 'dismissal', 'other'];
const DISABILITY = ['disabled', 'not_disabled', 'prefer_not_to_say'];
const ACTION_ROWS = 3;
/** Who each allocation goes to (libs/identity/src/roles.ts); an action may be anyone's. */
const WLOS = ['welfare_liaison_officer'];
const INTERVIEWERS = ['retention_team'];

const checkboxes = (name: string, labelText: string, values: readonly string[], required = false): Field => ({
  name,
  label: labelText,
  type: 'checkboxes',
  required,
  options: values.map((v) => [v, label(v)] as const),
});
const termBoxes = (name: string, labelText: string, terms: readonly Term[], required = false): Field => ({
  name,
  label: labelText,
  type: 'checkboxes',
  required,
  options: terms.map((t) => [t.code, t.label] as const),
});
/** The list, or null with the page saying why the forms that need it are missing. */
const listOr = <T>(v: T | VocabularyError): T | null => (v instanceof VocabularyError ? null : v);
const noticeOf = (v: unknown): string | null => (v instanceof VocabularyError ? v.problem.title : null);
const queue = (title: string, section: string, id: (i: QueueItem) => unknown, owner: string, submitted: string, extra: Partial<QueueConfig> = {}): QueueConfig => ({
  title,
  endpoint: `/${section}/queue`,
  route: `#/${section}`,
  idOf: (i) => String(id(i)),
  nameOf,
  views: VIEWS,
  normalise: withDeadline,
  filters: [
    { name: 'department', label: 'Department' },
    { name: 'employmentType', label: 'Employment type', options: EMPLOYMENT_TYPES },
  ],
  sorts: queueSorts(submitted),
  columns: [
    { header: 'Department', cell: (i) => String(i.department ?? '—') },
    { header: owner, cell: (i) => who(i[owner === 'WLO' ? 'wloId' : 'interviewerId']) },
  ],
  ...extra,
});
const startLink = (permission: string, href: string, textOf: string) => () =>
  can(permission) ? html`<p class="govuk-body"><a class="govuk-link" href=${href}>${textOf}</a></p>` : html``;

export const welfareQueue = queue('Welfare liaison cases', 'welfare-cases', (i) => i.caseId, 'WLO', 'Date opened', {
  intro: startLink('retention.openWelfare', '#/welfare-cases/new', 'Open a welfare case'),
});

export const welfareCase = workflowCase('Welfare liaison case', '/welfare-cases', '#/welfare-cases', 'Back to welfare cases', (s: CaseState, base) => {
  if (!isOpen(s)) return [];
  const assigned = !!s.wloId;
  const investigating = s.status !== 'concluded';
  return [
    !assigned && can('retention.openWelfare') && {
      id: 'wlo',
      title: 'Assign a welfare liaison officer',
      path: `${base}/wlo`,
      submitLabel: 'Assign',
      fields: [staff('wloId', 'Welfare liaison officer', WLOS, true, { value: me() })],
      toBody: (v: Values) => ({ wloId: v.wloId }),
    },
    assigned && can('retention.welfare') && {
      id: 'contact',
      title: 'Record a contact',
      path: `${base}/contacts`,
      submitLabel: 'Save contact',
      fields: [when('contactedAt', 'When'), radios('type', 'Type of contact', CONTACT_TYPES), checkboxes('signposting', 'Signposted to', SIGNPOSTS), note('concerns', 'Concerns raised', false, 4000)],
      toBody: (v: Values) => drop({ contactedAt: instant(v, 'contactedAt'), type: v.type, signposting: v.signposting, concerns: v.concerns }),
    },
    assigned && can('retention.welfare') && !s.sickLeaveSince && {
      id: 'sick-start',
      title: 'Sick leave started',
      secondary: true,
      path: `${base}/sick-leave/start`,
      submitLabel: 'Record sick leave',
      fields: [when('startedAt', 'Started at')],
      toBody: (v: Values) => ({ startedAt: instant(v, 'startedAt') }),
    },
    assigned && can('retention.welfare') && !!s.sickLeaveSince && {
      id: 'sick-end',
      title: 'Sick leave ended',
      path: `${base}/sick-leave/end`,
      submitLabel: 'Record return',
      fields: [when('endedAt', 'Ended at')],
      toBody: (v: Values) => ({ endedAt: instant(v, 'endedAt') }),
    },
    investigating && can('retention.manageWelfare') && {
      id: 'progress',
      title: 'Investigation progress report',
      path: `${base}/investigation/progress`,
      submitLabel: 'Save progress report',
      fields: [when('reportedAt', 'Reported at'), note()],
      toBody: (v: Values) => drop({ reportedAt: instant(v, 'reportedAt'), note: v.note }),
    },
    investigating && can('retention.openWelfare') && {
      id: 'concluded',
      title: 'The investigation concluded',
      secondary: true,
      path: `${base}/investigation/concluded`,
      submitLabel: 'Record conclusion',
      fields: [note('outcome', 'Outcome', true), when('concludedAt', 'Concluded at')],
      toBody: (v: Values) => ({ outcome: v.outcome, concludedAt: instant(v, 'concludedAt') }),
    },
    !investigating && can('retention.welfare') && {
      id: 'close',
      title: 'Close the case',
      path: `${base}/close`,
      submitLabel: 'Close case',
      fields: [note('exitPlan', 'Exit plan', true, 4000), when('debriefHeldAt', 'Debrief held at')],
      toBody: (v: Values) => ({ exitPlan: v.exitPlan, debriefHeldAt: instant(v, 'debriefHeldAt') }),
    },
    assigned && can('retention.manageWelfare') && {
      id: 'reassign',
      title: 'Reassign to another WLO',
      secondary: true,
      path: `${base}/wlo/reassign`,
      submitLabel: 'Reassign',
      fields: [staff('wloId', 'New welfare liaison officer', WLOS), note('reason', 'Reason', true)],
      toBody: (v: Values) => ({ wloId: v.wloId, reason: v.reason }),
    },
  ];
}, { staffRoles: WLOS });

export const welfareCreate: CreateSpec = {
  section: 'welfare-cases',
  permission: 'retention.openWelfare',
  title: 'Open a welfare case',
  intro: 'A colleague under investigation gets a welfare liaison officer who stays in touch until it ends.',
  navText: 'Open a welfare case',
  idOf: (d) => String(d.caseId),
  caseHref: (id) => (can('retention.welfare') ? `#/welfare-cases/${id}` : null),
  action: {
    id: 'open',
    title: 'The colleague and the investigation',
    path: '/welfare-cases',
    submitLabel: 'Open case',
    fields: [person('personId', 'Staff or collar number'), text('name', 'Full name'), employmentType, text('department', 'Department'), radios('kind', 'Investigation', INVESTIGATION_KINDS), text('reference', 'Investigation reference', true, { maxLength: 100 }), when('startedAt', 'Investigation started'), yesNo('suspended', 'Suspended?')],
    toBody: (v) => ({ ...v, startedAt: instant(v, 'startedAt'), suspended: v.suspended === 'true' }),
  },
};

export const stayQueue = queue('Stay interviews', 'stay-interviews', (i) => i.stayId ?? i.stayInterviewId, 'Interviewer', 'Date requested', {
  intro: startLink('retention.requestStay', '#/stay-interviews/new', 'Request a stay interview'),
});

interface TrackedAction {
  readonly actionId: string;
  readonly description: string;
  readonly completedAt: string | null;
}

/** The stay-interview page, once the force's themes have loaded (or failed to). */
export async function loadStayCase(): Promise<CaseConfig> {
  const vocabulary = await orError(stayVocabulary());
  return { ...stayCase(listOr(vocabulary)), notice: (s) => (s.status === 'awaiting_interview' ? noticeOf(vocabulary) : null) };
}

const stayCase = (vocabulary: StayVocabulary | null): CaseConfig => workflowCase('Stay interview', '/stay-interviews', '#/stay-interviews', 'Back to stay interviews', (s: CaseState, base) => {
  if (!isOpen(s)) return [];
  const held = ['awaiting_actions', 'awaiting_follow_up', 'follow_up_held'].includes(s.status);
  const open = ((s.actions as TrackedAction[] | undefined) ?? []).filter((a) => !a.completedAt);
  return [
    !s.interviewerId && {
      id: 'interviewer',
      title: 'Allocate an interviewer',
      path: `${base}/interviewer`,
      submitLabel: 'Allocate',
      fields: [staff('interviewerId', 'Interviewer', INTERVIEWERS, true, { value: me() })],
      toBody: (v: Values) => ({ interviewerId: v.interviewerId }),
    },
    s.status === 'awaiting_interview' && !!vocabulary && {
      id: 'held',
      title: 'Record the interview',
      path: `${base}/interview`,
      submitLabel: 'Save interview',
      fields: [when('heldAt', 'Held at'), termBoxes('themes', 'Themes discussed', vocabulary?.themes ?? [], true), radios('intentToLeave', 'Intent to leave', INTENTS), note('recommendations', 'Recommendations', false, 20000)],
      check: (v: Values) => ({ heldAt: notFuture(v, 'heldAt', 'An interview is recorded once it has been held') }),
      toBody: (v: Values) => ({ heldAt: instant(v, 'heldAt'), themes: v.themes, intentToLeave: v.intentToLeave, recommendations: str(v, 'recommendations').split('\n').map((x) => x.trim()).filter(Boolean) }),
    },
    s.status === 'awaiting_actions' && {
      id: 'actions',
      title: 'Agree actions',
      description: 'Up to three actions here; the first is required.',
      path: `${base}/actions`,
      submitLabel: 'Save actions',
      fields: Array.from({ length: ACTION_ROWS }, (_, i) => [
        note(`a${i}_description`, `Action ${i + 1}: what`, i === 0),
        staff(`a${i}_ownerId`, `Action ${i + 1}: owner`, [ANYONE], i === 0, { aliases: [`actions.${i}.ownerId`] }),
        day(`a${i}_dueDate`, `Action ${i + 1}: due`, i === 0),
      ]).flat(),
      toBody: (v: Values) => ({
        actions: Array.from({ length: ACTION_ROWS }, (_, i) => i)
          .filter((i) => str(v, `a${i}_description`))
          .map((i) => ({ description: v[`a${i}_description`], ownerId: v[`a${i}_ownerId`], dueDate: v[`a${i}_dueDate`] })),
      }),
    },
    ...open.map(
      (a): ActionForm => ({
        id: `done-${a.actionId}`,
        title: `Action done: ${a.description}`,
        secondary: true,
        path: `${base}/actions/${encodeURIComponent(a.actionId)}/complete`,
        submitLabel: 'Mark as done',
        fields: [],
        toBody: () => ({}),
      }),
    ),
    s.status === 'awaiting_follow_up' && {
      id: 'follow-up',
      title: 'Record the follow-up',
      path: `${base}/follow-up`,
      submitLabel: 'Save follow-up',
      fields: [when('heldAt', 'Held at'), note()],
      toBody: (v: Values) => drop({ heldAt: instant(v, 'heldAt'), note: v.note }),
    },
    held && {
      id: 'outcome',
      title: 'Record the outcome',
      secondary: s.status !== 'follow_up_held',
      path: `${base}/outcome`,
      submitLabel: 'Save outcome',
      fields: [radios('outcome', 'Did they stay?', ['stayed', 'left']), day('leavingDate', 'Leaving date', false, 'Only if they left'), note()],
      check: (v: Values) => ({ leavingDate: v.outcome === 'left' && !v.leavingDate ? 'Enter the leaving date' : v.outcome === 'stayed' && v.leavingDate ? 'Someone who stayed has no leaving date' : undefined }),
      toBody: (v: Values) => drop({ outcome: v.outcome, leavingDate: v.leavingDate, note: v.note }),
    },
    !held && {
      id: 'decline',
      title: 'The colleague declined',
      secondary: true,
      path: `${base}/decline`,
      submitLabel: 'Record decline',
      fields: [note('reason', 'Reason', true)],
      toBody: (v: Values) => ({ reason: v.reason }),
    },
    {
      id: 'cancel',
      title: 'Withdraw the request',
      secondary: true,
      warning: true,
      path: `${base}/cancel`,
      submitLabel: 'Withdraw',
      fields: [note('reason', 'Reason', true)],
      toBody: (v: Values) => ({ reason: v.reason }),
    },
  ];
}, { staffRoles: [...INTERVIEWERS, ANYONE] });

export const stayCreate: CreateSpec = {
  section: 'stay-interviews',
  permission: 'retention.requestStay',
  title: 'Request a stay interview',
  intro: 'A conversation about what would help someone stay, with actions agreed and followed up.',
  navText: 'Request a stay interview',
  idOf: (d) => String(d.stayInterviewId),
  caseHref: (id) => (can('retention.retention') ? `#/stay-interviews/${id}` : null),
  action: {
    id: 'request',
    title: 'Who and why',
    path: '/stay-interviews',
    submitLabel: 'Request interview',
    fields: [person('personId', 'Staff or collar number'), text('personName', 'Full name'), employmentType, text('department', 'Department'), person('lineManagerId', 'Line manager'), day('startDate', 'Start date'), yesNo('isStudentOfficer', 'Student officer?'), radios('source', 'Who asked', ['self', 'line_manager']), note('concerns', 'Concerns', true, 4000), radios('intentToLeave', 'Intent to leave', INTENTS)],
    toBody: (v) => ({ ...v, isStudentOfficer: v.isStudentOfficer === 'true' }),
  },
};

export const exitQueue = queue('Exits', 'exits', (i) => i.exitId, 'Interviewer', 'Date notified', {
  intro: startLink('retention.notifyLeaving', '#/exits/new', 'Notify a leaving'),
  columns: [
    { header: 'Department', cell: (i) => String(i.department ?? '—') },
    { header: 'Leaving', cell: (i) => date(i.leavingDate ? String(i.leavingDate) : null) },
    { header: 'Interviewer', cell: (i) => who(i.interviewerId) },
  ],
});

const surveyField = (q: ExitQuestion): Field =>
  q.type === 'scale'
    ? { name: q.id, label: q.text, hint: '1 is poor, 5 is excellent', type: 'radios', required: q.required, options: ['1', '2', '3', '4', '5'].map((n) => [n, n] as const), aliases: [`answers.${q.id}`] }
    : q.type === 'yesno'
      ? { ...yesNo(q.id, q.text), required: q.required, aliases: [`answers.${q.id}`] }
      : { ...note(q.id, q.text, q.required), aliases: [`answers.${q.id}`] };

/** The exit page, once the force's drivers and survey have loaded (or failed to). */
export async function loadExitCase(): Promise<CaseConfig> {
  const vocabulary = await orError(exitVocabulary());
  return { ...exitCase(listOr(vocabulary)), notice: (s) => (!['left', 'retained'].includes(s.status) && (!s.survey || !s.drivers) ? noticeOf(vocabulary) : null) };
}

/** Answers as the API takes them: 1–5 as numbers, yes/no as booleans, unanswered left out. */
function surveyAnswers(questions: readonly ExitQuestion[], v: Values): Record<string, string | number | boolean> {
  return Object.fromEntries(
    questions.filter((q) => str(v, q.id)).map((q) => [q.id, q.type === 'scale' ? Number(v[q.id]) : q.type === 'yesno' ? v[q.id] === 'true' : str(v, q.id)]),
  );
}

const exitCase = (vocabulary: ExitVocabulary | null): CaseConfig => workflowCase('Exit', '/exits', '#/exits', 'Back to exits', (s: CaseState, base) => {
  if (s.status === 'retained') return [];
  if (s.status === 'left') {
    return [
      !s.rejoiner && can('retention.notifyLeaving') && {
        id: 'rejoiner',
        title: 'They rejoined',
        path: `${base}/rejoiner`,
        submitLabel: 'Link rejoiner',
        fields: [day('rejoinedAt', 'Rejoined on'), person('newPersonRecordId', 'New staff number', false)],
        toBody: (v: Values) => drop({ rejoinedAt: v.rejoinedAt, newPersonRecordId: v.newPersonRecordId }),
      },
    ];
  }
  return [
    !s.interviewerId && {
      id: 'interviewer',
      title: 'Allocate an interviewer',
      path: `${base}/interviewer`,
      submitLabel: 'Allocate',
      fields: [staff('interviewerId', 'Interviewer', INTERVIEWERS, true, { value: me() })],
      toBody: (v: Values) => ({ interviewerId: v.interviewerId }),
    },
    !!s.interviewerId && !s.interview && {
      id: 'interview',
      title: 'Record the exit interview',
      path: `${base}/interview`,
      submitLabel: 'Save interview',
      fields: [when('heldAt', 'Held at'), note('summary', 'Summary', false, 8000)],
      check: (v: Values) => ({ heldAt: notFuture(v, 'heldAt', 'An interview is recorded once it has been held') }),
      toBody: (v: Values) => drop({ heldAt: instant(v, 'heldAt'), summary: v.summary }),
    },
    !s.survey && !!vocabulary && {
      id: 'survey',
      title: 'Exit survey answers',
      secondary: true,
      path: `${base}/survey`,
      submitLabel: 'Save survey',
      fields: vocabulary.questionnaire.questions.map(surveyField),
      toBody: (v: Values) => ({ answers: surveyAnswers(vocabulary.questionnaire.questions, v) }),
    },
    !s.drivers && !!vocabulary && {
      id: 'drivers',
      title: 'Why they are leaving (drivers)',
      path: `${base}/drivers`,
      submitLabel: 'Save drivers',
      fields: [{ ...termBoxes('codes', 'Drivers', vocabulary.drivers, true), aliases: vocabulary.drivers.map((_, i) => `codes.${i}`) }, note()],
      toBody: (v: Values) => drop({ codes: v.codes, note: v.note }),
    },
    s.reason === 'resignation' && {
      id: 'retained',
      title: 'Resignation withdrawn (retained)',
      secondary: true,
      path: `${base}/retained`,
      submitLabel: 'Record retained',
      fields: [note()],
      toBody: (v: Values) => drop({ note: v.note }),
    },
    can('retention.notifyLeaving') && {
      id: 'left',
      title: 'They have left',
      secondary: true,
      path: `${base}/left`,
      submitLabel: 'Record left',
      fields: [day('leavingDate', 'Left on', false, 'Leave blank if they left on the notified date')],
      toBody: (v: Values) => drop({ leavingDate: v.leavingDate }),
    },
    !s.survey && {
      id: 'survey-decline',
      title: 'They declined the survey',
      secondary: true,
      path: `${base}/survey/decline`,
      submitLabel: 'Record decline',
      fields: [note('reason', 'Reason')],
      toBody: (v: Values) => drop({ reason: v.reason }),
    },
    !s.interview && {
      id: 'interview-decline',
      title: 'They declined the interview',
      secondary: true,
      path: `${base}/interview/decline`,
      submitLabel: 'Record decline',
      fields: [note('reason', 'Reason')],
      toBody: (v: Values) => drop({ reason: v.reason }),
    },
  ];
}, { staffRoles: INTERVIEWERS });

export const exitCreate: CreateSpec = {
  section: 'exits',
  permission: 'retention.notifyLeaving',
  title: 'Notify a leaving',
  intro: 'Someone is leaving the force: the retention team offers an exit interview and survey.',
  navText: 'Notify a leaving',
  idOf: (d) => String(d.exitId),
  caseHref: (id) => (can('retention.retention') ? `#/exits/${id}` : null),
  action: {
    id: 'notify',
    title: 'Who is leaving',
    path: '/exits',
    submitLabel: 'Notify leaving',
    fields: [
      person('personId', 'Staff or collar number'),
      text('name', 'Full name'),
      employmentType,
      text('department', 'Department'),
      person('lineManagerId', 'Line manager', false, { aliases: ['person.lineManagerId'] }),
      day('startDate', 'Start date'),
      day('leavingDate', 'Leaving date'),
      radios('reason', 'Reason', LEAVING_REASONS),
      yesNo('optOutOfLineManager', 'Keep the line manager out of the exit interview?'),
      { name: 'disability', label: 'Disability (only if they chose to say)', type: 'select', options: DISABILITY.map((d) => [d, label(d)] as const), aliases: ['demographics.disability', 'demographics'] },
    ],
    toBody: (v) => drop({ ...v, disability: undefined, optOutOfLineManager: v.optOutOfLineManager === 'true', demographics: v.disability ? { disability: v.disability } : undefined }),
  },
};
