import { conflict, invalid, notFound } from '../errors';
import type { ActiveRecord, ExistingRecord, SurveillanceState } from '../state';

/** Every command but EnrolInSurveillance needs the person to have been enrolled. */
export function requireExisting(state: SurveillanceState): ExistingRecord {
  if (state.status === 'none') throw notFound();
  return state;
}

/** Someone who left the register refuses everything but re-enrolment and timers. */
export function requireActive(state: SurveillanceState): ActiveRecord {
  const record = requireExisting(state);
  if (record.status === 'left')
    throw conflict('SURVEILLANCE.LEFT', 'This person has left surveillance; enrol them again');
  return record;
}

export function requireText(value: string | null, field: string): string {
  if (value === null || value.trim().length === 0) {
    throw invalid('SURVEILLANCE.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

export function requireDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('SURVEILLANCE.INVALID_DATE', `${field} is not a valid date`, field);
  }
  return value;
}
