import type { DomainEvent } from '@casework/core/domain/decider';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type {
  ContactMethod,
  ExposureHistoryItem,
  ExposureSummary,
  OfferResponse,
  SupportOffer,
  SupportTaskOutcome,
} from './types';

/**
 * What happened to a proactive-support task, as stored in its stream. Type names are
 * explicit and stable (they are the stored names); data is plain JSON with instants as
 * ISO strings. Changing a payload's shape means a new schema version and an upcaster.
 * Nothing here is clinical: notes say what was done, never how the person is.
 */

export interface SupportTaskRaisedData {
  /** `supportTaskId(personId, triggeringExposureId)`. */
  readonly taskId: string;
  readonly personId: string;
  readonly personName: string;
  readonly department: string;
  readonly triggeringExposureId: string;
  /** The exposures the coordinator judges by, oldest first, as they stood when raised. */
  readonly exposures: readonly ExposureHistoryItem[];
  readonly summary: ExposureSummary;
  readonly raisedAt: string;
}

export type SupportTaskRaised = DomainEvent<'SupportTaskRaised', SupportTaskRaisedData>;
export type SupportTaskCoordinatorAssigned = DomainEvent<
  'SupportTaskCoordinatorAssigned',
  { readonly fromCoordinatorId: string | null; readonly coordinatorId: string; readonly assignedAt: string }
>;
export type SupportTaskContactRecorded = DomainEvent<
  'SupportTaskContactRecorded',
  {
    readonly method: ContactMethod;
    /** False for an attempt that did not reach the person (no answer, voicemail). */
    readonly reached: boolean;
    /** What happened, in operational terms; not clinical. */
    readonly note: string | null;
    readonly contactedAt: string;
  }
>;
export type SupportTaskOfferRecorded = DomainEvent<
  'SupportTaskOfferRecorded',
  { readonly offerId: string; readonly offer: SupportOffer; readonly note: string | null; readonly offeredAt: string }
>;
export type SupportTaskOfferResponseRecorded = DomainEvent<
  'SupportTaskOfferResponseRecorded',
  {
    readonly offerId: string;
    readonly response: OfferResponse;
    readonly reason: string | null;
    readonly respondedAt: string;
  }
>;
export type SupportTaskClosed = DomainEvent<
  'SupportTaskClosed',
  { readonly outcome: SupportTaskOutcome; readonly note: string | null; readonly closedAt: string }
>;

/** The task's own facts, without the shared deadline events. */
export type SupportTaskFact =
  | SupportTaskRaised
  | SupportTaskCoordinatorAssigned
  | SupportTaskContactRecorded
  | SupportTaskOfferRecorded
  | SupportTaskOfferResponseRecorded
  | SupportTaskClosed;

/** Everything a support-task stream holds: its own facts and its deadlines. */
export type SupportTaskEvent = SupportTaskFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const SUPPORT_TASK_EVENT_SCHEMA_VERSIONS: Readonly<Record<SupportTaskEvent['type'], number>> = {
  SupportTaskRaised: 1,
  SupportTaskCoordinatorAssigned: 1,
  SupportTaskContactRecorded: 1,
  SupportTaskOfferRecorded: 1,
  SupportTaskOfferResponseRecorded: 1,
  SupportTaskClosed: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

/** No hyphen: a stream's category is what precedes its first '-' (EventStoreDB's rule). */
export const SUPPORT_TASK_STREAM_CATEGORY = 'supporttask';

export function supportTaskStreamId(taskId: string): string {
  return `${SUPPORT_TASK_STREAM_CATEGORY}-${taskId}`;
}
