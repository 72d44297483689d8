import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the welfare liaison decider throws. Codes are API: clients branch on them,
 * so one is added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and
 * DEADLINE.REASON_REQUIRED for WaiveDeadline.)
 */
export const WELFARE_ERROR_CODES = {
  /** 404: no welfare case stream yet. */
  notFound: ['WELFARE.NOT_FOUND'],
  /** 409: the command does not fit the case's current status. */
  conflict: [
    'WELFARE.ALREADY_OPENED',
    'WELFARE.CLOSED',
    'WELFARE.WLO_ALREADY_ASSIGNED',
    'WELFARE.NO_WLO',
    'WELFARE.ALREADY_ON_SICK_LEAVE',
    'WELFARE.NOT_ON_SICK_LEAVE',
    'WELFARE.INVESTIGATION_CONCLUDED',
    'WELFARE.INVESTIGATION_NOT_CONCLUDED',
  ],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'WELFARE.FIELD_REQUIRED',
    'WELFARE.INVALID_DATE',
    /** A business time after the command's `now`: things are recorded once they happened. */
    'WELFARE.DATE_IN_FUTURE',
    /** A business time before what it must follow (the opening, the investigation, …). */
    'WELFARE.DATE_OUT_OF_ORDER',
    'WELFARE.WLO_IS_SUBJECT',
    'WELFARE.SAME_WLO',
    'WELFARE.UNKNOWN_SIGNPOST',
  ],
} as const;

type Codes = typeof WELFARE_ERROR_CODES;
export type WelfareConflictCode = Codes['conflict'][number];
export type WelfareInvalidCode = Codes['invalid'][number];
export type WelfareErrorCode = Codes['notFound'][number] | WelfareConflictCode | WelfareInvalidCode;

export function notFound(): DomainError {
  return new DomainError('WELFARE.NOT_FOUND', 'No such welfare liaison case', 'not_found');
}

export function conflict(code: WelfareConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: WelfareInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
