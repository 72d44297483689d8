import type {
  Actor,
  DefusionFormat,
  DemobilisationLead,
  EstipStage,
  ExposureRole,
  MonitoringOutcome,
  SupportReferral,
} from './types';

/**
 * What someone (or a timer) asks an incident to do. Every command carries its own
 * business time (`now`, back-dated for imports) and id (`commandId`, from which every
 * new id is derived), so deciding is pure and a retried command decides the same.
 * Meetings are recorded as held at `now`.
 */
interface Envelope<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly commandId: string;
  readonly now: Date;
  readonly actor: Actor;
}

export interface ExposedColleagueInput {
  readonly personId: string;
  readonly name: string;
  readonly department: string;
  readonly role: string | null;
  readonly exposureRole: ExposureRole;
}

export type RecordIncident = Envelope<
  'RecordIncident',
  {
    readonly incidentId: string;
    /** A code in the force's incident taxonomy. */
    readonly type: string;
    readonly occurredAt: Date;
    readonly location: string;
    readonly department: string;
    readonly summary: string;
    /** Null when the actor is the recorder; set when keying in someone else's record. */
    readonly recordedBy: string | null;
    readonly exposedColleagues: readonly ExposedColleagueInput[];
  }
>;
export type AddExposedColleague = Envelope<'AddExposedColleague', ExposedColleagueInput>;
export type RemoveExposedColleague = Envelope<
  'RemoveExposedColleague',
  { readonly personId: string; readonly reason: string }
>;
export type RecordDemobilisation = Envelope<
  'RecordDemobilisation',
  {
    readonly ledBy: { readonly personId: string; readonly lead: DemobilisationLead };
    readonly attendees: readonly string[];
    readonly defusionNeeded: boolean;
  }
>;
export type RecordDefusion = Envelope<
  'RecordDefusion',
  {
    readonly format: DefusionFormat;
    readonly peerDefuserId: string;
    readonly attendees: readonly string[];
    readonly needingMoreSupport: readonly string[];
  }
>;
export type RecordEstim = Envelope<
  'RecordEstim',
  {
    readonly attendees: readonly string[];
    readonly includesOh: boolean;
    readonly referredOn: readonly SupportReferral[];
  }
>;
export type StartMonitoring = Envelope<'StartMonitoring', { readonly monitored: readonly string[] }>;
export type ConcludeMonitoring = Envelope<
  'ConcludeMonitoring',
  { readonly outcome: MonitoringOutcome; readonly referredOn: readonly SupportReferral[] }
>;
export type SkipEstipStage = Envelope<'SkipEstipStage', { readonly stage: EstipStage; readonly reason: string }>;
export type RecordTrimPlanningMeeting = Envelope<
  'RecordTrimPlanningMeeting',
  { readonly chairedBy: string; readonly offeredRiskAssessment: readonly string[] }
>;
export type CloseIncident = Envelope<'CloseIncident', { readonly reason: string }>;
export type WaiveDeadline = Envelope<'WaiveDeadline', { readonly kind: string; readonly reason: string }>;
/** Sent by a deadline timer when a rung of the escalation ladder falls due. */
export type EscalateDeadline = Envelope<'EscalateDeadline', { readonly deadlineId: string; readonly level: number }>;

export type IncidentCommand =
  | RecordIncident
  | AddExposedColleague
  | RemoveExposedColleague
  | RecordDemobilisation
  | RecordDefusion
  | RecordEstim
  | StartMonitoring
  | ConcludeMonitoring
  | SkipEstipStage
  | RecordTrimPlanningMeeting
  | CloseIncident
  | WaiveDeadline
  | EscalateDeadline;
