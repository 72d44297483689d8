import { entry, labeller, plural, words, type TimelineEntry } from '@casework/core/domain/timeline-text';
import { isDeadlineEvent } from '@casework/timers/domain/deadline-events';
import { describeDeadlineEvent, type DeadlineTimelineText } from '@casework/timers/domain/deadline-timeline';
import type { SupportTaskEvent } from './events';
import type { ContactMethod, SupportOffer } from './types';

export type { TimelineEntry };

/** One human-readable line per event for the support task's timeline. */
export function describeSupportTaskEvent(event: SupportTaskEvent): TimelineEntry {
  if (isDeadlineEvent(event)) return describeDeadlineEvent(event, DEADLINE_TEXT);
  switch (event.type) {
    case 'SupportTaskRaised': {
      const d = event.data;
      const threshold = d.summary.windows.map((w) => `${w.count} in ${w.days} days (weight ${w.weightedSum})`);
      return entry(
        `Proactive support task raised after ${plural(d.exposures.length, 'exposure')}`,
        `${d.personName}, ${d.department}; ${threshold.join(', ')}`,
      );
    }
    case 'SupportTaskCoordinatorAssigned': {
      const { fromCoordinatorId, coordinatorId } = event.data;
      return entry(
        fromCoordinatorId
          ? `Reassigned from coordinator ${fromCoordinatorId} to ${coordinatorId}`
          : `Assigned to coordinator ${coordinatorId}`,
      );
    }
    case 'SupportTaskContactRecorded': {
      const { method, reached, note } = event.data;
      return entry(
        reached
          ? `Contact made (${METHOD_LABELS[method]})`
          : `Contact attempted, not reached (${METHOD_LABELS[method]})`,
        note,
      );
    }
    case 'SupportTaskOfferRecorded':
      return entry(`Offered ${OFFER_LABELS[event.data.offer]}`, event.data.note);
    case 'SupportTaskOfferResponseRecorded':
      return entry(`Offer ${event.data.response}`, event.data.reason);
    case 'SupportTaskClosed':
      return entry(`Support task closed: ${words(event.data.outcome)}`, event.data.note);
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

const METHOD_LABELS: Readonly<Record<ContactMethod, string>> = {
  in_person: 'in person',
  telephone: 'telephone',
  video: 'video call',
  email: 'e-mail',
  message: 'message',
};

const OFFER_LABELS: Readonly<Record<SupportOffer, string>> = {
  trim_assessment: 'a TRiM risk assessment',
  oh_referral: 'a referral to occupational health',
  peer_support: 'peer support',
  eap: 'the Employee Assistance Programme',
  welfare_check: 'a welfare check',
};

const DEADLINE_TEXT: DeadlineTimelineText = {
  label: labeller({
    'first-contact': 'First contact',
  }),
  targets: { owner: 'the owner', team_manager: 'the wellbeing team manager', head_of_wellbeing: 'the head of wellbeing' },
  unowned: 'Unassigned',
};
