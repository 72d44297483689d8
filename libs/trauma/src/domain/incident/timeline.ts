import { DateTime } from 'luxon';
import type { EscalationTarget } from '@casework/timers/domain/deadline-events';
import type { IncidentEvent } from './events';
import type { DemobilisationLead, EstipStage, ExposureRole, MonitoringOutcome } from './types';

export interface TimelineEntry {
  readonly title: string;
  readonly detail: string | null;
}

/** Case timelines are read by wellbeing staff in England and Wales, on London clocks. */
const ZONE = 'Europe/London';

/**
 * One human-readable line per event for the incident timeline, which supervisors and
 * coordinators see. It names who was exposed (an operational fact) but only counts who
 * needs more support, was referred on or was offered TRiM: those names stay with the
 * TRiM and wellbeing staff who act on them. The incident summary stays on the incident
 * itself rather than being repeated line by line.
 */
export function describeIncidentEvent(event: IncidentEvent): TimelineEntry {
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
    case 'DeadlineScheduled': {
      const { kind, dueAt, ownerId } = event.data;
      return entry(`${deadlineLabel(kind)} due by ${instant(dueAt)}`, ownerId ? `Owner: ${ownerId}` : 'Unassigned');
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

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

function referrals(count: number): string {
  return count === 1 ? '1 referral on' : `${count} referrals on`;
}

/** Fixed abbreviations: ICU versions disagree on en-GB's September ("Sep" / "Sept"). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2026 17:00", on the London wall clock. */
function instant(iso: string): string {
  const local = DateTime.fromISO(iso, { zone: ZONE });
  return `${local.day} ${MONTHS[local.month - 1]} ${local.year} ${local.toFormat('HH:mm')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  demobilisation: 'Demobilisation',
  defusion: 'Defusion',
  'trim-planning': 'TRiM planning meeting',
};

function deadlineLabel(kind: string): string {
  return DEADLINE_LABELS[kind] ?? capitalise(kind.replace(/[_-]/g, ' '));
}

const TARGET_LABELS: Readonly<Record<EscalationTarget, string>> = {
  owner: 'the owner',
  team_manager: 'the wellbeing team manager',
  head_of_wellbeing: 'the head of wellbeing',
};
