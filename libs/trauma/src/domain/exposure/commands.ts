import type {
  Actor,
  ContactMethod,
  ExposureHistoryItem,
  ExposureSummary,
  OfferResponse,
  SupportOffer,
  SupportTaskOutcome,
} from './types';

/**
 * What a coordinator (or a process manager, or a timer) asks a support task to do.
 * Every command carries its own business time (`now`) and id (`commandId`, from which
 * every new id is derived), so deciding is pure and a retried command decides the same.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

/** Usually sent by the repeat-exposure process manager from `thresholdCrossing`. */
export type RaiseSupportTask = Envelope<
  'RaiseSupportTask',
  {
    /** Must be `supportTaskId(personId, triggeringExposureId)`. */
    readonly taskId: string;
    readonly personId: string;
    readonly personName: string;
    readonly department: string;
    readonly triggeringExposureId: string;
    readonly exposures: readonly ExposureHistoryItem[];
    readonly summary: ExposureSummary;
  }
>;
export type AssignCoordinator = Envelope<'AssignCoordinator', { readonly coordinatorId: string }>;
export type RecordContact = Envelope<
  'RecordContact',
  { readonly method: ContactMethod; readonly reached: boolean; readonly note: string | null }
>;
/** The offer id is derived from the command id; find it in the resulting state. */
export type RecordSupportOffer = Envelope<
  'RecordSupportOffer',
  { readonly offer: SupportOffer; readonly note: string | null }
>;
export type RecordOfferResponse = Envelope<
  'RecordOfferResponse',
  { readonly offerId: string; readonly response: OfferResponse; readonly reason: string | null }
>;
export type CloseSupportTask = Envelope<
  'CloseSupportTask',
  { readonly outcome: SupportTaskOutcome; readonly note: string | null }
>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type SupportTaskCommand =
  | RaiseSupportTask
  | AssignCoordinator
  | RecordContact
  | RecordSupportOffer
  | RecordOfferResponse
  | CloseSupportTask
  | WaiveDeadline
  | EscalateDeadline;
