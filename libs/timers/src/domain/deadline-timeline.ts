import { entry, londonInstant, type TimelineEntry } from '@casework/core/domain/timeline-text';
import type { DeadlineEvent, EscalationTarget } from './deadline-events';

/** How one workflow names its deadlines and the people its ladder notifies. */
export interface DeadlineTimelineText {
  /** "Triage", "First contact", … for a deadline kind. */
  readonly label: (kind: string) => string;
  /** Who each rung notifies, as the timeline names them ("the OH team manager"). */
  readonly targets: Readonly<Record<EscalationTarget, string>>;
  /** The detail line of a deadline scheduled with no named owner. */
  readonly unowned: string;
}

/** The case-timeline line for a deadline event, in the words every workflow shares. */
export function describeDeadlineEvent(event: DeadlineEvent, text: DeadlineTimelineText): TimelineEntry {
  const label = text.label(event.data.kind);
  switch (event.type) {
    case 'DeadlineScheduled': {
      const { dueAt, ownerId } = event.data;
      return entry(`${label} due by ${londonInstant(dueAt)}`, ownerId ? `Owner: ${ownerId}` : text.unowned);
    }
    case 'DeadlineMet':
      return entry(`${label} deadline met${event.data.late ? ' late' : ''}`);
    case 'DeadlineWaived':
      return entry(`${label} deadline waived by ${event.data.waivedBy}`, event.data.reason);
    case 'DeadlineOverdue':
      return entry(`${label} deadline overdue (was due ${londonInstant(event.data.dueAt)})`);
    case 'DeadlineEscalated':
      return entry(
        `${label} deadline escalated to ${text.targets[event.data.notify]}`,
        `Was due ${londonInstant(event.data.dueAt)}`,
      );
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
