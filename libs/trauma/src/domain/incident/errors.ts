import { DomainError } from '@casework/core/domain/domain-error';

/**
 * Every code the incident decider throws. Codes are API: clients branch on them, so
 * one is added, never renamed. (The ledger adds DEADLINE.NOT_OPEN and
 * DEADLINE.REASON_REQUIRED for WaiveDeadline.)
 */
export const INCIDENT_ERROR_CODES = {
  /** 404: no incident stream yet. */
  notFound: ['INCIDENT.NOT_FOUND'],
  /** 409: the command does not fit the incident's current state. */
  conflict: [
    'INCIDENT.ALREADY_EXISTS',
    'INCIDENT.CLOSED',
    'INCIDENT.COLLEAGUE_ALREADY_EXPOSED',
    'INCIDENT.COLLEAGUE_ALREADY_REMOVED',
    'INCIDENT.STAGE_ALREADY_RECORDED',
    'INCIDENT.STAGE_OUT_OF_ORDER',
    'INCIDENT.MONITORING_NOT_STARTED',
    'INCIDENT.TRIM_PLANNING_ALREADY_HELD',
  ],
  /** 422: the command breaks a rule; `field` names the offending command field. */
  invalid: [
    'INCIDENT.FIELD_REQUIRED',
    'INCIDENT.INVALID_DATE',
    'INCIDENT.OCCURRED_IN_FUTURE',
    'INCIDENT.UNKNOWN_TYPE',
    'INCIDENT.DUPLICATE_PERSON',
    'INCIDENT.UNKNOWN_COLLEAGUE',
    'INCIDENT.NOT_EXPOSED',
    'INCIDENT.PEOPLE_REQUIRED',
    'INCIDENT.ATTENDEES_DONT_FIT_FORMAT',
    'INCIDENT.NOT_AN_ATTENDEE',
    'INCIDENT.REFERRALS_DONT_FIT_OUTCOME',
  ],
} as const;

type Codes = typeof INCIDENT_ERROR_CODES;
export type IncidentConflictCode = Codes['conflict'][number];
export type IncidentInvalidCode = Codes['invalid'][number];
export type IncidentErrorCode = Codes['notFound'][number] | IncidentConflictCode | IncidentInvalidCode;

export function notFound(): DomainError {
  return new DomainError('INCIDENT.NOT_FOUND', 'No such incident', 'not_found');
}

export function conflict(code: IncidentConflictCode, message: string): DomainError {
  return new DomainError(code, message, 'conflict');
}

export function invalid(code: IncidentInvalidCode, message: string, field: string): DomainError {
  return new DomainError(code, message, 'invalid', field);
}
