/**
 * Repeat exposure: the register's arithmetic and the proactive-support task it raises
 * (stream category `support-task`). Names that would clash with other workflows'
 * (deadline commands, timeline entries) are exported with a support-task prefix.
 */
export {
  CONTACT_METHODS,
  OFFER_RESPONSES,
  SUPPORT_OFFERS,
  SUPPORT_TASK_OUTCOMES,
  type ContactMethod,
  type Exposure,
  type ExposureHistoryItem,
  type ExposureSummary,
  type ExposureWindowSummary,
  type OfferResponse,
  type SupportOffer,
  type SupportTaskOutcome,
} from './types';
export {
  DEFAULT_EXPOSURE_POLICY,
  reachesThreshold,
  validateExposurePolicy,
  type ExposurePolicy,
  type ExposureThreshold,
} from './exposure-policy';
export {
  aboveThresholdSince,
  exposureSummary,
  isAboveThreshold,
  supportTaskId,
  supportTaskRequest,
  thresholdCrossing,
  type PreviousSupportTask,
  type ThresholdCrossing,
} from './exposure-register';
export {
  DEFAULT_SUPPORT_TASK_POLICY,
  firstContactDueAt,
  SUPPORT_TASK_DEADLINES,
  supportTaskEscalationLadder,
  validateSupportTaskPolicy,
  type SupportTaskPolicy,
} from './support-task-policy';
export {
  SUPPORT_TASK_EVENT_SCHEMA_VERSIONS,
  SUPPORT_TASK_STREAM_CATEGORY,
  supportTaskStreamId,
  type SupportTaskClosed,
  type SupportTaskContactRecorded,
  type SupportTaskCoordinatorAssigned,
  type SupportTaskEvent,
  type SupportTaskFact,
  type SupportTaskOfferRecorded,
  type SupportTaskOfferResponseRecorded,
  type SupportTaskRaised,
  type SupportTaskRaisedData,
} from './events';
export type {
  AssignCoordinator,
  CloseSupportTask,
  EscalateDeadline as EscalateSupportTaskDeadline,
  RaiseSupportTask,
  RecordContact,
  RecordOfferResponse,
  RecordSupportOffer,
  SupportTaskCommand,
  WaiveDeadline as WaiveSupportTaskDeadline,
} from './commands';
export {
  evolveSupportTask,
  initialSupportTaskState,
  OPEN_STATUSES as SUPPORT_TASK_OPEN_STATUSES,
  pendingOffers,
  type ClosedSupportTask,
  type ExistingSupportTask,
  type OpenStatus as SupportTaskOpenStatus,
  type OpenSupportTask,
  type SupportOfferRecord,
  type SupportTaskCase,
  type SupportTaskState,
  type SupportTaskStatus,
} from './state';
export {
  SUPPORT_TASK_ERROR_CODES,
  type SupportTaskConflictCode,
  type SupportTaskErrorCode,
  type SupportTaskInvalidCode,
} from './errors';
export { createSupportTaskDecider, type SupportTaskDeciderDeps } from './decider';
export { describeSupportTaskEvent, type TimelineEntry as SupportTaskTimelineEntry } from './timeline';
