/** The welfare liaison domain's public API; everything else in this folder is internal. */
export { createWelfareDecider, type WelfareDeciderDeps } from './decider';
export type * from './commands';
export {
  WELFARE_EVENT_SCHEMA_VERSIONS,
  WELFARE_STREAM_CATEGORY,
  welfareStreamId,
  type InvestigationConcluded,
  type InvestigationProgressReported,
  type SickLeaveEnded,
  type SickLeaveStarted,
  type WelfareCaseClosed,
  type WelfareCaseOpened,
  type WelfareCaseOpenedData,
  type WelfareContactLogged,
  type WelfareContactLoggedData,
  type WelfareEvent,
  type WelfareFact,
  type WloAssigned,
  type WloReassigned,
} from './events';
export {
  evolve as evolveWelfare,
  initialWelfareState,
  OPEN_STATUSES,
  type ClosedWelfare,
  type ExistingWelfare,
  type InvestigationFacts,
  type OpenStatus,
  type OpenWelfare,
  type WelfareCase,
  type WelfareState,
  type WelfareStatus,
} from './state';
export {
  WELFARE_ERROR_CODES,
  type WelfareConflictCode,
  type WelfareErrorCode,
  type WelfareInvalidCode,
} from './errors';
export * from './types';
export {
  DEFAULT_WELFARE_POLICY,
  escalationLadder as welfareEscalationLadder,
  firstReportDueAt,
  homeVisitDueAt,
  nextContactDueAt,
  nextReportDueAt,
  validateWelfarePolicy,
  WELFARE_DEADLINES,
  type EscalationRung as WelfareEscalationRung,
  type WelfarePolicy,
} from './policy';
export { contactCompliance, isContactCompliant, type ContactCompliance } from './compliance';
export { describeWelfareEvent, type TimelineEntry } from './timeline';
