import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the referral decider throws. Codes are API: clients branch on them, so
 * one is added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and
 * DEADLINE.REASON_REQUIRED for WaiveDeadline.)
 */
export const REFERRAL_ERROR_CODES = {
  /** 404: no referral stream yet. */
  notFound: ['REFERRAL.NOT_FOUND'],
  /** 409: the command does not fit the referral's current status. */
  conflict: [
    'REFERRAL.ALREADY_EXISTS',
    'REFERRAL.CLOSED',
    'REFERRAL.CANCELLED',
    'REFERRAL.NOT_CLOSED',
    'REFERRAL.ALREADY_TRIAGED',
    'REFERRAL.NOT_TRIAGED',
    'REFERRAL.CONSENT_REQUIRED',
    'REFERRAL.CONSENT_ALREADY_RECORDED',
    'REFERRAL.NO_APPOINTMENT',
    'REFERRAL.APPOINTMENT_PENDING',
    'REFERRAL.APPOINTMENT_ALREADY_BOOKED',
    'REFERRAL.ATTENDANCE_ALREADY_RECORDED',
    'REFERRAL.NO_ATTENDED_APPOINTMENT',
    'REFERRAL.OUTCOME_ALREADY_RECORDED',
    'REFERRAL.NO_OUTCOME',
    'REFERRAL.NO_REPORT_CONSENT',
    'REFERRAL.REPORT_ALREADY_RELEASED',
    'REFERRAL.REPORT_PENDING',
    'REFERRAL.WRONG_STATUS',
  ],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'REFERRAL.FIELD_REQUIRED',
    'REFERRAL.INVALID_DATE',
    'REFERRAL.APPOINTMENT_BEFORE_REFERRAL',
    'REFERRAL.UNKNOWN_APPOINTMENT',
    'REFERRAL.RECOMMENDATION_REQUIRED',
    'REFERRAL.DUPLICATE_RECOMMENDATION',
    'REFERRAL.CONTRADICTORY_RECOMMENDATIONS',
    'REFERRAL.LIMITED_DUTIES_REQUIRED',
    'REFERRAL.LIMITED_DUTIES_NOT_APPLICABLE',
    'REFERRAL.LIMITED_DUTIES_NOT_CLINICAL',
    'REFERRAL.SMP_QUESTIONS_NOT_APPLICABLE',
    'REFERRAL.SMP_OFFICERS_ONLY',
    'REFERRAL.INCONSISTENT_SMP_ANSWERS',
    'REFERRAL.REVIEW_DATE_NOT_IN_FUTURE',
    'REFERRAL.CLOSE_REASON_NOT_ALLOWED',
    'REFERRAL.SAME_ADVISOR',
  ],
} as const;

type Codes = typeof REFERRAL_ERROR_CODES;
export type ReferralConflictCode = Codes['conflict'][number];
export type ReferralInvalidCode = Codes['invalid'][number];
export type ReferralErrorCode = Codes['notFound'][number] | ReferralConflictCode | ReferralInvalidCode;

export function notFound(): DomainError {
  return new DomainError('REFERRAL.NOT_FOUND', 'No such referral', 'not_found');
}

export function conflict(code: ReferralConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: ReferralInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
