import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the surveillance decider throws. Codes are API: clients branch on them, so
 * one is added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and
 * DEADLINE.REASON_REQUIRED for WaiveDeadline.)
 */
export const SURVEILLANCE_ERROR_CODES = {
  /** 404: the person has never been enrolled. */
  notFound: ['SURVEILLANCE.NOT_FOUND'],
  /** 409: the command does not fit the record's current status. */
  conflict: ['SURVEILLANCE.ALREADY_ENROLLED', 'SURVEILLANCE.LEFT', 'SURVEILLANCE.NOT_REQUIRED'],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'SURVEILLANCE.FIELD_REQUIRED',
    'SURVEILLANCE.INVALID_DATE',
    'SURVEILLANCE.WRONG_PERSON',
    'SURVEILLANCE.COMPLETED_IN_FUTURE',
    'SURVEILLANCE.SCREENING_OUT_OF_ORDER',
    'SURVEILLANCE.PROVIDER_NOT_ALLOWED',
    'SURVEILLANCE.NO_CHANGE',
  ],
} as const;

type Codes = typeof SURVEILLANCE_ERROR_CODES;
export type SurveillanceConflictCode = Codes['conflict'][number];
export type SurveillanceInvalidCode = Codes['invalid'][number];
export type SurveillanceErrorCode = Codes['notFound'][number] | SurveillanceConflictCode | SurveillanceInvalidCode;

export function notFound(): DomainError {
  return new DomainError('SURVEILLANCE.NOT_FOUND', 'This person is not on the surveillance register', 'not_found');
}

export function conflict(code: SurveillanceConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: SurveillanceInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
