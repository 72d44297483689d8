import { who } from '../people';
import { html, nothing } from 'lit-html';
import { can, currentUser } from '../app-state';
import { date, dateTime, label, todayIso } from '../format';
import { options, withOffset, type ActionForm, type Values } from '../forms';
import type { CaseConfig, CaseState } from './case';
import { queueSorts, type QueueConfig } from './queue';
import { staff } from './workflow-kit';

/** The OH referral workflow's vocabulary (mirrors libs/referral/src/domain/types.ts). */
export const EMPLOYMENT_TYPES = ['police_officer', 'police_staff', 'pcso', 'special_constable', 'volunteer'];
const SOURCES = ['management', 'self', 'trim', 'welfare_liaison', 'hr'];
const CATEGORIES = ['mental_health', 'physical_health'];
const URGENCIES = ['routine', 'urgent'];
const PRIORITIES = ['high', 'medium', 'low'];
const FITNESS = ['fit', 'fit_with_adjustments', 'restricted_duties', 'unfit'];
const LIMITED_DUTIES = ['recuperative', 'adjusted'];
const RECOMMENDATIONS = [
  'reasonable_adjustments',
  'psychological_therapy',
  'counselling',
  'physiotherapy',
  'phased_return',
  'smp_referral',
  'ill_health_retirement',
  'no_further_action',
];
const MODES = ['in_person', 'telephone', 'video'];
const STATUSES = [
  'awaiting_triage',
  'awaiting_consent',
  'awaiting_appointment',
  'appointment_offered',
  'appointment_booked',
  'awaiting_outcome',
  'report_consent_pending',
  'report_ready',
  'report_released',
  'report_withheld',
  'under_review',
];
const SETTLED = ['report_released', 'report_withheld', 'under_review'];
const PERSON_ID = /^[A-Za-z0-9._@-]{1,100}$/;
const PERSON_ID_MESSAGE = 'Use 1 to 100 letters, digits, full stops, underscores, @ or hyphens';
/** Who works a referral, and who sees the colleague (libs/identity/src/roles.ts). */
const ADVISORS = ['oh_advisor'];
const CLINICIANS = ['oh_clinician'];

export const referralQueue: QueueConfig = {
  title: 'OH referrals',
  endpoint: '/referrals/queue',
  route: '#/referrals',
  idOf: (i) => String(i.referralId),
  nameOf: (i) => String(i.subjectName),
  views: [
    ['mine', 'My queue'],
    ['unassigned', 'Unassigned'],
    ['overdue', 'Overdue'],
    ['all', 'All open'],
  ],
  defaultView: 'all',
  filters: [
    { name: 'status', label: 'Status', options: STATUSES },
    { name: 'urgency', label: 'Urgency', options: URGENCIES },
    { name: 'category', label: 'Category', options: CATEGORIES },
    { name: 'employmentType', label: 'Employment type', options: EMPLOYMENT_TYPES },
    { name: 'department', label: 'Department' },
  ],
  sorts: queueSorts('Date submitted', 'Queue order (urgent first, then priority and next deadline)'),
  columns: [
    { header: 'Category', cell: (i) => label(String(i.category)) },
    { header: 'Priority', cell: (i) => (i.priority ? label(String(i.priority)) : 'Not triaged') },
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Submitted', cell: (i) => date(String(i.submittedAt)) },
  ],
  intro: () =>
    can('referral.submit') ? html`<p class="govuk-body"><a class="govuk-link" href="#/refer">Refer a colleague to occupational health</a></p>` : nothing,
};

interface Appointment {
  readonly appointmentId: string;
  readonly scheduledFor: string;
  readonly mode: string;
  readonly status: string;
}

const subjectOf = (s: CaseState): { subjectId: string; subjectName: string; role: string | null } =>
  s.subject as { subjectId: string; subjectName: string; role: string | null };
const appointmentsOf = (s: CaseState): readonly Appointment[] => (s.appointments as Appointment[] | undefined) ?? [];

