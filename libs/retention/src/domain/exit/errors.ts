import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the exit decider throws. Codes are API: clients branch on them, so one is
 * added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and DEADLINE.REASON_REQUIRED
 * for WaiveDeadline.)
 */
export const EXIT_ERROR_CODES = {
  /** 404: no exit stream yet. */
  notFound: ['EXIT.NOT_FOUND'],
  /** 409: the command does not fit the exit's current status. */
  conflict: [
    'EXIT.ALREADY_NOTIFIED',
    'EXIT.RETAINED',
    'EXIT.LEFT',
    'EXIT.INTERVIEWER_ALREADY_ALLOCATED',
    'EXIT.NO_INTERVIEWER',
    'EXIT.INTERVIEW_ALREADY_HELD',
    'EXIT.INTERVIEW_DECLINED',
    'EXIT.SURVEY_ALREADY_COMPLETED',
    'EXIT.SURVEY_DECLINED',
    'EXIT.DRIVERS_ALREADY_RECORDED',
    'EXIT.NOT_A_RESIGNATION',
    'EXIT.LEAVING_DATE_PASSED',
    'EXIT.NOT_LEFT',
    'EXIT.REJOINER_ALREADY_LINKED',
  ],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'EXIT.FIELD_REQUIRED',
    'EXIT.INVALID_DATE',
    'EXIT.UNKNOWN_CODE',
    'EXIT.LEAVING_DATE_BEFORE_NOTICE',
    'EXIT.LEAVING_BEFORE_START',
    'EXIT.INTERVIEWER_IS_LINE_MANAGER',
    'EXIT.SAME_INTERVIEWER',
    'EXIT.INTERVIEW_IN_FUTURE',
    'EXIT.INTERVIEW_BEFORE_NOTICE',
    'EXIT.INTERVIEW_AFTER_LEAVING_DATE',
    'EXIT.UNKNOWN_QUESTION',
    'EXIT.INVALID_ANSWER',
    'EXIT.ANSWER_REQUIRED',
    'EXIT.DRIVER_REQUIRED',
    'EXIT.UNKNOWN_DRIVER',
    'EXIT.DUPLICATE_DRIVER',
    'EXIT.LEAVING_DATE_IN_FUTURE',
    'EXIT.REJOINED_BEFORE_LEAVING',
    'EXIT.REJOINED_IN_FUTURE',
  ],
} as const;

type Codes = typeof EXIT_ERROR_CODES;
export type ExitConflictCode = Codes['conflict'][number];
export type ExitInvalidCode = Codes['invalid'][number];
export type ExitErrorCode = Codes['notFound'][number] | ExitConflictCode | ExitInvalidCode;

export function notFound(): DomainError {
  return new DomainError('EXIT.NOT_FOUND', 'No such exit', 'not_found');
}

export function conflict(code: ExitConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: ExitInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
