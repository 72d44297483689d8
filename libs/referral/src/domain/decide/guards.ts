import type { DomainError } from '@casework/core/domain/domain-error';
import { conflict, invalid, notFound } from '../errors';
import { OPEN_STATUSES, type ExistingReferral, type OpenReferral, type OpenStatus, type ReferralState } from '../state';

/** Every command but SubmitReferral needs the referral to exist. */
export function requireExisting(state: ReferralState): ExistingReferral {
  if (state.status === 'none') throw notFound();
  return state;
}

/** Closed and cancelled referrals refuse everything but reopening and timers. */
export function requireOpen(state: ReferralState): OpenReferral {
  const referral = requireExisting(state);
  if (referral.status === 'closed') throw conflict('REFERRAL.CLOSED', 'The referral is closed; reopen it first');
  if (referral.status === 'cancelled') throw conflict('REFERRAL.CANCELLED', 'The referral was cancelled');
  return referral;
}

/**
 * Whether `status` comes before `stage` in the referral's path. The report statuses
 * branch (ready, released, withheld), so only compare against a stage on the main path.
 */
export function isBefore(status: OpenStatus, stage: OpenStatus): boolean {
  return OPEN_STATUSES.indexOf(status) < OPEN_STATUSES.indexOf(stage);
}

export function notTriaged(): DomainError {
  return conflict('REFERRAL.NOT_TRIAGED', 'The referral has not been triaged yet');
}

/** The fallback when no more specific explanation fits. */
export function wrongStatus(action: string, status: OpenStatus): DomainError {
  return conflict('REFERRAL.WRONG_STATUS', `Cannot ${action} while the referral is ${status.replace(/_/g, ' ')}`);
}

export function requireText(value: string | null, field: string): string {
  if (value === null || value.trim().length === 0) {
    throw invalid('REFERRAL.FIELD_REQUIRED', `${field} must not be empty`, field);
  }
  return value;
}

/** Optional free text: blank means "not given". */
export function optionalText(value: string | null): string | null {
  return value === null || value.trim().length === 0 ? null : value;
}
