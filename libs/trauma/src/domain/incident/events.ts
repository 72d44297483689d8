import type { DomainEvent } from '@casework/core/domain/decider';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type {
  DefusionFormat,
  DemobilisationLead,
  EstipStage,
  ExposureRole,
  MonitoringOutcome,
  SupportReferral,
} from './types';

/**
 * What happened to a trauma incident and the ESTIP support around it, as stored in its
 * stream. Type names are explicit and stable (they are the stored names); data is plain
 * JSON with instants as ISO strings. Nothing here is clinical: the incident stream says
 * who was exposed and which support was given, never how anyone is.
 * Changing a payload's shape means a new schema version and an upcaster, never an edit.
 */

export interface IncidentRecordedData {
  readonly incidentId: string;
  /** A code from the force's taxonomy, with its label and weight as they were then. */
  readonly type: string;
  readonly typeLabel: string;
  readonly severityWeight: number;
  /** When the incident happened (business time): every ESTIP/TRiM clock runs from here. */
  readonly occurredAt: string;
  readonly location: string;
  readonly department: string;
  /** Operational summary only; the HTTP edge and the forms say so. */
  readonly summary: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/**
 * One person's exposure. Self-contained on purpose: the repeat-exposure register is
 * projected from these (and removals) alone, without reading the incident.
 */
export interface ColleagueExposedData {
  readonly incidentId: string;
  readonly personId: string;
  readonly name: string;
  readonly department: string;
  /** Job role, e.g. "Response Officer". */
  readonly role: string | null;
  readonly exposureRole: ExposureRole;
  readonly incidentType: string;
  readonly severityWeight: number;
  readonly occurredAt: string;
  readonly exposedAt: string;
}

/** Whom the TRiM planning meeting offered a risk assessment, with what a TRiM activation needs. */
export interface TrimOffer {
  readonly personId: string;
  readonly name: string;
  readonly department: string;
}

export type IncidentRecorded = DomainEvent<'IncidentRecorded', IncidentRecordedData>;
export type ColleagueExposed = DomainEvent<'ColleagueExposed', ColleagueExposedData>;
export type ColleagueExposureRemoved = DomainEvent<
  'ColleagueExposureRemoved',
  {
    readonly incidentId: string;
    readonly personId: string;
    readonly name: string;
    readonly reason: string;
    readonly removedAt: string;
  }
>;
export type DemobilisationHeld = DomainEvent<
  'DemobilisationHeld',
  {
    readonly ledBy: { readonly personId: string; readonly lead: DemobilisationLead };
    readonly attendees: readonly string[];
    readonly defusionNeeded: boolean;
    readonly heldAt: string;
  }
>;
export type DefusionHeld = DomainEvent<
  'DefusionHeld',
  {
    readonly format: DefusionFormat;
    readonly peerDefuserId: string;
    readonly attendees: readonly string[];
    /** Attendees the defusion found need more than ESTIP's next tier. */
    readonly needingMoreSupport: readonly string[];
    readonly heldAt: string;
  }
>;
export type EstimHeld = DomainEvent<
  'EstimHeld',
  {
    readonly attendees: readonly string[];
    readonly includesOh: boolean;
    readonly referredOn: readonly SupportReferral[];
    readonly heldAt: string;
  }
>;
export type MonitoringStarted = DomainEvent<
  'MonitoringStarted',
  { readonly monitored: readonly string[]; readonly startedAt: string }
>;
export type MonitoringConcluded = DomainEvent<
  'MonitoringConcluded',
  {
    readonly outcome: MonitoringOutcome;
    /** Non-empty exactly when the outcome is `referred_on`. */
    readonly referredOn: readonly SupportReferral[];
    readonly concludedAt: string;
  }
>;
export type EstipStageSkipped = DomainEvent<
  'EstipStageSkipped',
  { readonly stage: EstipStage; readonly reason: string; readonly skippedAt: string }
>;
export type TrimPlanningMeetingHeld = DomainEvent<
  'TrimPlanningMeetingHeld',
  {
    readonly incidentId: string;
    /** Carried so a TRiM activation can time its 72-hour assessment without reading back. */
    readonly occurredAt: string;
    readonly chairedBy: string;
    readonly offeredRiskAssessment: readonly TrimOffer[];
    readonly heldAt: string;
  }
>;
export type IncidentClosed = DomainEvent<'IncidentClosed', { readonly reason: string; readonly closedAt: string }>;

/** The incident's own facts, without the shared deadline events. */
export type IncidentFact =
  | IncidentRecorded
  | ColleagueExposed
  | ColleagueExposureRemoved
  | DemobilisationHeld
  | DefusionHeld
  | EstimHeld
  | MonitoringStarted
  | MonitoringConcluded
  | EstipStageSkipped
  | TrimPlanningMeetingHeld
  | IncidentClosed;

/** Everything an incident stream holds: its own facts and its deadlines. */
export type IncidentEvent = IncidentFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const INCIDENT_EVENT_SCHEMA_VERSIONS: Readonly<Record<IncidentEvent['type'], number>> = {
  IncidentRecorded: 1,
  ColleagueExposed: 1,
  ColleagueExposureRemoved: 1,
  DemobilisationHeld: 1,
  DefusionHeld: 1,
  EstimHeld: 1,
  MonitoringStarted: 1,
  MonitoringConcluded: 1,
  EstipStageSkipped: 1,
  TrimPlanningMeetingHeld: 1,
  IncidentClosed: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

export const INCIDENT_STREAM_CATEGORY = 'incident';

export function incidentStreamId(incidentId: string): string {
  return `${INCIDENT_STREAM_CATEGORY}-${incidentId}`;
}
