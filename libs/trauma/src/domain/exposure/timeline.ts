import { DateTime } from 'luxon';
import type { EscalationTarget } from '@casework/timers/domain/deadline-events';
import type { SupportTaskEvent } from './events';
import type { ContactMethod, SupportOffer } from './types';

export interface TimelineEntry {
  readonly title: string;
  readonly detail: string | null;
}

/** Case timelines are read by wellbeing staff in England and Wales, on London clocks. */
const ZONE = 'Europe/London';

/** One human-readable line per event for the support task's timeline. */
export function describeSupportTaskEvent(event: SupportTaskEvent): TimelineEntry {
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

/** Fixed abbreviations: ICU versions disagree on en-GB's September ("Sep" / "Sept"). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2026 17:00", on the London wall clock. */
function instant(iso: string): string {
  const local = DateTime.fromISO(iso, { zone: ZONE });
  return `${local.day} ${MONTHS[local.month - 1]} ${local.year} ${local.toFormat('HH:mm')}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function words(value: string): string {
  return value.replace(/[_-]/g, ' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  'first-contact': 'First contact',
};

function deadlineLabel(kind: string): string {
  return DEADLINE_LABELS[kind] ?? capitalise(words(kind));
}

const TARGET_LABELS: Readonly<Record<EscalationTarget, string>> = {
  owner: 'the owner',
  team_manager: 'the wellbeing team manager',
  head_of_wellbeing: 'the head of wellbeing',
};
