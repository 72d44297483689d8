import type { DomainEvent } from '@casework/core/domain/decider';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type { LengthOfServiceBand } from './length-of-service';
import type { EmploymentType, ExitDemographics, LeavingReason, SurveyAnswers } from './types';

/**
 * What happened in one person's exit, as stored in its stream. Type names are explicit
 * and stable (they are the stored names); data is plain JSON, instants as ISO strings and
 * business dates as YYYY-MM-DD (Europe/London). Each event carries what the leaver
 * reports need, so a projection never reads the stream back. Changing a payload's shape
 * means a new schema version and an upcaster.
 */

export interface ExitLeavingNotifiedData {
  readonly exitId: string;
  readonly personId: string;
  readonly name: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly lineManagerId: string | null;
  /** YYYY-MM-DD. */
  readonly startDate: string;
  /** Only the fields the person chose to give; an empty object when they gave none. */
  readonly demographics: ExitDemographics;
  readonly reason: LeavingReason;
  /** YYYY-MM-DD, the leaving date as notified; `ExitLeft` records the final one. */
  readonly leavingDate: string;
  /** The person asked not to speak to their line manager: they may not interview them. */
  readonly optOutOfLineManager: boolean;
  readonly notifiedBy: string;
  readonly notifiedAt: string;
}

export interface ExitSurveyCompletedData {
  /** Which questionnaire the answers belong to, so a later change never rereads them. */
  readonly questionnaireId: string;
  /** questionId → answer, checked against that questionnaire. */
  readonly answers: SurveyAnswers;
  readonly completedAt: string;
}

export interface ExitLeftData {
  /** YYYY-MM-DD: the final leaving date, which may differ from the one notified. */
  readonly leavingDate: string;
  readonly reason: LeavingReason;
  /** From the start date to the final leaving date. */
  readonly lengthOfService: LengthOfServiceBand;
  readonly interviewHeld: boolean;
  readonly recordedAt: string;
}

export type ExitLeavingNotified = DomainEvent<'ExitLeavingNotified', ExitLeavingNotifiedData>;
export type ExitInterviewerAllocated = DomainEvent<
  'ExitInterviewerAllocated',
  { readonly interviewerId: string; readonly allocatedAt: string }
>;
export type ExitInterviewerReallocated = DomainEvent<
  'ExitInterviewerReallocated',
  {
    readonly fromInterviewerId: string;
    readonly toInterviewerId: string;
    readonly reason: string;
    readonly reallocatedAt: string;
  }
>;
export type ExitSurveyCompleted = DomainEvent<'ExitSurveyCompleted', ExitSurveyCompletedData>;
export type ExitSurveyDeclined = DomainEvent<
  'ExitSurveyDeclined',
  { readonly reason: string | null; readonly declinedAt: string }
>;
export type ExitInterviewHeld = DomainEvent<
  'ExitInterviewHeld',
  {
    readonly interviewerId: string;
    readonly heldAt: string;
    /** Kept for the retention team; never on the timeline. */
    readonly summary: string | null;
    readonly recordedAt: string;
  }
>;
export type ExitInterviewDeclined = DomainEvent<
  'ExitInterviewDeclined',
  { readonly reason: string | null; readonly declinedAt: string }
>;
export type ExitDriversRecorded = DomainEvent<
  'ExitDriversRecorded',
  { readonly codes: readonly string[]; readonly note: string | null; readonly recordedAt: string }
>;
/** The resignation was withdrawn before the leaving date: the person stays. */
export type ExitRetained = DomainEvent<
  'ExitRetained',
  {
    readonly employmentType: EmploymentType;
    readonly department: string;
    /** Reports ask how many were kept after an exit interview. */
    readonly interviewHeld: boolean;
    readonly note: string | null;
    readonly retainedAt: string;
  }
>;
export type ExitLeft = DomainEvent<'ExitLeft', ExitLeftData>;
export type ExitRejoinerLinked = DomainEvent<
  'ExitRejoinerLinked',
  {
    /** YYYY-MM-DD. */
    readonly rejoinedAt: string;
    /** The person's new record, when rejoining gave them one. */
    readonly newPersonRecordId: string | null;
    readonly linkedAt: string;
  }
>;

/** The exit's own facts, without the shared deadline events. */
export type ExitFact =
  | ExitLeavingNotified
  | ExitInterviewerAllocated
  | ExitInterviewerReallocated
  | ExitSurveyCompleted
  | ExitSurveyDeclined
  | ExitInterviewHeld
  | ExitInterviewDeclined
  | ExitDriversRecorded
  | ExitRetained
  | ExitLeft
  | ExitRejoinerLinked;

/** Everything an exit stream holds: its own facts and its deadlines. */
export type ExitEvent = ExitFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const EXIT_EVENT_SCHEMA_VERSIONS: Readonly<Record<ExitEvent['type'], number>> = {
  ExitLeavingNotified: 1,
  ExitInterviewerAllocated: 1,
  ExitInterviewerReallocated: 1,
  ExitSurveyCompleted: 1,
  ExitSurveyDeclined: 1,
  ExitInterviewHeld: 1,
  ExitInterviewDeclined: 1,
  ExitDriversRecorded: 1,
  ExitRetained: 1,
  ExitLeft: 1,
  ExitRejoinerLinked: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

export const EXIT_STREAM_CATEGORY = 'exit';

export function exitStreamId(exitId: string): string {
  return `${EXIT_STREAM_CATEGORY}-${exitId}`;
}
