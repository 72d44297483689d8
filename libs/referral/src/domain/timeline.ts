import {
  capitalise,
  entry,
  labeller,
  londonDate as date,
  londonInstant as instant,
  words,
  type TimelineEntry,
} from '@casework/core/domain/timeline-text';
import { isDeadlineEvent } from '@casework/timers/domain/deadline-events';
import { describeDeadlineEvent, type DeadlineTimelineText } from '@casework/timers/domain/deadline-timeline';
import type { ReferralEvent } from './events';
import type { EmploymentType, Recommendation, ReferralSource } from './types';

export type { TimelineEntry };

/**
 * One human-readable line per event for the case timeline. Clinical notes never appear
 * here: the timeline is shown more widely than the clinical record.
 */
export function describeReferralEvent(event: ReferralEvent): TimelineEntry {
  if (isDeadlineEvent(event)) return describeDeadlineEvent(event, DEADLINE_TEXT);
  switch (event.type) {
    case 'ReferralSubmitted': {
      const d = event.data;
      return entry(
        `${capitalise(d.urgency)} ${words(d.category)} referral submitted (${SOURCE_LABELS[d.source]})`,
        `${d.subjectName}, ${EMPLOYMENT_LABELS[d.employmentType]}, ${d.department}; referred by ${d.referredBy}`,
      );
    }
    case 'ReferralTriaged':
      return entry(`Triaged as ${event.data.priority} priority and assigned to advisor ${event.data.advisorId}`);
    case 'ReferralConsentRecorded':
      return entry(event.data.consentGiven ? 'Consent to the referral given' : 'Consent to the referral refused');
    case 'ReferralAppointmentOffered': {
      const { mode, scheduledFor, clinicianId } = event.data;
      return entry(
        `${capitalise(words(mode))} appointment offered for ${instant(scheduledFor)}`,
        clinicianId ? `With clinician ${clinicianId}` : null,
      );
    }
    case 'ReferralAppointmentBooked':
      return entry('Appointment booked');
    case 'ReferralAppointmentAttended':
      return entry('Appointment attended');
    case 'ReferralAppointmentMissed': {
      const count = event.data.missedCount;
      return entry('Did not attend the appointment', `${count} missed appointment${count === 1 ? '' : 's'} so far`);
    }
    case 'ReferralOutcomeRecorded': {
      const { fitness, limitedDuties, recommendations } = event.data;
      return entry(
        `Outcome recorded: ${words(fitness)}${limitedDuties ? ` (${words(limitedDuties)} duties)` : ''}`,
        `Recommended: ${recommendations.map((r) => RECOMMENDATION_LABELS[r]).join(', ')}`,
      );
    }
    case 'ReferralReportConsentRecorded':
      return entry(
        event.data.consentGiven ? 'Consent to release the report given' : 'Consent to release the report withheld',
      );
    case 'ReferralReportReleased':
      return entry(`Report released to ${event.data.releasedTo}`);
    case 'ReferralReviewScheduled':
      return entry(`Review scheduled for ${date(event.data.reviewDate)}`);
    case 'ReferralClosed':
      return entry(`Referral closed: ${words(event.data.reason)}`, event.data.note);
    case 'ReferralReopened':
      return entry('Referral reopened', event.data.reason);
    case 'ReferralReassigned': {
      const { fromAdvisorId, toAdvisorId, reason } = event.data;
      const from = fromAdvisorId ? ` from advisor ${fromAdvisorId}` : '';
      return entry(`Reassigned${from} to advisor ${toAdvisorId}`, reason);
    }
    case 'ReferralCancelled':
      return entry('Referral cancelled', event.data.reason);
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

const SOURCE_LABELS: Readonly<Record<ReferralSource, string>> = {
  management: 'management referral',
  self: 'self referral',
  trim: 'from TRiM',
  welfare_liaison: 'from welfare liaison',
  hr: 'from HR',
};

const EMPLOYMENT_LABELS: Readonly<Record<EmploymentType, string>> = {
  police_officer: 'police officer',
  police_staff: 'police staff',
  pcso: 'PCSO',
  special_constable: 'special constable',
  volunteer: 'volunteer',
};

const RECOMMENDATION_LABELS: Readonly<Record<Recommendation, string>> = {
  reasonable_adjustments: 'reasonable adjustments',
  psychological_therapy: 'psychological therapy',
  counselling: 'counselling',
  physiotherapy: 'physiotherapy',
  phased_return: 'phased return',
  smp_referral: 'referral to a Selected Medical Practitioner',
  ill_health_retirement: 'ill-health retirement',
  no_further_action: 'no further action',
};

const DEADLINE_TEXT: DeadlineTimelineText = {
  label: labeller({
    triage: 'Triage',
    'first-appointment': 'First appointment',
    'outcome-report': 'Outcome report',
  }),
  targets: { owner: 'the owner', team_manager: 'the OH team manager', head_of_wellbeing: 'the head of wellbeing' },
  unowned: 'Unassigned',
};
