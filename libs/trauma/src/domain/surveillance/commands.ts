import type { Actor, ScreeningLevel, ScreeningProvider, ScreeningResult } from './types';

/**
 * What someone (or a timer) asks a person's surveillance record to do. Every command
 * carries its own business time (`now`, back-dated for imports) and id (`commandId`, from
 * which every new id is derived), so deciding is pure and a retried command decides the same.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

export type EnrolInSurveillance = Envelope<
  'EnrolInSurveillance',
  {
    readonly personId: string;
    readonly personName: string;
    readonly department: string;
    readonly role: string;
    readonly level: ScreeningLevel;
    /** When the person took up the role; may be back-dated, or ahead for a known start. */
    readonly enrolledAt: Date;
  }
>;
export type RecordScreening = Envelope<
  'RecordScreening',
  {
    readonly completedAt: Date;
    readonly provider: ScreeningProvider;
    readonly result: ScreeningResult;
  }
>;
/** `level` is null when the new role needs no surveillance. Takes effect at `now`. */
export type ChangeRole = Envelope<'ChangeRole', { readonly role: string; readonly level: ScreeningLevel | null }>;
export type LeaveSurveillance = Envelope<'LeaveSurveillance', { readonly reason: string }>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type SurveillanceCommand =
  EnrolInSurveillance | RecordScreening | ChangeRole | LeaveSurveillance | WaiveDeadline | EscalateDeadline;
