import type { RecordedEvent } from '@casework/core/event-store/types';

/** One line of a case's history as every API shows it: who, what, when. */
export interface TimelineItem {
  readonly revision: string;
  /** Business time of the event (back-dated for imports). */
  readonly at: string;
  readonly recordedAt: string;
  readonly by: { readonly userId: string; readonly role: string };
  readonly type: string;
  readonly title: string;
  readonly detail: string | null;
}

export function timelineItem(
  recorded: RecordedEvent,
  entry: { readonly title: string; readonly detail: string | null },
): TimelineItem {
  return {
    revision: recorded.revision.toString(),
    at: recorded.metadata.occurredAt,
    recordedAt: recorded.metadata.recordedAt,
    by: recorded.metadata.actor,
    type: recorded.type,
    title: entry.title,
    detail: entry.detail,
  };
}
