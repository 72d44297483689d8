import type {
  Actor,
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
 * What someone (or a timer) asks a referral to do. Every command carries its own
 * business time (`now`, back-dated for imports) and id (`commandId`, from which every
 * new id is derived), so deciding is pure and a retried command decides the same.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

export type SubmitReferral = Envelope<
  'SubmitReferral',
  {
    readonly referralId: string;
    readonly subjectId: string;
    readonly subjectName: string;
    readonly employmentType: EmploymentType;
    readonly department: string;
    readonly role: string | null;
    readonly source: ReferralSource;
    readonly category: ReferralCategory;
    readonly urgency: Urgency;
    readonly reason: string;
    /** Null when the actor is the referrer; set when keying in someone else's referral. */
    readonly referredBy: string | null;
    readonly lineManagerId: string | null;
    readonly linkedCaseId: string | null;
  }
>;
export type TriageReferral = Envelope<'TriageReferral', { readonly priority: Priority; readonly advisorId: string }>;
export type RecordConsent = Envelope<'RecordConsent', { readonly consentGiven: boolean }>;
/** The appointment id is derived from the command id; find it in the resulting state. */
export type OfferAppointment = Envelope<
  'OfferAppointment',
  { readonly scheduledFor: Date; readonly mode: AppointmentMode; readonly clinicianId: string | null }
>;
export type BookAppointment = Envelope<'BookAppointment', { readonly appointmentId: string }>;
export type RecordAttendance = Envelope<
  'RecordAttendance',
  { readonly appointmentId: string; readonly attended: boolean }
>;
export type RecordOutcome = Envelope<
  'RecordOutcome',
  {
    readonly appointmentId: string;
    readonly fitness: Fitness;
    readonly limitedDuties: LimitedDutiesType | null;
    readonly recommendations: readonly Recommendation[];
    readonly smpQuestions: SmpQuestions | null;
    readonly clinicalNotes: string;
  }
>;
export type RecordReportConsent = Envelope<'RecordReportConsent', { readonly consentGiven: boolean }>;
export type ReleaseReport = Envelope<'ReleaseReport', { readonly releasedTo: string }>;
/** `reviewDate` is YYYY-MM-DD, a business date in Europe/London. */
export type ScheduleReview = Envelope<'ScheduleReview', { readonly reviewDate: string }>;
export type CloseReferral = Envelope<'CloseReferral', { readonly reason: CloseReason; readonly note: string | null }>;
export type ReopenReferral = Envelope<'ReopenReferral', { readonly reason: string }>;
export type ReassignReferral = Envelope<
  'ReassignReferral',
  { readonly toAdvisorId: string; readonly reason: string | null }
>;
export type CancelReferral = Envelope<'CancelReferral', { readonly reason: string }>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type ReferralCommand =
  | SubmitReferral
  | TriageReferral
  | RecordConsent
  | OfferAppointment
  | BookAppointment
  | RecordAttendance
  | RecordOutcome
  | RecordReportConsent
  | ReleaseReport
  | ScheduleReview
  | CloseReferral
  | ReopenReferral
  | ReassignReferral
  | CancelReferral
  | WaiveDeadline
  | EscalateDeadline;
