import {
  entry,
  labeller,
  londonDate as date,
  londonInstant as instant,
  words,
  type TimelineEntry,
} from '@casework/core/domain/timeline-text';
import { isDeadlineEvent } from '@casework/timers/domain/deadline-events';
import { describeDeadlineEvent, type DeadlineTimelineText } from '@casework/timers/domain/deadline-timeline';
import type { WelfareEvent } from './events';
import { WELFARE_DEADLINES } from './policy';
import type { ContactType, EmploymentType, Signpost } from './types';

export type { TimelineEntry };

/**
 * One human-readable line per event for the case timeline. A contact's concerns stay in
 * the welfare record of contact: the timeline says only how and when, and where the
 * colleague was signposted.
 */
export function describeWelfareEvent(event: WelfareEvent): TimelineEntry {
  if (isDeadlineEvent(event)) return describeDeadlineEvent(event, DEADLINE_TEXT);
  switch (event.type) {
    case 'WelfareCaseOpened': {
      const d = event.data;
      const person = `${d.personName}, ${employment(d.employmentType)}, ${d.department}`;
      const started = `investigation ${d.reference} started ${date(d.investigationStartedAt)}`;
      const suspended = d.suspended ? '; suspended' : '';
      return entry(`Welfare liaison opened (${words(d.kind)} investigation)`, `${person}; ${started}${suspended}`);
    }
    case 'WloAssigned':
      return entry(`Welfare liaison officer ${event.data.wloId} assigned`);
    case 'WloReassigned': {
      const { fromWloId, toWloId, reason } = event.data;
      return entry(`Reassigned from WLO ${fromWloId} to WLO ${toWloId}`, reason);
    }
    case 'WelfareContactLogged': {
      const { type, contactedAt, signposting, wloId } = event.data;
      const places = signposting.map((signpost) => SIGNPOST_LABELS[signpost]).join(', ');
      const signposted = signposting.length > 0 ? `; signposted to ${places}` : '';
      return entry(`${CONTACT_LABELS[type]} on ${instant(contactedAt)}`, `By WLO ${wloId}${signposted}`);
    }
    case 'SickLeaveStarted':
      return entry(`Sickness absence began on ${date(event.data.startedAt)}`);
    case 'SickLeaveEnded':
      return entry(`Sickness absence ended on ${date(event.data.endedAt)}`);
    case 'InvestigationProgressReported': {
      const { reportNumber, reportedAt, note } = event.data;
      return entry(`Investigation progress report ${reportNumber} made on ${date(reportedAt)}`, note);
    }
    case 'InvestigationConcluded':
      return entry(`Investigation concluded on ${date(event.data.concludedAt)}`, event.data.outcome);
    case 'WelfareCaseClosed': {
      const { exitPlan, debriefHeldAt } = event.data;
      return entry('Welfare liaison closed', `Debrief held on ${date(debriefHeldAt)}; exit plan: ${exitPlan}`);
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function employment(type: EmploymentType): string {
  return type === 'pcso' ? 'PCSO' : words(type);
}

const CONTACT_LABELS: Readonly<Record<ContactType, string>> = {
  phone: 'Phone call',
  video: 'Video call',
  visit: 'Visit',
  home_visit: 'Home visit',
};

const SIGNPOST_LABELS: Readonly<Record<Signpost, string>> = {
  eap: 'the Employee Assistance Programme',
  occupational_health: 'occupational health',
  federation_or_union: 'the Federation or a union',
  gp: 'their GP',
  chaplaincy: 'the chaplaincy',
  financial_support: 'financial support',
  other: 'other support',
};

/** A case without a WLO is the welfare coordinator's, who is also the team-manager rung. */
const DEADLINE_TEXT: DeadlineTimelineText = {
  label: labeller({
    [WELFARE_DEADLINES.contact]: 'Welfare contact',
    [WELFARE_DEADLINES.homeVisit]: 'Home visit',
    [WELFARE_DEADLINES.firstReport]: '12-month investigation progress report',
    [WELFARE_DEADLINES.subsequentReport]: '6-monthly investigation progress report',
  }),
  targets: {
    owner: 'the welfare liaison officer',
    team_manager: 'the welfare coordinator',
    head_of_wellbeing: 'the head of wellbeing',
  },
  unowned: 'Owner: the welfare coordinator',
};
