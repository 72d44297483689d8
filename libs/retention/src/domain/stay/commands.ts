import type { Actor, EmploymentType, IntentToLeave, StayOutcome, StayRequestSource } from './types';

/**
 * What someone (or a timer) asks a stay interview to do. Every command carries its own
 * business time (`now`, back-dated for imports) and id (`commandId`, from which every new
 * id is derived), so deciding is pure and a retried command decides the same.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

export type RequestStayInterview = Envelope<
  'RequestStayInterview',
  {
    readonly stayInterviewId: string;
    readonly personId: string;
    readonly personName: string;
    readonly employmentType: EmploymentType;
    readonly department: string;
    readonly lineManagerId: string;
    /** YYYY-MM-DD, not after today. */
    readonly startDate: string;
    readonly isStudentOfficer: boolean;
    readonly source: StayRequestSource;
    readonly concerns: string;
    readonly intentToLeave: IntentToLeave;
    /** Null when the actor asked; set when keying in someone else's request. */
    readonly requestedBy: string | null;
  }
>;
/** The retention team picks the interviewer; the HTTP edge checks they are on the team. */
export type AllocateStayInterviewer = Envelope<'AllocateStayInterviewer', { readonly interviewerId: string }>;
export type ReassignStayInterviewer = Envelope<
  'ReassignStayInterviewer',
  { readonly interviewerId: string; readonly reason: string }
>;
export type RecordStayInterview = Envelope<
  'RecordStayInterview',
  {
    readonly heldAt: Date;
    /** Codes from the force's theme taxonomy; at least one. */
    readonly themes: readonly string[];
    readonly intentToLeave: IntentToLeave;
    readonly recommendations: readonly string[];
  }
>;
export interface ActionToAgree {
  readonly description: string;
  readonly ownerId: string;
  /** YYYY-MM-DD, today or later. */
  readonly dueDate: string;
}
export type AgreeStayActions = Envelope<'AgreeStayActions', { readonly actions: readonly ActionToAgree[] }>;
export type CompleteAction = Envelope<'CompleteAction', { readonly actionId: string }>;
export type RecordStayFollowUp = Envelope<
  'RecordStayFollowUp',
  { readonly heldAt: Date; readonly note: string | null }
>;
export type RecordStayOutcome = Envelope<
  'RecordStayOutcome',
  {
    readonly outcome: StayOutcome;
    /** YYYY-MM-DD; required when the outcome is `left`, null when they stayed. */
    readonly leavingDate: string | null;
    readonly note: string | null;
  }
>;
/** The person says no to the interview itself. */
export type DeclineStayInterview = Envelope<'DeclineStayInterview', { readonly reason: string }>;
/** The person withdraws their request (or it is withdrawn for them) at any open stage. */
export type CancelStayInterview = Envelope<'CancelStayInterview', { readonly reason: string }>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type StayCommand =
  | RequestStayInterview
  | AllocateStayInterviewer
  | ReassignStayInterviewer
  | RecordStayInterview
  | AgreeStayActions
  | CompleteAction
  | RecordStayFollowUp
  | RecordStayOutcome
  | DeclineStayInterview
  | CancelStayInterview
  | WaiveDeadline
  | EscalateDeadline;
