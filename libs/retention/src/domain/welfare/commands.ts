import type { Actor, ContactType, Investigation, Signpost, WelfarePerson } from './types';

/**
 * What someone (or a timer) asks a welfare liaison case to do. Every command carries its
 * own business time (`now`, back-dated for imports) and id (`commandId`, from which every
 * new id is derived), so deciding is pure and a retried command decides the same.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

export type OpenWelfareCase = Envelope<
  'OpenWelfareCase',
  {
    readonly caseId: string;
    readonly person: WelfarePerson;
    /** `startedAt` is the investigation's business time, not the case's: it may be earlier. */
    readonly investigation: Investigation & { readonly startedAt: Date };
  }
>;
export type AssignWlo = Envelope<'AssignWlo', { readonly wloId: string }>;
export type ReassignWlo = Envelope<'ReassignWlo', { readonly wloId: string; readonly reason: string }>;
export type LogWelfareContact = Envelope<
  'LogWelfareContact',
  {
    readonly contactedAt: Date;
    readonly type: ContactType;
    readonly concerns: string | null;
    readonly signposting: readonly Signpost[];
  }
>;
export type RecordSickLeaveStarted = Envelope<'RecordSickLeaveStarted', { readonly startedAt: Date }>;
export type RecordSickLeaveEnded = Envelope<'RecordSickLeaveEnded', { readonly endedAt: Date }>;
export type RecordInvestigationProgressReport = Envelope<
  'RecordInvestigationProgressReport',
  { readonly reportedAt: Date; readonly note: string | null }
>;
export type RecordInvestigationConcluded = Envelope<
  'RecordInvestigationConcluded',
  { readonly outcome: string; readonly concludedAt: Date }
>;
export type CloseWelfareCase = Envelope<
  'CloseWelfareCase',
  { readonly exitPlan: string; readonly debriefHeldAt: Date }
>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type WelfareCommand =
  | OpenWelfareCase
  | AssignWlo
  | ReassignWlo
  | LogWelfareContact
  | RecordSickLeaveStarted
  | RecordSickLeaveEnded
  | RecordInvestigationProgressReport
  | RecordInvestigationConcluded
  | CloseWelfareCase
  | WaiveDeadline
  | EscalateDeadline;
