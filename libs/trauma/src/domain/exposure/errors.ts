import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the support-task decider throws. Codes are API: clients branch on them, so
 * one is added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and
 * DEADLINE.REASON_REQUIRED for WaiveDeadline.)
 */
export const SUPPORT_TASK_ERROR_CODES = {
  /** 404: no support-task stream yet. */
  notFound: ['SUPPORT_TASK.NOT_FOUND'],
  /** 409: the command does not fit the task's current state. */
  conflict: [
    'SUPPORT_TASK.ALREADY_EXISTS',
    'SUPPORT_TASK.CLOSED',
    'SUPPORT_TASK.NOT_ASSIGNED',
    'SUPPORT_TASK.NO_CONTACT',
    'SUPPORT_TASK.OFFER_PENDING',
    'SUPPORT_TASK.NO_OFFER',
    'SUPPORT_TASK.RESPONSE_ALREADY_RECORDED',
  ],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'SUPPORT_TASK.FIELD_REQUIRED',
    'SUPPORT_TASK.TASK_ID_MISMATCH',
    'SUPPORT_TASK.TRIGGER_NOT_IN_HISTORY',
    'SUPPORT_TASK.SAME_COORDINATOR',
    'SUPPORT_TASK.UNKNOWN_OFFER',
    'SUPPORT_TASK.OUTCOME_NOT_ALLOWED',
  ],
} as const;

type Codes = typeof SUPPORT_TASK_ERROR_CODES;
export type SupportTaskConflictCode = Codes['conflict'][number];
export type SupportTaskInvalidCode = Codes['invalid'][number];
export type SupportTaskErrorCode = Codes['notFound'][number] | SupportTaskConflictCode | SupportTaskInvalidCode;

export function notFound(): DomainError {
  return new DomainError('SUPPORT_TASK.NOT_FOUND', 'No such support task', 'not_found');
}

export function conflict(code: SupportTaskConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: SupportTaskInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
