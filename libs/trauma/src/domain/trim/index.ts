/** The TRiM activation domain's public API; everything else in this folder is internal. */
export { createTrimDecider, type TrimDeciderDeps } from './decider';
export type * from './commands';
export {
  TRIM_EVENT_SCHEMA_VERSIONS,
  TRIM_STREAM_CATEGORY,
  trimStreamId,
  type PractitionerAllocated,
  type PractitionerReallocated,
  type TraumaInterventionBriefDelivered,
  type TrimActivated,
  type TrimActivatedData,
  type TrimClosed,
  type TrimDeclined,
  type TrimEvent,
  type TrimFact,
  type TrimReferralOpened,
  type TrimReferralRequested,
  type TrimReferralRequestedData,
  type TrimRiskAssessmentRecorded,
  type TrimRiskAssessmentRecordedData,
} from './events';
export {
  evolve as evolveTrim,
  initialTrimState,
  latestAssessment,
  OPEN_STATUSES,
  type AssessmentSummary,
  type ClosedTrim,
  type DeclinedTrim,
  type ExistingTrim,
  type OpenStatus,
  type OpenTrim,
  type TrimCase,
  type TrimState,
  type TrimStatus,
} from './state';
export { TRIM_ERROR_CODES, type TrimConflictCode, type TrimErrorCode, type TrimInvalidCode } from './errors';
export * from './types';
export {
  DEFAULT_TRIM_POLICY,
  escalationLadder as trimEscalationLadder,
  followUpAssessmentDueAt,
  initialAssessmentDueAt,
  isAtOrAboveThreshold,
  riskTotal,
  traumaBriefDueAt,
  TRIM_DEADLINES,
  validateTrimPolicy,
  type EscalationRung as TrimEscalationRung,
  type TrimPolicy,
} from './policy';
export { describeTrimEvent, type TimelineEntry } from './timeline';
export { managerView, type TrimManagerView } from './manager-view';
export * from './trim-referral.process';
