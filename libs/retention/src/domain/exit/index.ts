/** The exit domain's public API; everything else in this folder is internal. */
export { createExitDecider, type ExitDeciderDeps } from './decider';
export type * from './commands';
export {
  EXIT_EVENT_SCHEMA_VERSIONS,
  EXIT_STREAM_CATEGORY,
  exitStreamId,
  type ExitDriversRecorded,
  type ExitEvent,
  type ExitFact,
  type ExitInterviewDeclined,
  type ExitInterviewerAllocated,
  type ExitInterviewerReallocated,
  type ExitInterviewHeld,
  type ExitLeavingNotified,
  type ExitLeavingNotifiedData,
  type ExitLeft,
  type ExitLeftData,
  type ExitRejoinerLinked,
  type ExitRetained,
  type ExitSurveyCompleted,
  type ExitSurveyCompletedData,
  type ExitSurveyDeclined,
} from './events';
export {
  evolve as evolveExit,
  initialExitState,
  OPEN_STATUSES as EXIT_OPEN_STATUSES,
  type ExistingExit,
  type ExitCase,
  type ExitState,
  type ExitStatus,
  type InterviewRecord,
  type LeftExit,
  type OpenExit,
  type OpenStatus as ExitOpenStatus,
  type RetainedExit,
  type SurveyRecord,
} from './state';
export { EXIT_ERROR_CODES, type ExitConflictCode, type ExitErrorCode, type ExitInvalidCode } from './errors';
export * from './types';
export { LENGTH_OF_SERVICE_BANDS, lengthOfServiceBand, type LengthOfServiceBand } from './length-of-service';
export {
  DEFAULT_EXIT_POLICY,
  escalationLadder as exitEscalationLadder,
  EXIT_DEADLINES,
  exitInterviewDueAt,
  validateExitPolicy,
  type EscalationRung as ExitEscalationRung,
  type ExitPolicy,
  type ExitQuestion,
  type ExitQuestionnaire,
} from './policy';
export { checkAnswers as checkExitSurveyAnswers } from './decide/survey';
export { describeExitEvent, type TimelineEntry } from './timeline';
