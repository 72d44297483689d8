import type { DomainEvent } from '@casework/core/domain/decider';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type {
  AppointmentMode,
  CloseReason,
  EmploymentType,
  Fitness,
  LimitedDutiesType,
  Priority,
  Recommendation,
  ReferralCategory,
  ReferralSource,
  SmpQuestions,
  Urgency,
} from './types';

/**
 * What happened to a referral, as stored in its stream. Type names are explicit and
 * stable (they are the stored names); data is plain JSON with instants as ISO strings.
 * Changing a payload's shape means a new schema version and an upcaster, never an edit.
 */

export interface ReferralSubmittedData {
  readonly referralId: string;
  /** Staff number or person id of the colleague referred. */
  readonly subjectId: string;
  readonly subjectName: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly role: string | null;
  readonly source: ReferralSource;
  readonly category: ReferralCategory;
  readonly urgency: Urgency;
  readonly reason: string;
  readonly referredBy: string;
  readonly lineManagerId: string | null;
  /** The case that led here, e.g. a TRiM activation when the source is `trim`. */
  readonly linkedCaseId: string | null;
  readonly submittedAt: string;
}

export interface ReferralOutcomeRecordedData {
  readonly appointmentId: string;
  readonly fitness: Fitness;
  readonly limitedDuties: LimitedDutiesType | null;
  readonly recommendations: readonly Recommendation[];
  readonly smpQuestions: SmpQuestions | null;
  /** Confidential to OH: never shown on the timeline nor kept in decision state. */
  readonly clinicalNotes: string;
  readonly recordedAt: string;
}

export type ReferralSubmitted = DomainEvent<'ReferralSubmitted', ReferralSubmittedData>;
export type ReferralTriaged = DomainEvent<
  'ReferralTriaged',
  { readonly priority: Priority; readonly advisorId: string; readonly triagedAt: string }
>;
export type ReferralConsentRecorded = DomainEvent<
  'ReferralConsentRecorded',
  { readonly consentGiven: boolean; readonly recordedAt: string }
>;
export type ReferralAppointmentOffered = DomainEvent<
  'ReferralAppointmentOffered',
  {
    readonly appointmentId: string;
    readonly scheduledFor: string;
    readonly mode: AppointmentMode;
    readonly clinicianId: string | null;
    readonly offeredAt: string;
  }
>;
export type ReferralAppointmentBooked = DomainEvent<'ReferralAppointmentBooked', { readonly appointmentId: string }>;
export type ReferralAppointmentAttended = DomainEvent<
  'ReferralAppointmentAttended',
  { readonly appointmentId: string; readonly attendedAt: string }
>;
export type ReferralAppointmentMissed = DomainEvent<
  'ReferralAppointmentMissed',
  {
    readonly appointmentId: string;
    /** Running total of missed appointments since submission (or the last reopening). */
    readonly missedCount: number;
    readonly recordedAt: string;
  }
>;
export type ReferralOutcomeRecorded = DomainEvent<'ReferralOutcomeRecorded', ReferralOutcomeRecordedData>;
export type ReferralReportConsentRecorded = DomainEvent<
  'ReferralReportConsentRecorded',
  { readonly consentGiven: boolean; readonly recordedAt: string }
>;
export type ReferralReportReleased = DomainEvent<
  'ReferralReportReleased',
  { readonly releasedTo: string; readonly releasedAt: string }
>;
export type ReferralReviewScheduled = DomainEvent<
  'ReferralReviewScheduled',
  {
    /** YYYY-MM-DD: a business date in Europe/London, not an instant. */
    readonly reviewDate: string;
    readonly scheduledAt: string;
  }
>;
export type ReferralClosed = DomainEvent<
  'ReferralClosed',
  { readonly reason: CloseReason; readonly note: string | null; readonly closedAt: string }
>;
export type ReferralReopened = DomainEvent<
  'ReferralReopened',
  { readonly reason: string; readonly reopenedAt: string }
>;
export type ReferralReassigned = DomainEvent<
  'ReferralReassigned',
  {
    readonly fromAdvisorId: string | null;
    readonly toAdvisorId: string;
    readonly reason: string | null;
    readonly reassignedAt: string;
  }
>;
export type ReferralCancelled = DomainEvent<
  'ReferralCancelled',
  { readonly reason: string; readonly cancelledAt: string }
>;

/** The referral's own facts, without the shared deadline events. */
export type ReferralFact =
  | ReferralSubmitted
  | ReferralTriaged
  | ReferralConsentRecorded
  | ReferralAppointmentOffered
  | ReferralAppointmentBooked
  | ReferralAppointmentAttended
  | ReferralAppointmentMissed
  | ReferralOutcomeRecorded
  | ReferralReportConsentRecorded
  | ReferralReportReleased
  | ReferralReviewScheduled
  | ReferralClosed
  | ReferralReopened
  | ReferralReassigned
  | ReferralCancelled;

/** Everything a referral stream holds: its own facts and its deadlines. */
export type ReferralEvent = ReferralFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const REFERRAL_EVENT_SCHEMA_VERSIONS: Readonly<Record<ReferralEvent['type'], number>> = {
  ReferralSubmitted: 1,
  ReferralTriaged: 1,
  ReferralConsentRecorded: 1,
  ReferralAppointmentOffered: 1,
  ReferralAppointmentBooked: 1,
  ReferralAppointmentAttended: 1,
  ReferralAppointmentMissed: 1,
  ReferralOutcomeRecorded: 1,
  ReferralReportConsentRecorded: 1,
  ReferralReportReleased: 1,
  ReferralReviewScheduled: 1,
  ReferralClosed: 1,
  ReferralReopened: 1,
  ReferralReassigned: 1,
  ReferralCancelled: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

export const REFERRAL_STREAM_CATEGORY = 'referral';

export function referralStreamId(referralId: string): string {
  return `${REFERRAL_STREAM_CATEGORY}-${referralId}`;
}
