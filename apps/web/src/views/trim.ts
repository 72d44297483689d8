import { who } from '../people';
import { html } from 'lit-html';
import { can } from '../app-state';
import { date } from '../format';
import type { ActionForm, Field, Values } from '../forms';
import type { CaseState } from './case';
import type { CreateSpec } from './create';
import { queueSorts, type QueueConfig } from './queue';
import { drop, employmentType, instant, isOpen, me, nameOf, note, notFuture, person, radios, staff, str, text, when, workflowCase } from './workflow-kit';

/**
 * TRiM activations (confidential to TRiM staff: the API serves these pages to no one else).
 * Mirrors libs/trauma/src/domain/trim: the ten risk items, their order and the path
 * practitioner → brief → initial assessment → follow-up → close, with a decline at any stage.
 */
export const TRIM_RISK_ITEMS: readonly (readonly [string, string])[] = [
  ['felt_out_of_control', 'Felt out of control during the event'],
  ['life_threatened', 'Felt their life was threatened during the event'],
  ['blames_others', 'Blames others for what happened'],
  ['shame_or_guilt', 'Feels shame or guilt about the event'],
  ['historic_trauma_problems', 'Had problems coping after earlier traumatic events'],
  ['lacks_social_support', 'Has lacked social support since the event'],
  ['day_to_day_functioning_problems', 'Has problems with day-to-day functioning'],
  ['excessive_alcohol_use', 'Drinks alcohol excessively'],
  ['acute_stress_symptoms', 'Has current acute stress symptoms'],
  ['avoidance', 'Avoids reminders of the event'],
];
const SOURCES = ['incident', 'self_referral', 'manager_referral'];
const CLOSE_OUTCOMES = ['no_further_action', 'referred_to_oh', 'referred_to_clinical_care'];
const DECLINE_STAGES = ['practitioner_contact', 'trauma_brief', 'initial_assessment', 'follow_up_assessment', 'oh_referral'];
const CLOSABLE = ['awaiting_closure', 'referral_requested', 'referred'];
/** Who runs an activation (libs/identity/src/roles.ts). */
const PRACTITIONERS = ['trim_practitioner'];

export const trimQueue: QueueConfig = {
  title: 'TRiM activations',
  endpoint: '/trim/queue',
  route: '#/trim',
  idOf: (i) => String(i.activationId),
  nameOf,
  views: [
    ['mine', 'Mine'],
    ['unallocated', 'Unallocated'],
    ['overdue', 'Overdue'],
    ['all', 'All open'],
  ],
  intro: () => (can('trauma.trim') ? html`<p class="govuk-body"><a class="govuk-link" href="#/trim/new">Activate TRiM for someone</a></p>` : html``),
  // The TRiM read model holds no employment type, so there is no filter for one.
  filters: [{ name: 'department', label: 'Department' }],
  sorts: queueSorts('Date activated'),
  columns: [
    { header: 'Department', cell: (i) => String(i.department) },
    { header: 'Activated', cell: (i) => date(String(i.activatedAt)) },
    { header: 'Practitioner', cell: (i) => who(i.practitionerId, 'Unallocated') },
  ],
};

/** The ten items as radios; the server names a bad item `scores.<key>`, shown beside it. */
function riskAssessment(base: string, kind: 'initial' | 'follow_up'): ActionForm {
  const items: Field[] = TRIM_RISK_ITEMS.map(([key, text]) => ({
    name: `score_${key}`,
    label: text,
    type: 'radios',
    required: true,
    aliases: [`scores.${key}`],
    options: [
      ['1', 'Present'],
      ['0', 'Absent'],
    ],
  }));
  return {
    id: 'assessment',
    title: kind === 'initial' ? 'Record the initial risk assessment' : 'Record the follow-up risk assessment',
    description: 'Score each of the ten TRiM risk items. Scores and notes are confidential to TRiM practitioners and coordinators.',
    path: `${base}/assessments`,
    submitLabel: 'Save risk assessment',
    fields: [
      ...items,
      { ...note('notes', 'Assessment notes', false, 20000), hint: 'Confidential to TRiM staff: never shown to managers or on reports.' },
      { name: 'practitionerRequestedReferral', label: 'OH referral', type: 'checkboxes', options: [['yes', 'Ask for an OH referral whatever the score']] },
    ],
    toBody: (v: Values) => ({
      kind,
      scores: Object.fromEntries(TRIM_RISK_ITEMS.map(([key]) => [key, Number(v[`score_${key}`])])),
      notes: str(v, 'notes'),
      practitionerRequestedReferral: (v.practitionerRequestedReferral as string[]).includes('yes'),
    }),
  };
}

