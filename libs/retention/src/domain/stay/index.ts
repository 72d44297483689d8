/** The stay-interview domain's public API; everything else in this folder is internal. */
export { createStayDecider, type StayDeciderDeps } from './decider';
export type * from './commands';
export {
  STAY_EVENT_SCHEMA_VERSIONS,
  STAY_STREAM_CATEGORY,
  stayStreamId,
  type StayActionCompleted,
  type StayActionsAgreed,
  type StayEvent,
  type StayFact,
  type StayFollowUpHeld,
  type StayInterviewCancelled,
  type StayInterviewDeclined,
  type StayInterviewerAllocated,
  type StayInterviewerReassigned,
  type StayInterviewHeld,
  type StayInterviewHeldData,
  type StayInterviewRequested,
  type StayInterviewRequestedData,
  type StayOutcomeRecorded,
} from './events';
export {
  evolve as evolveStay,
  initialStayState,
  openActions,
  OPEN_STATUSES as STAY_OPEN_STATUSES,
  type CancelledStay,
  type ClosedStay,
  type DeclinedStay,
  type ExistingStay,
  type OpenStatus as StayOpenStatus,
  type OpenStay,
  type StayCase,
  type StayInterviewSummary,
  type StayState,
  type StayStatus,
  type TrackedAction,
} from './state';
export { STAY_ERROR_CODES, type StayConflictCode, type StayErrorCode, type StayInvalidCode } from './errors';
export * from './types';
export {
  DEFAULT_STAY_THEMES,
  unknownTheme,
  validateThemeTaxonomy,
  type StayThemeDefinition,
  type StayThemeTaxonomy,
} from './themes';
export {
  DEFAULT_STAY_POLICY,
  escalationLadder as stayEscalationLadder,
  followUpDueAt as stayFollowUpDueAt,
  interviewDueAt as stayInterviewDueAt,
  STAY_DEADLINES,
  validateStayPolicy,
  type EscalationRung as StayEscalationRung,
  type StayPolicy,
} from './policy';
export { describeStayEvent, type TimelineEntry } from './timeline';
