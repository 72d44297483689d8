import type { RecordReferralOpened } from '../commands';
import { conflict } from '../errors';
import type { TrimEvent } from '../events';
import type { TrimState } from '../state';
import { requireExisting, requireOpen, requireText } from './guards';

/**
 * Links the OH referral opened for this activation. The process manager may deliver the
 * same link twice, even after TRiM closed: the same referral again changes nothing, while
 * a different one is a conflict, because an activation asks for one referral only.
 */
export function recordReferralOpened(command: RecordReferralOpened, state: TrimState): TrimEvent[] {
  const existing = requireExisting(state);
  const referralId = requireText(command.data.referralId, 'referralId');
  if (existing.referralId === referralId) return [];
  const activation = requireOpen(existing);
  if (activation.status === 'referred') {
    throw conflict('TRIM.REFERRAL_ALREADY_LINKED', `OH referral ${activation.referralId} is already linked`);
  }
  if (activation.status !== 'referral_requested') {
    throw conflict('TRIM.NO_REFERRAL_REQUESTED', 'This activation has not asked for an OH referral');
  }
  return [{ type: 'TrimReferralOpened', data: { referralId, linkedAt: command.now.toISOString() } }];
}
