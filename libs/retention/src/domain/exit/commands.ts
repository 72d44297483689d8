import type { Actor, ExitDemographics, ExitPerson, LeavingReason, SurveyAnswers } from './types';

/**
 * What someone (or a timer) asks an exit to do. Every command carries its own business
 * time (`now`, back-dated for imports) and id (`commandId`, from which every new id is
 * derived), so deciding is pure and a retried command decides the same.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

export type NotifyLeaving = Envelope<
  'NotifyLeaving',
  {
    readonly exitId: string;
    readonly person: ExitPerson;
    /** Only what the person chose to give; each code is checked at run time too. */
    readonly demographics: ExitDemographics;
    /** YYYY-MM-DD, on or after the day of notification. */
    readonly leavingDate: string;
    readonly reason: LeavingReason;
    readonly optOutOfLineManager: boolean;
  }
>;
export type AllocateExitInterviewer = Envelope<'AllocateExitInterviewer', { readonly interviewerId: string }>;
export type ReallocateExitInterviewer = Envelope<
  'ReallocateExitInterviewer',
  { readonly interviewerId: string; readonly reason: string }
>;
/** Answers keyed by question id, checked against the force's questionnaire. */
export type CompleteExitSurvey = Envelope<'CompleteExitSurvey', { readonly answers: SurveyAnswers }>;
export type DeclineExitSurvey = Envelope<'DeclineExitSurvey', { readonly reason: string | null }>;
export type RecordExitInterview = Envelope<
  'RecordExitInterview',
  { readonly heldAt: Date; readonly summary: string | null }
>;
export type DeclineExitInterview = Envelope<'DeclineExitInterview', { readonly reason: string | null }>;
export type RecordExitDrivers = Envelope<
  'RecordExitDrivers',
  { readonly codes: readonly string[]; readonly note: string | null }
>;
/** The resignation is withdrawn and the person stays. */
export type WithdrawResignation = Envelope<'WithdrawResignation', { readonly note: string | null }>;
/** Null keeps the leaving date notified; a date (YYYY-MM-DD) records a different final one. */
export type RecordLeft = Envelope<'RecordLeft', { readonly leavingDate: string | null }>;
export type LinkRejoiner = Envelope<
  'LinkRejoiner',
  { readonly rejoinedAt: string; readonly newPersonRecordId?: string | null }
>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type ExitCommand =
  | NotifyLeaving
  | AllocateExitInterviewer
  | ReallocateExitInterviewer
  | CompleteExitSurvey
  | DeclineExitSurvey
  | RecordExitInterview
  | DeclineExitInterview
  | RecordExitDrivers
  | WithdrawResignation
  | RecordLeft
  | LinkRejoiner
  | WaiveDeadline
  | EscalateDeadline;
