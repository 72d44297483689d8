/** The incident workflow's domain, as the application layer and other slices use it. */
export { createIncidentDecider, type IncidentDeciderDeps } from './decider';
export type {
  AddExposedColleague,
  CloseIncident,
  ConcludeMonitoring,
  EscalateDeadline,
  ExposedColleagueInput,
  IncidentCommand,
  RecordDefusion,
  RecordDemobilisation,
  RecordEstim,
  RecordIncident,
  RecordTrimPlanningMeeting,
  RemoveExposedColleague,
  SkipEstipStage,
  StartMonitoring,
  WaiveDeadline,
} from './commands';
export {
  INCIDENT_EVENT_SCHEMA_VERSIONS,
  INCIDENT_STREAM_CATEGORY,
  incidentStreamId,
  type ColleagueExposed,
  type ColleagueExposedData,
  type ColleagueExposureRemoved,
  type DefusionHeld,
  type DemobilisationHeld,
  type EstimHeld,
  type EstipStageSkipped,
  type IncidentClosed,
  type IncidentEvent,
  type IncidentFact,
  type IncidentRecorded,
  type IncidentRecordedData,
  type MonitoringConcluded,
  type MonitoringStarted,
  type TrimOffer,
  type TrimPlanningMeetingHeld,
} from './events';
export {
  exposedColleagues,
  initialIncidentState,
  isExposed,
  type ClosedIncident,
  type EstipStageStatus,
  type ExistingIncident,
  type Exposure,
  type IncidentCase,
  type IncidentState,
  type OpenIncident,
} from './state';
export {
  INCIDENT_ERROR_CODES,
  type IncidentConflictCode,
  type IncidentErrorCode,
  type IncidentInvalidCode,
} from './errors';
export {
  DEFAULT_INCIDENT_TAXONOMY,
  incidentTypeOf,
  MAX_SEVERITY_WEIGHT,
  MIN_SEVERITY_WEIGHT,
  validateTaxonomy,
  type IncidentTaxonomy,
  type IncidentTypeDefinition,
} from './incident-taxonomy';
export {
  DEFAULT_ESTIP_POLICY,
  defusionDueAt,
  demobilisationDueAt,
  escalationLadder,
  INCIDENT_DEADLINES,
  trimPlanningDueAt,
  validateEstipPolicy,
  type EscalationRung,
  type EstipPolicy,
  type IncidentDeadlineKind,
} from './estip-policy';
export { describeIncidentEvent, type TimelineEntry } from './timeline';
export * from './types';
