import type { DomainEvent } from '@casework/core/domain/decider';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type {
  AssessmentKind,
  EmploymentType,
  TrimCloseOutcome,
  TrimDeclineStage,
  TrimRiskScores,
  TrimSource,
} from './types';

/**
 * What happened in one person's TRiM activation, as stored in its stream. Type names are
 * explicit and stable (they are the stored names); data is plain JSON with instants as
 * ISO strings. Changing a payload's shape means a new schema version and an upcaster.
 * The whole stream is confidential to TRiM staff: see `managerView` for what a line
 * manager may learn.
 */

export interface TrimActivatedData {
  readonly activationId: string;
  readonly personId: string;
  readonly personName: string;
  /** Carried so an OH referral opened from TRiM can be submitted without asking again. */
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly source: TrimSource;
  /** Set for source `incident`; a self or manager referral may name one too. */
  readonly incidentId: string | null;
  readonly incidentOccurredAt: string | null;
  /**
   * Where the ~72 h and ~28 day assessment timings start: the incident, for source
   * `incident`; the activation itself for self and manager referrals.
   */
  readonly assessmentClockFrom: string;
  readonly activatedBy: string;
  readonly activatedAt: string;
}

export interface TrimRiskAssessmentRecordedData {
  readonly kind: AssessmentKind;
  readonly practitionerId: string;
  readonly scores: TrimRiskScores;
  /** The decider's sum of the scores, against the force's threshold when assessed. */
  readonly total: number;
  readonly threshold: number;
  readonly atOrAboveThreshold: boolean;
  readonly practitionerRequestedReferral: boolean;
  /** Confidential to TRiM staff: never on the timeline nor in decision state. */
  readonly notes: string;
  readonly assessedAt: string;
}

export interface TrimReferralRequestedData {
  readonly activationId: string;
  readonly personId: string;
  /** A snapshot of the person, so the process manager needs nothing but this event. */
  readonly personName: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly practitionerId: string;
  readonly reason: string;
  readonly followUpTotal: number;
  readonly threshold: number;
  readonly practitionerRequested: boolean;
  readonly requestedAt: string;
}

export type TrimActivated = DomainEvent<'TrimActivated', TrimActivatedData>;
export type PractitionerAllocated = DomainEvent<
  'PractitionerAllocated',
  { readonly practitionerId: string; readonly allocatedAt: string }
>;
export type PractitionerReallocated = DomainEvent<
  'PractitionerReallocated',
  {
    readonly fromPractitionerId: string;
    readonly toPractitionerId: string;
    readonly reason: string;
    readonly reallocatedAt: string;
  }
>;
export type TraumaInterventionBriefDelivered = DomainEvent<
  'TraumaInterventionBriefDelivered',
  { readonly practitionerId: string; readonly deliveredAt: string; readonly recordedAt: string }
>;
export type TrimRiskAssessmentRecorded = DomainEvent<'TrimRiskAssessmentRecorded', TrimRiskAssessmentRecordedData>;
export type TrimReferralRequested = DomainEvent<'TrimReferralRequested', TrimReferralRequestedData>;
export type TrimReferralOpened = DomainEvent<
  'TrimReferralOpened',
  { readonly referralId: string; readonly linkedAt: string }
>;
export type TrimClosed = DomainEvent<
  'TrimClosed',
  { readonly outcome: TrimCloseOutcome; readonly note: string | null; readonly closedAt: string }
>;
export type TrimDeclined = DomainEvent<
  'TrimDeclined',
  { readonly stage: TrimDeclineStage; readonly reason: string; readonly declinedAt: string }
>;

/** The activation's own facts, without the shared deadline events. */
export type TrimFact =
  | TrimActivated
  | PractitionerAllocated
  | PractitionerReallocated
  | TraumaInterventionBriefDelivered
  | TrimRiskAssessmentRecorded
  | TrimReferralRequested
  | TrimReferralOpened
  | TrimClosed
  | TrimDeclined;

/** Everything a TRiM stream holds: its own facts and its deadlines. */
export type TrimEvent = TrimFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const TRIM_EVENT_SCHEMA_VERSIONS: Readonly<Record<TrimEvent['type'], number>> = {
  TrimActivated: 1,
  PractitionerAllocated: 1,
  PractitionerReallocated: 1,
  TraumaInterventionBriefDelivered: 1,
  TrimRiskAssessmentRecorded: 1,
  TrimReferralRequested: 1,
  TrimReferralOpened: 1,
  TrimClosed: 1,
  TrimDeclined: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

export const TRIM_STREAM_CATEGORY = 'trim';

export function trimStreamId(activationId: string): string {
  return `${TRIM_STREAM_CATEGORY}-${activationId}`;
}
