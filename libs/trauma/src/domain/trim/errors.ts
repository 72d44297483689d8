import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the TRiM decider throws. Codes are API: clients branch on them, so one is
 * added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and DEADLINE.REASON_REQUIRED
 * for WaiveDeadline.)
 */
export const TRIM_ERROR_CODES = {
  /** 404: no activation stream yet. */
  notFound: ['TRIM.NOT_FOUND'],
  /** 409: the command does not fit the activation's current status. */
  conflict: [
    'TRIM.ALREADY_ACTIVATED',
    'TRIM.CLOSED',
    'TRIM.DECLINED',
    'TRIM.PRACTITIONER_ALREADY_ALLOCATED',
    'TRIM.NO_PRACTITIONER',
    'TRIM.BRIEF_ALREADY_DELIVERED',
    'TRIM.INITIAL_ASSESSMENT_ALREADY_RECORDED',
    'TRIM.INITIAL_ASSESSMENT_REQUIRED',
    'TRIM.FOLLOW_UP_ALREADY_RECORDED',
    'TRIM.FOLLOW_UP_REQUIRED',
    'TRIM.NO_REFERRAL_REQUESTED',
    'TRIM.REFERRAL_ALREADY_LINKED',
    'TRIM.REFERRAL_NOT_OPENED',
  ],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'TRIM.FIELD_REQUIRED',
    'TRIM.INVALID_DATE',
    'TRIM.INCIDENT_IN_FUTURE',
    'TRIM.BRIEF_IN_FUTURE',
    'TRIM.BRIEF_BEFORE_ACTIVATION',
    'TRIM.SAME_PRACTITIONER',
    'TRIM.RISK_SCORE_MISSING',
    'TRIM.UNKNOWN_RISK_ITEM',
    'TRIM.INVALID_RISK_SCORE',
    'TRIM.CLOSE_OUTCOME_NOT_ALLOWED',
    'TRIM.DECLINE_STAGE_PASSED',
  ],
} as const;

type Codes = typeof TRIM_ERROR_CODES;
export type TrimConflictCode = Codes['conflict'][number];
export type TrimInvalidCode = Codes['invalid'][number];
export type TrimErrorCode = Codes['notFound'][number] | TrimConflictCode | TrimInvalidCode;

export function notFound(): DomainError {
  return new DomainError('TRIM.NOT_FOUND', 'No such TRiM activation', 'not_found');
}

export function conflict(code: TrimConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: TrimInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
