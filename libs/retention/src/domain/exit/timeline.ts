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
import type { ExitEvent } from './events';
import { EXIT_DEADLINES } from './policy';
import type { EmploymentType, LeavingReason } from './types';

export type { TimelineEntry };

/**
 * One human-readable line per event for the exit's timeline. Demographics, survey
 * answers and the interview summary never appear here: they are for reports in
 * aggregate and for the retention team's record, not for everyone who reads the case.
 */
export function describeExitEvent(event: ExitEvent): TimelineEntry {
  if (isDeadlineEvent(event)) return describeDeadlineEvent(event, DEADLINE_TEXT);
  switch (event.type) {
    case 'ExitLeavingNotified': {
      const d = event.data;
      const optOut = d.optOutOfLineManager ? '; asked not to speak to their line manager' : '';
      return entry(
        `Leaving notified (${REASON_LABELS[d.reason]}), leaving on ${date(d.leavingDate)}`,
        `${d.name}, ${EMPLOYMENT_LABELS[d.employmentType]}, ${d.department}${optOut}`,
      );
    }
    case 'ExitInterviewerAllocated':
      return entry(`Exit interviewer ${event.data.interviewerId} allocated`);
    case 'ExitInterviewerReallocated': {
      const { fromInterviewerId, toInterviewerId, reason } = event.data;
      return entry(`Exit interviewer changed from ${fromInterviewerId} to ${toInterviewerId}`, reason);
    }
    case 'ExitSurveyCompleted':
      return entry('Exit survey completed', `Questionnaire ${event.data.questionnaireId}`);
    case 'ExitSurveyDeclined':
      return entry('Declined the exit survey', event.data.reason);
    case 'ExitInterviewHeld':
      return entry(`Exit interview held on ${instant(event.data.heldAt)}`, `By ${event.data.interviewerId}`);
    case 'ExitInterviewDeclined':
      return entry('Declined the exit interview', event.data.reason);
    case 'ExitDriversRecorded':
      return entry(`Drivers recorded: ${event.data.codes.map(words).join(', ')}`, event.data.note);
    case 'ExitRetained':
      return entry('Resignation withdrawn: retained', event.data.note);
    case 'ExitLeft':
      return entry(`Left on ${date(event.data.leavingDate)} (${REASON_LABELS[event.data.reason]})`);
    case 'ExitRejoinerLinked': {
      const { rejoinedAt, newPersonRecordId } = event.data;
      const record = newPersonRecordId ? `New person record ${newPersonRecordId}` : null;
      return entry(`Rejoined on ${date(rejoinedAt)}`, record);
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

const REASON_LABELS: Readonly<Record<LeavingReason, string>> = {
  retirement: 'retirement',
  transfer_out: 'transfer out',
  resignation: 'resignation',
  ill_health_retirement: 'ill-health retirement',
  dismissal: 'dismissal',
  other: 'other reason',
};

const EMPLOYMENT_LABELS: Readonly<Record<EmploymentType, string>> = {
  police_officer: 'police officer',
  police_staff: 'police staff',
  pcso: 'PCSO',
  special_constable: 'special constable',
  volunteer: 'volunteer',
};

/** Until an interviewer is allocated the retention team owns the interview deadline. */
const DEADLINE_TEXT: DeadlineTimelineText = {
  label: labeller({ [EXIT_DEADLINES.exitInterview]: 'Exit interview' }),
  targets: {
    owner: 'the owner',
    team_manager: 'the retention team manager',
    head_of_wellbeing: 'the head of wellbeing',
  },
  unowned: 'Owner: the retention team',
};
