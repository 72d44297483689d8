import { DateTime } from 'luxon';
import { conflict, invalid, notFound } from '../errors';
import type { ExistingExit, ExitState, OpenExit } from '../state';

/** Every command but NotifyLeaving needs the exit to exist. */
export function requireExisting(state: ExitState): ExistingExit {
  if (state.status === 'none') throw notFound();
  return state;
}

/** Retained and left exits are settled: they refuse everything but the few later facts. */
export function requireOpen(state: ExitState): OpenExit {
  const exit = requireExisting(state);
  if (exit.status === 'retained') throw conflict('EXIT.RETAINED', 'The resignation was withdrawn: the person stayed');
  if (exit.status === 'left') throw conflict('EXIT.LEFT', 'The person has left');
  return exit;
}

export function requireText(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw invalid('EXIT.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

/** Optional free text: blank means "not given". */
export function optionalText(value: string | null | undefined): string | null {
  return typeof value !== 'string' || value.trim().length === 0 ? null : value;
}

/** One of a vocabulary's codes; values arrive from forms and imports, so checked at run time. */
export function requireCode<Code extends string>(value: unknown, codes: readonly Code[], field: string): Code {
  if (typeof value !== 'string' || !(codes as readonly string[]).includes(value)) {
    const message = `${field} must be one of ${codes.join(', ')}, got ${JSON.stringify(value)}`;
    throw invalid('EXIT.UNKNOWN_CODE', message, field);
  }
  return value as Code;
}

export function requireValidDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('EXIT.INVALID_DATE', `${field} is not a valid date`, field);
  }
  return value;
}

/** A real calendar date written YYYY-MM-DD, which then compares correctly as text. */
export function requireBusinessDate(value: string | null | undefined, field: string): string {
  const valid =
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    DateTime.fromISO(value, { zone: 'utc' }).isValid;
  if (!valid) throw invalid('EXIT.INVALID_DATE', `${field} must be a YYYY-MM-DD date`, field);
  return value;
}

/** The business date (YYYY-MM-DD) an instant falls on in the force's zone. */
export function businessDate(instant: Date | string, zone: string): string {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant, { zone }) : DateTime.fromJSDate(instant, { zone });
  return at.toFormat('yyyy-MM-dd');
}
