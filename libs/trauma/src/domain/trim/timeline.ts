import { DateTime } from 'luxon';
import type { EscalationTarget } from '@casework/timers/domain/deadline-events';
import type { TrimEvent } from './events';
import { TRIM_DEADLINES } from './policy';
import type { EmploymentType, TrimCloseOutcome, TrimDeclineStage, TrimSource } from './types';

export interface TimelineEntry {
  readonly title: string;
  readonly detail: string | null;
}

/** Case timelines are read by TRiM staff in England and Wales, on London clocks. */
const ZONE = 'Europe/London';

/**
 * One human-readable line per event for the activation's timeline. Item scores, totals
 * and the practitioner's notes never appear here: an assessment shows only whether it
 * was at or above the threshold, and the notes stay in the confidential record.
 */
export function describeTrimEvent(event: TrimEvent): TimelineEntry {
  switch (event.type) {
    case 'TrimActivated': {
      const d = event.data;
      const incident = d.incidentId
        ? `; incident ${d.incidentId}${d.incidentOccurredAt ? ` on ${instant(d.incidentOccurredAt)}` : ''}`
        : '';
      const person = `${d.personName}, ${EMPLOYMENT_LABELS[d.employmentType]}, ${d.department}`;
      const title = `TRiM activated (${SOURCE_LABELS[d.source]})`;
      return entry(title, `${person}; activated by ${d.activatedBy}${incident}`);
    }
    case 'PractitionerAllocated':
      return entry(`TRiM practitioner ${event.data.practitionerId} allocated`);
    case 'PractitionerReallocated': {
      const { fromPractitionerId, toPractitionerId, reason } = event.data;
      return entry(`Reallocated from practitioner ${fromPractitionerId} to practitioner ${toPractitionerId}`, reason);
    }
    case 'TraumaInterventionBriefDelivered':
      return entry(
        `Trauma intervention brief delivered on ${instant(event.data.deliveredAt)}`,
        `By practitioner ${event.data.practitionerId}`,
      );
    case 'TrimRiskAssessmentRecorded': {
      const { kind, atOrAboveThreshold, practitionerRequestedReferral } = event.data;
      return entry(
        `${kind === 'initial' ? 'Initial' : 'Follow-up'} risk assessment recorded: ${
          atOrAboveThreshold ? 'at or above threshold' : 'below threshold'
        }`,
        practitionerRequestedReferral ? 'The practitioner asked for a referral' : null,
      );
    }
    case 'TrimReferralRequested':
      return entry('Referral to occupational health requested', event.data.reason);
    case 'TrimReferralOpened':
      return entry(`OH referral ${event.data.referralId} opened`);
    case 'TrimClosed':
      return entry(`TRiM closed: ${OUTCOME_LABELS[event.data.outcome]}`, event.data.note);
    case 'TrimDeclined':
      return entry(`Declined TRiM (${STAGE_LABELS[event.data.stage]})`, event.data.reason);
    case 'DeadlineScheduled': {
      const { kind, dueAt, ownerId } = event.data;
      return entry(
        `${deadlineLabel(kind)} due by ${instant(dueAt)}`,
        ownerId ? `Owner: ${ownerId}` : 'Owner: the TRiM coordinator',
      );
    }
    case 'DeadlineMet':
      return entry(`${deadlineLabel(event.data.kind)} deadline met${event.data.late ? ' late' : ''}`);
    case 'DeadlineWaived':
      return entry(`${deadlineLabel(event.data.kind)} deadline waived by ${event.data.waivedBy}`, event.data.reason);
    case 'DeadlineOverdue':
      return entry(`${deadlineLabel(event.data.kind)} deadline overdue (was due ${instant(event.data.dueAt)})`);
    case 'DeadlineEscalated':
      return entry(
        `${deadlineLabel(event.data.kind)} deadline escalated to ${TARGET_LABELS[event.data.notify]}`,
        `Was due ${instant(event.data.dueAt)}`,
      );
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function entry(title: string, detail: string | null = null): TimelineEntry {
  return { title, detail };
}

/** Fixed abbreviations: ICU versions disagree on en-GB's September ("Sep" / "Sept"). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2026 17:00", on the London wall clock. */
function instant(iso: string): string {
  const local = DateTime.fromISO(iso, { zone: ZONE });
  return `${local.day} ${MONTHS[local.month - 1]} ${local.year} ${local.toFormat('HH:mm')}`;
}

const SOURCE_LABELS: Readonly<Record<TrimSource, string>> = {
  incident: 'after an incident',
  self_referral: 'self referral',
  manager_referral: 'manager referral',
};

const EMPLOYMENT_LABELS: Readonly<Record<EmploymentType, string>> = {
  police_officer: 'police officer',
  police_staff: 'police staff',
  pcso: 'PCSO',
  special_constable: 'special constable',
  volunteer: 'volunteer',
};

const OUTCOME_LABELS: Readonly<Record<TrimCloseOutcome, string>> = {
  no_further_action: 'no further action',
  referred_to_oh: 'referred to occupational health',
  referred_to_clinical_care: 'referred to clinical care',
};

const STAGE_LABELS: Readonly<Record<TrimDeclineStage, string>> = {
  practitioner_contact: 'contact with a practitioner',
  trauma_brief: 'the trauma intervention brief',
  initial_assessment: 'the initial risk assessment',
  follow_up_assessment: 'the follow-up risk assessment',
  oh_referral: 'the referral to occupational health',
};

const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  [TRIM_DEADLINES.traumaBrief]: 'Trauma intervention brief',
  [TRIM_DEADLINES.initialAssessment]: 'Initial risk assessment',
  [TRIM_DEADLINES.followUpAssessment]: 'Follow-up risk assessment',
};

function deadlineLabel(kind: string): string {
  const label = DEADLINE_LABELS[kind] ?? kind.replace(/[_-]/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** In TRiM the team-manager rung is the TRiM coordinator. */
const TARGET_LABELS: Readonly<Record<EscalationTarget, string>> = {
  owner: 'the owner',
  team_manager: 'the TRiM coordinator',
  head_of_wellbeing: 'the head of wellbeing',
};
