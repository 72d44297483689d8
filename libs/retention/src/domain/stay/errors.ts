import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the stay-interview decider throws. Codes are API: clients branch on them, so
 * one is added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and
 * DEADLINE.REASON_REQUIRED for WaiveDeadline.)
 */
export const STAY_ERROR_CODES = {
  /** 404: no stay-interview stream yet. */
  notFound: ['STAY.NOT_FOUND'],
  /** 409: the command does not fit the interview's current status. */
  conflict: [
    'STAY.ALREADY_REQUESTED',
    'STAY.CLOSED',
    'STAY.CANCELLED',
    'STAY.DECLINED',
    'STAY.INTERVIEWER_ALREADY_ALLOCATED',
    'STAY.NO_INTERVIEWER',
    'STAY.INTERVIEW_ALREADY_HELD',
    'STAY.INTERVIEW_NOT_HELD',
    'STAY.ACTIONS_ALREADY_AGREED',
    'STAY.ACTIONS_NOT_AGREED',
    'STAY.FOLLOW_UP_ALREADY_HELD',
    'STAY.ACTION_ALREADY_COMPLETED',
  ],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'STAY.FIELD_REQUIRED',
    'STAY.INVALID_DATE',
    'STAY.DATE_IN_FUTURE',
    'STAY.DATE_TOO_EARLY',
    'STAY.INTERVIEWER_IS_LINE_MANAGER',
    'STAY.INTERVIEWER_IS_PERSON',
    'STAY.SAME_INTERVIEWER',
    'STAY.UNKNOWN_THEME',
    'STAY.UNKNOWN_ACTION',
    'STAY.ACTION_DUE_IN_PAST',
    'STAY.LEAVING_DATE_NOT_ALLOWED',
  ],
} as const;

type Codes = typeof STAY_ERROR_CODES;
export type StayConflictCode = Codes['conflict'][number];
export type StayInvalidCode = Codes['invalid'][number];
export type StayErrorCode = Codes['notFound'][number] | StayConflictCode | StayInvalidCode;

export function notFound(): DomainError {
  return new DomainError('STAY.NOT_FOUND', 'No such stay interview', 'not_found');
}

export function conflict(code: StayConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: StayInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
