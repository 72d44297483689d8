import { entry, labeller, londonInstant as instant, type TimelineEntry } from '@casework/core/domain/timeline-text';
import { isDeadlineEvent } from '@casework/timers/domain/deadline-events';
import { describeDeadlineEvent, type DeadlineTimelineText } from '@casework/timers/domain/deadline-timeline';
import type { TrimEvent } from './events';
import { TRIM_DEADLINES } from './policy';
import type { EmploymentType, TrimCloseOutcome, TrimDeclineStage, TrimSource } from './types';

export type { TimelineEntry };

/**
 * One human-readable line per event for the activation's timeline. Item scores, totals
 * and the practitioner's notes never appear here: an assessment shows only whether it
 * was at or above the threshold, and the notes stay in the confidential record.
 */
export function describeTrimEvent(event: TrimEvent): TimelineEntry {
  if (isDeadlineEvent(event)) return describeDeadlineEvent(event, DEADLINE_TEXT);
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
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
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

/** In TRiM the team-manager rung is the TRiM coordinator, who owns an unassigned deadline. */
const DEADLINE_TEXT: DeadlineTimelineText = {
  label: labeller({
    [TRIM_DEADLINES.traumaBrief]: 'Trauma intervention brief',
    [TRIM_DEADLINES.initialAssessment]: 'Initial risk assessment',
    [TRIM_DEADLINES.followUpAssessment]: 'Follow-up risk assessment',
  }),
  targets: { owner: 'the owner', team_manager: 'the TRiM coordinator', head_of_wellbeing: 'the head of wellbeing' },
  unowned: 'Owner: the TRiM coordinator',
};
