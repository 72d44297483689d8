import {
  entry,
  labeller,
  londonDate,
  londonInstant as instant,
  plural,
  words,
  type TimelineEntry,
} from '@casework/core/domain/timeline-text';
import { isDeadlineEvent } from '@casework/timers/domain/deadline-events';
import { describeDeadlineEvent, type DeadlineTimelineText } from '@casework/timers/domain/deadline-timeline';
import type { StayEvent, StayInterviewRequestedData } from './events';
import { STAY_DEADLINES } from './policy';
import type { StayRequestSource } from './types';

export type { TimelineEntry };

/** One human-readable line per event for the stay interview's timeline. */
export function describeStayEvent(event: StayEvent): TimelineEntry {
  if (isDeadlineEvent(event)) return describeDeadlineEvent(event, DEADLINE_TEXT);
  switch (event.type) {
    case 'StayInterviewRequested': {
      const d = event.data;
      return entry(
        `Stay interview requested (${SOURCE_LABELS[d.source]})`,
        `${person(d)}; requested by ${d.requestedBy}; intent to leave: ${words(d.intentToLeave)}. ${d.concerns}`,
      );
    }
    case 'StayInterviewerAllocated':
      return entry(`Interviewer ${event.data.interviewerId} allocated`);
    case 'StayInterviewerReassigned': {
      const { fromInterviewerId, toInterviewerId, reason } = event.data;
      return entry(`Reassigned from interviewer ${fromInterviewerId} to interviewer ${toInterviewerId}`, reason);
    }
    case 'StayInterviewHeld': {
      const { themes, intentToLeave, recommendations, heldAt } = event.data;
      const recommended =
        recommendations.length === 0 ? 'no recommendations' : plural(recommendations.length, 'recommendation');
      return entry(
        `Stay interview held on ${instant(heldAt)}`,
        `Themes: ${themes.map(words).join(', ')}; intent to leave: ${words(intentToLeave)}; ${recommended}`,
      );
    }
    case 'StayActionsAgreed': {
      const { actions } = event.data;
      const list = actions.map((a) => `${a.description} (${a.ownerId}, due ${londonDate(a.dueDate)})`);
      return entry(`${plural(actions.length, 'action')} agreed`, list.join('; '));
    }
    case 'StayActionCompleted':
      return entry(`Action ${event.data.actionId} done`);
    case 'StayFollowUpHeld':
      return entry(`Follow-up held on ${instant(event.data.heldAt)}`, event.data.note);
    case 'StayOutcomeRecorded': {
      const { outcome, leavingDate, note } = event.data;
      const title =
        outcome === 'left' && leavingDate ? `Outcome: left on ${londonDate(leavingDate)}` : 'Outcome: stayed';
      return entry(title, note);
    }
    case 'StayInterviewDeclined':
      return entry('Declined the stay interview', event.data.reason);
    case 'StayInterviewCancelled':
      return entry('Stay interview withdrawn', event.data.reason);
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function person(d: StayInterviewRequestedData): string {
  const type = d.employmentType === 'pcso' ? 'PCSO' : words(d.employmentType);
  return `${d.personName}, ${type}${d.isStudentOfficer ? ' (student)' : ''}, ${d.department}`;
}

const SOURCE_LABELS: Readonly<Record<StayRequestSource, string>> = {
  self: 'self referral',
  line_manager: 'line-manager referral',
};

const DEADLINE_TEXT: DeadlineTimelineText = {
  label: labeller({
    [STAY_DEADLINES.interview]: 'Stay interview',
    [STAY_DEADLINES.followUp]: 'Stay interview follow-up',
  }),
  targets: {
    owner: 'the owner',
    team_manager: 'the retention team manager',
    head_of_wellbeing: 'the head of wellbeing',
  },
  unowned: 'Owner: the retention team',
};
