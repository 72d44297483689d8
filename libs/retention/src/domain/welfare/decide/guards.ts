import { conflict, invalid, notFound } from '../errors';
import type { ExistingWelfare, OpenWelfare, WelfareState } from '../state';

/** Every command but OpenWelfareCase needs the case to exist. */
export function requireExisting(state: WelfareState): ExistingWelfare {
  if (state.status === 'none') throw notFound();
  return state;
}

/** A closed case refuses everything but timers. */
export function requireOpen(state: WelfareState): OpenWelfare {
  const welfare = requireExisting(state);
  if (welfare.status === 'closed') throw conflict('WELFARE.CLOSED', 'The welfare liaison case is closed');
  return welfare;
}

export function requireWlo(welfare: OpenWelfare): string {
  if (welfare.wloId === null) throw conflict('WELFARE.NO_WLO', 'No welfare liaison officer has been assigned yet');
  return welfare.wloId;
}

/** Investigation milestones stop once it has concluded. */
export function requireInvestigationOpen(welfare: OpenWelfare): void {
  if (welfare.conclusion !== null) {
    throw conflict('WELFARE.INVESTIGATION_CONCLUDED', 'The investigation has already concluded');
  }
}

export function requireText(value: string | null, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw invalid('WELFARE.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

/** Optional free text: blank means "not given". */
export function optionalText(value: string | null): string | null {
  return typeof value !== 'string' || value.trim().length === 0 ? null : value;
}

/**
 * A business time for something that has happened: a valid date, not after the command's
 * `now`, and not before `notBefore` (what it must follow, named in the message).
 */
export function requirePastDate(
  value: Date,
  field: string,
  now: Date,
  notBefore?: { readonly at: string; readonly what: string },
): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalid('WELFARE.INVALID_DATE', `${field} is not a valid date`, field);
  }
  if (value.getTime() > now.getTime()) {
    throw invalid('WELFARE.DATE_IN_FUTURE', `${field} cannot be in the future`, field);
  }
  if (notBefore !== undefined && value.getTime() < Date.parse(notBefore.at)) {
    throw invalid('WELFARE.DATE_OUT_OF_ORDER', `${field} cannot be before ${notBefore.what}`, field);
  }
  return value;
}
