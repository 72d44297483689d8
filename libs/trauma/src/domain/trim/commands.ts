import type {
  Actor,
  AssessmentKind,
  EmploymentType,
  TrimCloseOutcome,
  TrimDeclineStage,
  TrimRiskScores,
  TrimSource,
} from './types';

/**
 * What someone (or a timer, or the referral process manager) asks a TRiM activation to
 * do. Every command carries its own business time (`now`, back-dated for imports) and id
 * (`commandId`, from which every new id is derived), so deciding is pure and a retried
 * command decides the same.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

export type ActivateTrim = Envelope<
  'ActivateTrim',
  {
    readonly activationId: string;
    readonly personId: string;
    readonly personName: string;
    readonly employmentType: EmploymentType;
    readonly department: string;
    readonly source: TrimSource;
    /** Required when the source is `incident`. */
    readonly incidentId: string | null;
    /** The incident's business time; required when the source is `incident`. */
    readonly incidentOccurredAt: Date | null;
    /** Null when the actor activated it; set when keying in someone else's activation. */
    readonly activatedBy: string | null;
  }
>;
export type AllocatePractitioner = Envelope<'AllocatePractitioner', { readonly practitionerId: string }>;
export type ReallocatePractitioner = Envelope<
  'ReallocatePractitioner',
  { readonly practitionerId: string; readonly reason: string }
>;
export type RecordTraumaInterventionBrief = Envelope<'RecordTraumaInterventionBrief', { readonly deliveredAt: Date }>;
export type RecordRiskAssessment = Envelope<
  'RecordRiskAssessment',
  {
    readonly kind: AssessmentKind;
    /** Exactly the ten TRiM risk items, each 0 or 1; checked at run time too. */
    readonly scores: TrimRiskScores;
    /** Confidential to TRiM staff. */
    readonly notes: string;
    readonly practitionerRequestedReferral: boolean;
  }
>;
/** Links the OH referral opened from this activation (sent by the process manager). */
export type RecordReferralOpened = Envelope<'RecordReferralOpened', { readonly referralId: string }>;
export type CloseTrim = Envelope<'CloseTrim', { readonly outcome: TrimCloseOutcome; readonly note: string | null }>;
export type DeclineTrim = Envelope<'DeclineTrim', { readonly stage: TrimDeclineStage; readonly reason: string }>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type TrimCommand =
  | ActivateTrim
  | AllocatePractitioner
  | ReallocatePractitioner
  | RecordTraumaInterventionBrief
  | RecordRiskAssessment
  | RecordReferralOpened
  | CloseTrim
  | DeclineTrim
  | WaiveDeadline
  | EscalateDeadline;
