import { isDeadlineEvent } from '@casework/timers/domain/deadline-events';
import { WELFARE_DEADLINES } from './policy';

/** How one case kept to its contact cadence. */
export interface ContactCompliance {
  /** Contact deadlines that have fallen due: met, or gone overdue. */
  readonly contactsDue: number;
  /** Of those, met before they went overdue. */
  readonly contactsOnTime: number;
}

/**
 * Contact compliance for one case, from the deadline events in its stream, so the WLO
 * compliance report ("% of cases with every contact on time") needs no other source.
 *
 * - A contact deadline met before it went overdue counts as due and on time (unless the
 *   ledger marked it late: a timer that fires late must not make a late contact on time).
 * - One that went overdue counts as due and not on time, however it ended.
 * - One replaced before falling due (sick leave shortened it, a WLO was assigned) or
 *   waived before falling due was never owed, so it does not count.
 * Events of other kinds and types are ignored, so a whole stream may be passed.
 */
export function contactCompliance(events: Iterable<{ readonly type: string }>): ContactCompliance {
  const wentOverdue = new Map<string, boolean>();
  let contactsDue = 0;
  let contactsOnTime = 0;
  for (const event of events) {
    if (!isDeadlineEvent(event) || event.data.kind !== WELFARE_DEADLINES.contact) continue;
    const { deadlineId } = event.data;
    switch (event.type) {
      case 'DeadlineScheduled':
        wentOverdue.set(deadlineId, false);
        break;
      case 'DeadlineOverdue':
        if (wentOverdue.get(deadlineId) === false) contactsDue += 1;
        if (wentOverdue.has(deadlineId)) wentOverdue.set(deadlineId, true);
        break;
      case 'DeadlineMet':
        if (wentOverdue.get(deadlineId) === false) {
          contactsDue += 1;
          if (!event.data.late) contactsOnTime += 1;
        }
        wentOverdue.delete(deadlineId);
        break;
      case 'DeadlineWaived':
        wentOverdue.delete(deadlineId);
        break;
      case 'DeadlineEscalated':
        break;
    }
  }
  return { contactsDue, contactsOnTime };
}

/** Whether every contact that fell due was on time: the WLO compliance report's measure. */
export function isContactCompliant(compliance: ContactCompliance): boolean {
  return compliance.contactsOnTime === compliance.contactsDue;
}