export function referralCase(): CaseConfig {
  return {
    kind: 'OH referral',
    endpoint: '/referrals',
    backHref: '#/referrals',
    backText: 'Back to OH referrals',
    titleOf: (s) => subjectOf(s).subjectName,
    summary: (s) => {
      const outcome = s.outcome as { fitness: string; limitedDuties: string | null; recommendations: string[] } | null;
      const apps = appointmentsOf(s);
      const closure = s.closure as { reason: string; note: string | null } | undefined;
      return [
        ['Staff number', subjectOf(s).subjectId],
        ['Role', subjectOf(s).role ?? '—'],
        ['Employment type', label(String(s.employmentType))],
        ['Department', String(s.department)],
        ['Category', label(String(s.category))],
        ['Urgency', label(String(s.urgency))],
        ['Source', label(String(s.source))],
        ['Submitted', dateTime(String(s.submittedAt))],
        ['Priority', s.priority ? label(String(s.priority)) : 'Not triaged'],
        ['Advisor', who(s.advisorId)],
        ['Appointments', apps.length === 0 ? 'None yet' : html`${apps.map((a) => html`${dateTime(a.scheduledFor)}, ${label(a.mode)}: ${label(a.status)}<br>`)}`],
        ['Missed appointments', String(s.dnaCount ?? 0)],
        [
          'Outcome',
          outcome
            ? `${label(outcome.fitness)}${outcome.limitedDuties ? ` (${label(outcome.limitedDuties)} duties)` : ''}; ${outcome.recommendations.map(label).join(', ')}`
            : 'Not recorded',
        ],
        ...(s.reviewDate ? [['Review date', date(String(s.reviewDate))] as const] : []),
        ...(closure ? [['Closed', `${label(closure.reason)}${closure.note ? `: ${closure.note}` : ''}`] as const] : []),
      ];
    },
    actions: referralActions,
    staffRoles: [...ADVISORS, ...CLINICIANS],
    idle: (s) =>
      s.status === 'closed' || s.status === 'cancelled' ? 'This referral is finished.' : 'Your role has no action to take at this stage.',
  };
}

