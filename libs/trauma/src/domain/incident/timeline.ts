import {
  capitalise,
  entry,
  labeller,
  londonInstant as instant,
  type TimelineEntry,
} from '@casework/core/domain/timeline-text';
import { isDeadlineEvent } from '@casework/timers/domain/deadline-events';
import { describeDeadlineEvent, type DeadlineTimelineText } from '@casework/timers/domain/deadline-timeline';
import type { IncidentEvent } from './events';
import type { DemobilisationLead, EstipStage, ExposureRole, MonitoringOutcome } from './types';

export type { TimelineEntry };

/**
 * One human-readable line per event for the incident timeline, which supervisors and
 * coordinators see. It names who was exposed (an operational fact) but only counts who
 * needs more support, was referred on or was offered TRiM: those names stay with the
 * TRiM and wellbeing staff who act on them. The incident summary stays on the incident
 * itself rather than being repeated line by line.
 */
export function describeIncidentEvent(event: IncidentEvent): TimelineEntry {
  if (isDeadlineEvent(event)) return describeDeadlineEvent(event, DEADLINE_TEXT);
  switch (event.type) {
    case 'IncidentRecorded': {
      const d = event.data;
      return entry(
        `Incident recorded: ${d.typeLabel} (severity ${d.severityWeight})`,
        `Occurred ${instant(d.occurredAt)} at ${d.location}; ${d.department}; recorded by ${d.recordedBy}`,
      );
    }
    case 'ColleagueExposed': {
      const { name, exposureRole, department, role } = event.data;
      return entry(
        `${name} recorded as exposed (${EXPOSURE_LABELS[exposureRole]})`,
        role ? `${role}, ${department}` : department,
      );
    }
    case 'ColleagueExposureRemoved':
      return entry(`${event.data.name} removed from the colleagues exposed`, event.data.reason);
    case 'DemobilisationHeld': {
      const { ledBy, attendees, defusionNeeded } = event.data;
      return entry(
        `Demobilisation held, led by ${LEAD_LABELS[ledBy.lead]} ${ledBy.personId}`,
        `${people(attendees.length)} attended; ${defusionNeeded ? 'defusion needed' : 'no defusion needed'}`,
      );
    }
    case 'DefusionHeld': {
      const { format, peerDefuserId, attendees, needingMoreSupport } = event.data;
      return entry(
        `${format === 'group' ? 'Group' : 'One-to-one'} defusion held by peer defuser ${peerDefuserId}`,
        `${people(attendees.length)} attended; ${people(needingMoreSupport.length)} ${
          needingMoreSupport.length === 1 ? 'needs' : 'need'
        } more support`,
      );
    }
    case 'EstimHeld': {
      const { attendees, includesOh, referredOn } = event.data;
      return entry(
        `ESTIM held${includesOh ? ' with occupational health' : ''}`,
        `${people(attendees.length)} attended; ${referrals(referredOn.length)}`,
      );
    }
    case 'MonitoringStarted':
      return entry('Monitoring started', `${people(event.data.monitored.length)} monitored`);
    case 'MonitoringConcluded': {
      const { outcome, referredOn } = event.data;
      return entry(
        `Monitoring concluded: ${OUTCOME_LABELS[outcome]}`,
        referredOn.length > 0 ? capitalise(referrals(referredOn.length)) : null,
      );
    }
    case 'EstipStageSkipped':
      return entry(`${STAGE_LABELS[event.data.stage]} skipped`, event.data.reason);
    case 'TrimPlanningMeetingHeld': {
      const { chairedBy, offeredRiskAssessment } = event.data;
      return entry(
        `TRiM planning meeting held, chaired by ${chairedBy}`,
        `${people(offeredRiskAssessment.length)} offered a TRiM risk assessment`,
      );
    }
    case 'IncidentClosed':
      return entry('Incident closed', event.data.reason);
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

function referrals(count: number): string {
  return count === 1 ? '1 referral on' : `${count} referrals on`;
}

const EXPOSURE_LABELS: Readonly<Record<ExposureRole, string>> = {
  first_responder: 'first responder',
  investigator: 'investigator',
  witness: 'witness',
  call_handler: 'call handler',
  reviewer: 'reviewer',
  family_liaison: 'family liaison',
  supervisor: 'supervisor',
  other: 'other role',
};

const LEAD_LABELS: Readonly<Record<DemobilisationLead, string>> = {
  supervisor: 'supervisor',
  trained_peer: 'trained peer',
};

const STAGE_LABELS: Readonly<Record<EstipStage, string>> = {
  demobilisation: 'Demobilisation',
  defusion: 'Defusion',
  estim: 'ESTIM',
  monitoring: 'Monitoring',
};

const OUTCOME_LABELS: Readonly<Record<MonitoringOutcome, string>> = {
  no_further_support: 'no further support needed',
  referred_on: 'referred on',
  declined_support: 'support declined',
};

const DEADLINE_TEXT: DeadlineTimelineText = {
  label: labeller({
    demobilisation: 'Demobilisation',
    defusion: 'Defusion',
    'trim-planning': 'TRiM planning meeting',
  }),
  targets: { owner: 'the owner', team_manager: 'the wellbeing team manager', head_of_wellbeing: 'the head of wellbeing' },
  unowned: 'Unassigned',
};