export const trimCase = workflowCase('TRiM activation', '/trim', '#/trim', 'Back to TRiM activations', (s: CaseState, base) => {
  if (!isOpen(s)) return [];
  const allocated = !!s.practitionerId;
  return [
    !allocated && {
      id: 'practitioner',
      title: 'Allocate a practitioner',
      path: `${base}/practitioner`,
      submitLabel: 'Allocate',
      fields: [staff('practitionerId', 'Practitioner', PRACTITIONERS, true, { value: me() })],
      toBody: (v) => ({ practitionerId: v.practitionerId }),
    },
    allocated && !s.briefDeliveredAt && {
      id: 'brief',
      title: 'Record the trauma intervention brief',
      path: `${base}/brief`,
      submitLabel: 'Save brief',
      fields: [when('deliveredAt', 'Delivered at')],
      check: (v) => ({ deliveredAt: notFuture(v, 'deliveredAt', 'The brief is recorded once it has been delivered') }),
      toBody: (v) => ({ deliveredAt: instant(v, 'deliveredAt') }),
    },
    (s.status === 'awaiting_initial_assessment' || s.status === 'awaiting_follow_up') &&
      riskAssessment(base, s.status === 'awaiting_initial_assessment' ? 'initial' : 'follow_up'),
    CLOSABLE.includes(s.status) && {
      id: 'close',
      title: 'Close the activation',
      path: `${base}/close`,
      submitLabel: 'Close activation',
      fields: [radios('outcome', 'Outcome', CLOSE_OUTCOMES), note()],
      toBody: (v) => drop({ outcome: v.outcome, note: v.note }),
    },
    allocated && {
      id: 'reallocate',
      title: 'Hand to another practitioner',
      secondary: true,
      path: `${base}/practitioner/reallocate`,
      submitLabel: 'Reallocate',
      fields: [staff('practitionerId', 'New practitioner', PRACTITIONERS), note('reason', 'Reason', true)],
      toBody: (v) => ({ practitionerId: v.practitionerId, reason: v.reason }),
    },
    {
      id: 'decline',
      title: 'The person declines TRiM',
      secondary: true,
      warning: true,
      path: `${base}/decline`,
      submitLabel: 'Record decline',
      fields: [radios('stage', 'What they declined', DECLINE_STAGES), note('reason', 'Reason', true)],
      toBody: (v) => ({ stage: v.stage, reason: v.reason }),
    },
  ];
}, { staffRoles: PRACTITIONERS });

export const trimCreate: CreateSpec = {
  section: 'trim',
  permission: 'trauma.trim',
  title: 'Activate TRiM',
  intro: 'Activate TRiM for one person: after a recorded incident, or when they or their manager ask.',
  idOf: (d) => String(d.activationId),
  caseHref: (id) => (can('trauma.trim') ? `#/trim/${id}` : null),
  action: {
    id: 'activate',
    title: 'Who TRiM is for',
    path: '/trim',
    submitLabel: 'Activate TRiM',
    fields: [
      person('personId', 'Staff or collar number'),
      text('personName', 'Full name'),
      employmentType,
      text('department', 'Department'),
      radios('source', 'Why TRiM is activated', SOURCES),
      text('incidentId', 'Incident reference', false, { hint: 'The incident’s id (from its page); needed when TRiM follows an incident', aliases: ['incidentOccurredAt'] }),
    ],
    check: (v) => ({ incidentId: v.source === 'incident' && !v.incidentId ? 'Enter the incident reference' : undefined }),
    toBody: (v) => drop({ ...v, incidentId: v.source === 'incident' ? v.incidentId : undefined }),
  },
};
