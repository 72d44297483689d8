import type { DomainEvent } from '@casework/core/domain/decider';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type { EmploymentType, IntentToLeave, StayAction, StayOutcome, StayRequestSource } from './types';

/**
 * What happened in one stay interview, as stored in its stream. Type names are explicit
 * and stable (they are the stored names); data is plain JSON with instants as ISO strings
 * and business dates as YYYY-MM-DD. Changing a payload's shape means a new schema version
 * and an upcaster. Each event carries what the retention reports split by, so a
 * projection never reads the stream back to learn it.
 */

export interface StayInterviewRequestedData {
  readonly stayInterviewId: string;
  readonly personId: string;
  readonly personName: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly lineManagerId: string;
  /** YYYY-MM-DD, for length of service. */
  readonly startDate: string;
  /** Reports split students from substantive officers. */
  readonly isStudentOfficer: boolean;
  readonly source: StayRequestSource;
  readonly concerns: string;
  readonly intentToLeave: IntentToLeave;
  readonly requestedBy: string;
  readonly requestedAt: string;
}

export interface StayInterviewHeldData {
  readonly interviewerId: string;
  /** Theme codes from the force's taxonomy when held, each once. */
  readonly themes: readonly string[];
  /** As the interview left it; the request's indicator is kept for comparison. */
  readonly intentToLeave: IntentToLeave;
  readonly recommendations: readonly string[];
  readonly heldAt: string;
  readonly recordedAt: string;
}

export type StayInterviewRequested = DomainEvent<'StayInterviewRequested', StayInterviewRequestedData>;
export type StayInterviewerAllocated = DomainEvent<
  'StayInterviewerAllocated',
  { readonly interviewerId: string; readonly allocatedAt: string }
>;
export type StayInterviewerReassigned = DomainEvent<
  'StayInterviewerReassigned',
  {
    readonly fromInterviewerId: string;
    readonly toInterviewerId: string;
    readonly reason: string;
    readonly reassignedAt: string;
  }
>;
export type StayInterviewHeld = DomainEvent<'StayInterviewHeld', StayInterviewHeldData>;
export type StayActionsAgreed = DomainEvent<
  'StayActionsAgreed',
  { readonly actions: readonly StayAction[]; readonly agreedAt: string }
>;
export type StayActionCompleted = DomainEvent<
  'StayActionCompleted',
  { readonly actionId: string; readonly completedAt: string }
>;
export type StayFollowUpHeld = DomainEvent<
  'StayFollowUpHeld',
  { readonly interviewerId: string; readonly note: string | null; readonly heldAt: string; readonly recordedAt: string }
>;
export type StayOutcomeRecorded = DomainEvent<
  'StayOutcomeRecorded',
  {
    readonly outcome: StayOutcome;
    /** YYYY-MM-DD when the outcome is `left`; null when they stayed. */
    readonly leavingDate: string | null;
    readonly note: string | null;
    readonly decidedAt: string;
  }
>;
export type StayInterviewDeclined = DomainEvent<
  'StayInterviewDeclined',
  { readonly reason: string; readonly declinedAt: string }
>;
export type StayInterviewCancelled = DomainEvent<
  'StayInterviewCancelled',
  { readonly reason: string; readonly cancelledAt: string }
>;

/** The interview's own facts, without the shared deadline events. */
export type StayFact =
  | StayInterviewRequested
  | StayInterviewerAllocated
  | StayInterviewerReassigned
  | StayInterviewHeld
  | StayActionsAgreed
  | StayActionCompleted
  | StayFollowUpHeld
  | StayOutcomeRecorded
  | StayInterviewDeclined
  | StayInterviewCancelled;

/** Everything a stay-interview stream holds: its own facts and its deadlines. */
export type StayEvent = StayFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const STAY_EVENT_SCHEMA_VERSIONS: Readonly<Record<StayEvent['type'], number>> = {
  StayInterviewRequested: 1,
  StayInterviewerAllocated: 1,
  StayInterviewerReassigned: 1,
  StayInterviewHeld: 1,
  StayActionsAgreed: 1,
  StayActionCompleted: 1,
  StayFollowUpHeld: 1,
  StayOutcomeRecorded: 1,
  StayInterviewDeclined: 1,
  StayInterviewCancelled: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

export const STAY_STREAM_CATEGORY = 'stay';

export function stayStreamId(stayInterviewId: string): string {
  return `${STAY_STREAM_CATEGORY}-${stayInterviewId}`;
}
