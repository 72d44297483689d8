/**
 * Psychological surveillance: one record per person (stream category `surveillance`),
 * with screenings due by level. Names that would clash with other workflows' (deadline
 * commands, timeline entries) are exported with a surveillance prefix.
 */
export {
  SCHEDULE_REASONS,
  SCREENING_LEVELS,
  SCREENING_PROVIDERS,
  SCREENING_RESULTS,
  type ScheduleReason,
  type ScreeningLevel,
  type ScreeningProvider,
  type ScreeningResult,
} from './types';
export {
  DEFAULT_SURVEILLANCE_POLICY,
  firstScreeningDueAt,
  nextScreeningDueAt,
  providerAllowed,
  screeningOverdueAt,
  SURVEILLANCE_DEADLINES,
  surveillanceEscalationLadder,
  validateSurveillancePolicy,
  type ScreeningLevelRule,
  type SurveillancePolicy,
} from './surveillance-policy';
export {
  SURVEILLANCE_EVENT_SCHEMA_VERSIONS,
  SURVEILLANCE_STREAM_CATEGORY,
  surveillanceId,
  surveillanceStreamId,
  type SurveillanceEnrolled,
  type SurveillanceEnrolledData,
  type SurveillanceEvent,
  type SurveillanceFact,
  type SurveillanceLeft,
  type SurveillanceRoleChanged,
  type SurveillanceScreeningCompleted,
  type SurveillanceScreeningScheduled,
} from './events';
export type {
  ChangeRole,
  EnrolInSurveillance,
  EscalateDeadline as EscalateSurveillanceDeadline,
  LeaveSurveillance,
  RecordScreening,
  SurveillanceCommand,
  WaiveDeadline as WaiveSurveillanceDeadline,
} from './commands';
export {
  evolveSurveillance,
  initialSurveillanceState,
  type ActiveRecord,
  type EnrolledRecord,
  type ExistingRecord,
  type LeftRecord,
  type NotRequiredRecord,
  type ScreeningRecord,
  type SurveillanceCase,
  type SurveillanceState,
  type SurveillanceStatus,
} from './state';
export {
  SURVEILLANCE_ERROR_CODES,
  type SurveillanceConflictCode,
  type SurveillanceErrorCode,
  type SurveillanceInvalidCode,
} from './errors';
export { createSurveillanceDecider, type SurveillanceDeciderDeps } from './decider';
export { describeSurveillanceEvent, type TimelineEntry as SurveillanceTimelineEntry } from './timeline';