function referralActions(s: CaseState, id: string): ActionForm[] {
  const base = `/referrals/${encodeURIComponent(id)}`;
  const status = s.status;
  const actions: ActionForm[] = [];
  const me = currentUser();
  const current = appointmentsOf(s)[appointmentsOf(s).length - 1];
  const open = status !== 'closed' && status !== 'cancelled';

  if (status === 'awaiting_triage' && can('referral.triage')) {
    actions.push({
      id: 'triage',
      title: 'Triage the referral',
      path: `${base}/triage`,
      submitLabel: 'Save triage',
      fields: [
        { name: 'priority', label: 'Priority', type: 'radios', required: true, options: options(PRIORITIES, label) },
        staff('advisorId', 'Advisor', ADVISORS, true, { value: me?.userId ?? '' }),
      ],
      toBody: (v) => ({ priority: v.priority, advisorId: v.advisorId }),
    });
  }
  if (status === 'awaiting_consent' && can('referral.work')) {
    actions.push(consentForm('consent', 'Record consent to the referral', `${base}/consent`, 'Has the colleague consented to the referral?', 'Refusing closes the referral.'));
  }
  if (status === 'awaiting_appointment' && can('referral.work')) {
    actions.push({
      id: 'offer',
      title: 'Offer an appointment',
      path: `${base}/appointments`,
      submitLabel: 'Offer appointment',
      fields: [
        { name: 'scheduledFor', label: 'Date and time', type: 'datetime', required: true, hint: 'For example, 14 March at 10:30' },
        { name: 'mode', label: 'How', type: 'radios', required: true, options: options(MODES, label) },
        staff('clinicianId', 'Clinician', CLINICIANS, false),
      ],
      toBody: (v) => ({ scheduledFor: withOffset(String(v.scheduledFor)), mode: v.mode, ...(v.clinicianId ? { clinicianId: v.clinicianId } : {}) }),
    });
  }
  if (current && status === 'appointment_offered' && can('referral.work')) {
    actions.push({
      id: 'book',
      title: 'Book the offered appointment',
      description: `The colleague accepted the appointment on ${dateTime(current.scheduledFor)}.`,
      path: `${base}/appointments/${current.appointmentId}/book`,
      submitLabel: 'Book appointment',
      fields: [],
      toBody: () => ({}),
    });
  }
  if (current && (status === 'appointment_offered' || status === 'appointment_booked') && can('referral.work')) {
    actions.push({
      id: 'attendance',
      title: 'Record attendance',
      path: `${base}/appointments/${current.appointmentId}/attendance`,
      submitLabel: 'Save attendance',
      fields: [
        {
          name: 'attended',
          label: `Did the colleague attend the appointment on ${dateTime(current.scheduledFor)}?`,
          type: 'radios',
          required: true,
          options: [
            ['true', 'Attended'],
            ['false', 'Did not attend'],
          ],
        },
      ],
      toBody: (v) => ({ attended: v.attended === 'true' }),
    });
  }
  if (current && status === 'awaiting_outcome' && can('referral.clinical')) {
    actions.push({
      id: 'outcome',
      title: 'Record the assessment outcome',
      description: 'Clinical notes stay in the clinical record; they are never shown outside OH.',
      path: `${base}/outcome`,
      submitLabel: 'Save outcome',
      fields: [
        { name: 'appointmentId', label: 'Appointment', type: 'hidden', value: current.appointmentId },
        { name: 'fitness', label: 'Fitness for duty', type: 'radios', required: true, options: options(FITNESS, label) },
        {
          name: 'limitedDuties',
          label: 'Limited duties',
          type: 'radios',
          hint: 'Only with fit with adjustments or restricted duties',
          options: options(LIMITED_DUTIES, label),
        },
        { name: 'recommendations', label: 'Recommendations', type: 'checkboxes', required: true, options: options(RECOMMENDATIONS, label) },
        { name: 'clinicalNotes', label: 'Clinical notes', type: 'textarea', maxLength: 20000 },
      ],
      check: outcomeCheck(String(s.employmentType)),
      toBody: (v) => ({
        appointmentId: v.appointmentId,
        fitness: v.fitness,
        ...(v.limitedDuties ? { limitedDuties: v.limitedDuties } : {}),
        recommendations: v.recommendations,
        clinicalNotes: v.clinicalNotes ?? '',
      }),
    });
  }
  if (status === 'report_consent_pending' && can('referral.work')) {
    actions.push(consentForm('report-consent', 'Record consent to release the report', `${base}/report-consent`, 'Does the colleague consent to the report going to their manager?', 'Without consent the report is withheld.'));
  }
  if (status === 'report_ready' && can('referral.work')) {
    actions.push({
      id: 'release',
      title: 'Release the report',
      path: `${base}/report/release`,
      submitLabel: 'Release report',
      fields: [{ name: 'releasedTo', label: 'Released to', type: 'text', required: true, hint: 'Who receives the report, for example the line manager', maxLength: 200 }],
      toBody: (v) => ({ releasedTo: v.releasedTo }),
    });
  }
  if (SETTLED.includes(status) && can('referral.work')) {
    actions.push({
      id: 'close',
      title: 'Close the referral',
      path: `${base}/close`,
      submitLabel: 'Close referral',
      fields: [
        { name: 'reason', label: 'Reason', type: 'radios', required: true, value: 'completed', options: options(['completed', 'no_further_action', 'other'], label) },
        { name: 'note', label: 'Note', type: 'textarea', hint: 'Required when the reason is other', maxLength: 2000 },
      ],
      check: (v) => (v.reason === 'other' && !v.note ? { note: 'Enter a note saying why the referral is closed' } : {}),
      toBody: (v) => ({ reason: v.reason, ...(v.note ? { note: v.note } : {}) }),
    });
    actions.push({
      id: 'review',
      title: 'Set a review date',
      secondary: true,
      path: `${base}/review`,
      submitLabel: 'Set review date',
      fields: [{ name: 'reviewDate', label: 'Review date', type: 'date', required: true }],
      check: (v) => (v.reviewDate && String(v.reviewDate) <= todayIso() ? { reviewDate: 'The review date must be in the future' } : {}),
      toBody: (v) => ({ reviewDate: v.reviewDate }),
    });
  }
  if (open && !SETTLED.includes(status) && can('referral.work')) {
    actions.push({
      id: 'close-early',
      title: 'Close the referral early',
      secondary: true,
      path: `${base}/close`,
      submitLabel: 'Close referral',
      fields: [
        { name: 'reason', label: 'Reason', type: 'radios', required: true, options: options(['no_further_action', 'other'], label) },
        { name: 'note', label: 'Why is it closed?', type: 'textarea', required: true, maxLength: 2000 },
      ],
      toBody: (v) => ({ reason: v.reason, note: v.note }),
    });
  }
  if (open && status !== 'awaiting_triage' && can('referral.reassign')) {
    actions.push({
      id: 'reassign',
      title: 'Reassign to another advisor',
      secondary: true,
      path: `${base}/reassign`,
      submitLabel: 'Reassign',
      fields: [
        staff('toAdvisorId', 'New advisor', ADVISORS),
        { name: 'reason', label: 'Reason', type: 'textarea', maxLength: 2000 },
      ],
      toBody: (v) => ({ toAdvisorId: v.toAdvisorId, ...(v.reason ? { reason: v.reason } : {}) }),
    });
  }
  if (open && can('referral.manage')) {
    for (const d of (s.deadlines ?? [])) {
      actions.push({
        id: `waive-${d.kind}`,
        title: `Waive the ${label(d.kind).toLowerCase()} deadline`,
        secondary: true,
        path: `${base}/deadlines/${d.kind}/waive`,
        submitLabel: 'Waive deadline',
        fields: [{ name: 'reason', label: 'Reason', type: 'textarea', required: true, minLength: 3, maxLength: 2000 }],
        toBody: (v) => ({ reason: v.reason }),
      });
    }
    actions.push({
      id: 'cancel',
      title: 'Cancel the referral',
      secondary: true,
      warning: true,
      path: `${base}/cancel`,
      submitLabel: 'Cancel referral',
      fields: [{ name: 'reason', label: 'Reason', type: 'textarea', required: true, minLength: 3, maxLength: 2000 }],
      toBody: (v) => ({ reason: v.reason }),
    });
  }
  if (status === 'closed' && can('referral.manage')) {
    actions.push({
      id: 'reopen',
      title: 'Reopen the referral',
      path: `${base}/reopen`,
      submitLabel: 'Reopen referral',
      fields: [{ name: 'reason', label: 'Reason', type: 'textarea', required: true, minLength: 3, maxLength: 2000 }],
      toBody: (v) => ({ reason: v.reason }),
    });
  }
  return actions;
}

