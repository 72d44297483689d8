import { DateTime } from 'luxon';
import { isIsoCalendarDate } from '@casework/core/time/bank-holidays';
import { conflict, invalid, notFound } from '../errors';
import { OPEN_STATUSES, type ExistingStay, type OpenStatus, type OpenStay, type StayState } from '../state';

/** Every command but RequestStayInterview needs the interview to exist. */
export function requireExisting(state: StayState): ExistingStay {
  if (state.status === 'none') throw notFound();
  return state;
}

/** Closed, declined and cancelled interviews refuse everything but timers. */
export function requireOpen(state: StayState): OpenStay {
  const stay = requireExisting(state);
  switch (stay.status) {
    case 'closed':
      throw conflict('STAY.CLOSED', 'The stay interview is closed: its outcome is recorded');
    case 'declined':
      throw conflict('STAY.DECLINED', 'The person declined the stay interview; their decision stands');
    case 'cancelled':
      throw conflict('STAY.CANCELLED', 'The stay interview was withdrawn');
    default:
      return stay;
  }
}

export function requireInterviewer(stay: OpenStay): string {
  if (stay.interviewerId === null) throw conflict('STAY.NO_INTERVIEWER', 'No interviewer has been allocated yet');
  return stay.interviewerId;
}

/** Whether `status` comes before `stage` in the interview's path. */
export function isBefore(status: OpenStatus, stage: OpenStatus): boolean {
  return OPEN_STATUSES.indexOf(status) < OPEN_STATUSES.indexOf(stage);
}

export function requireText(value: string | null, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw invalid('STAY.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

/** Optional free text: blank means "not given". */
export function optionalText(value: string | null): string | null {
  return typeof value !== 'string' || value.trim().length === 0 ? null : value;
}

/** When something happened: a real instant, not after now and not before `earliest`. */
export function requirePastInstant(
  value: Date,
  now: Date,
  earliest: { at: string; what: string },
  field: string,
): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('STAY.INVALID_DATE', `${field} is not a valid date`, field);
  }
  if (value.getTime() > now.getTime()) throw invalid('STAY.DATE_IN_FUTURE', `${field} cannot be in the future`, field);
  if (value.getTime() < Date.parse(earliest.at)) {
    throw invalid('STAY.DATE_TOO_EARLY', `${field} cannot be before ${earliest.what}`, field);
  }
  return value;
}

/** A business date written YYYY-MM-DD. */
export function requireBusinessDate(value: string | null, field: string): string {
  if (!isIsoCalendarDate(value)) throw invalid('STAY.INVALID_DATE', `${field} must be a YYYY-MM-DD date`, field);
  return value;
}

/** Today's business date in the force's zone, to compare YYYY-MM-DD dates with. */
export function businessToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM-dd');
}