function consentForm(id: string, title: string, path: string, question: string, hint: string): ActionForm {
  return {
    id,
    title,
    path,
    submitLabel: 'Save consent',
    fields: [
      {
        name: 'consentGiven',
        label: question,
        hint,
        type: 'radios',
        required: true,
        options: [
          ['true', 'Yes, consent given'],
          ['false', 'No, consent refused'],
        ],
      },
    ],
    toBody: (v) => ({ consentGiven: v.consentGiven === 'true' }),
  };
}

function outcomeCheck(employmentType: string): (v: Values) => Record<string, string> {
  return (v) => {
    const errors: Record<string, string> = {};
    const limited = v.fitness === 'fit_with_adjustments' || v.fitness === 'restricted_duties';
    if (limited && !v.limitedDuties) errors.limitedDuties = 'Select which limited duties apply';
    if (!limited && v.fitness && v.limitedDuties) errors.limitedDuties = `Limited duties do not apply when ${label(String(v.fitness)).toLowerCase()}`;
    const recs = (v.recommendations as string[]) ?? [];
    if (recs.includes('no_further_action') && recs.length > 1) errors.recommendations = 'No further action cannot come with other recommendations';
    if (recs.includes('smp_referral') && employmentType !== 'police_officer') errors.recommendations = 'Only police officers are referred to an SMP';
    return errors;
  };
}

/** The referral form: anyone in the force may refer a colleague or themselves. */
export function submitReferralForm(): ActionForm {
  return {
    id: 'refer',
    title: 'Refer a colleague',
    path: '/referrals',
    submitLabel: 'Submit referral',
    fields: [
      { name: 'subjectId', label: 'Staff or collar number', type: 'text', required: true, pattern: PERSON_ID, patternMessage: PERSON_ID_MESSAGE },
      { name: 'subjectName', label: 'Full name', type: 'text', required: true, maxLength: 200 },
      { name: 'employmentType', label: 'Employment type', type: 'select', required: true, options: options(EMPLOYMENT_TYPES, label) },
      { name: 'department', label: 'Department', type: 'text', required: true, maxLength: 200, hint: 'For example, Response, North' },
      { name: 'role', label: 'Role', type: 'text', maxLength: 200 },
      { name: 'source', label: 'Type of referral', type: 'radios', required: true, options: options(SOURCES, label), value: 'management' },
      { name: 'category', label: 'Category', type: 'radios', required: true, options: options(CATEGORIES, label) },
      { name: 'urgency', label: 'Urgency', type: 'radios', required: true, options: options(URGENCIES, label), value: 'routine', hint: 'Urgent, for example, after an assault on duty' },
      { name: 'reason', label: 'Reason for the referral', type: 'textarea', required: true, minLength: 3, maxLength: 4000, hint: 'Why you are referring. Do not include clinical detail.' },
      { name: 'lineManagerId', label: 'Line manager’s staff number', type: 'text', pattern: PERSON_ID, patternMessage: PERSON_ID_MESSAGE },
    ],
    toBody: (v) => {
      const body: Record<string, unknown> = {};
      for (const [k, value] of Object.entries(v)) if (value !== '') body[k] = value;
      return body;
    },
  };
}
