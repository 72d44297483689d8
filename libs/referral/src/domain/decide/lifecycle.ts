import { escalateDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { CancelReferral, CloseReferral, EscalateDeadline, ReopenReferral, WaiveDeadline } from '../commands';
import { REFERRAL_DEADLINES, triageDueAt } from '../deadline-policy';
import { conflict, invalid } from '../errors';
import type { ReferralEvent } from '../events';
import type { OpenReferral, ReferralState } from '../state';
import type { Actor, CloseReason } from '../types';
import { scheduleReferralDeadline, waiveOpenDeadlines, type ReferralDeciderDeps } from './deadlines';
import { optionalText, requireExisting, requireOpen, requireText } from './guards';
import { isReportSettled } from './report';

/**
 * Closing by hand:
 * - any open referral may be closed, and every open deadline is waived with it;
 * - `completed` only once the report is settled (released, withheld or under review);
 * - before then the reason is `no_further_action` or `other`, with a note saying why;
 * - `other` always needs a note;
 * - `consent_refused` and `did_not_attend` are never chosen by hand: RecordConsent and
 *   RecordAttendance close with them, so the refusal or the missed appointments are on record.
 */
export function close(command: CloseReferral, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  const { reason } = command.data;
  const note = optionalText(command.data.note);
  if (reason === 'consent_refused' || reason === 'did_not_attend') {
    throw invalid('REFERRAL.CLOSE_REASON_NOT_ALLOWED', `Record ${reason} through consent or attendance`, 'reason');
  }
  const settled = isReportSettled(referral.status);
  if (reason === 'completed' && !settled) {
    throw invalid(
      'REFERRAL.CLOSE_REASON_NOT_ALLOWED',
      'Not completed before the report is released or withheld',
      'reason',
    );
  }
  if (note === null && (reason === 'other' || !settled)) {
    throw invalid('REFERRAL.FIELD_REQUIRED', 'Say why the referral is closed', 'note');
  }
  return closeEvents(referral, reason, note, command);
}

/** The events that close a referral, whichever command closes it. */
export function closeEvents(
  referral: OpenReferral,
  reason: CloseReason,
  note: string | null,
  { now, actor }: { readonly now: Date; readonly actor: Actor },
): ReferralEvent[] {
  return [
    { type: 'ReferralClosed', data: { reason, note, closedAt: now.toISOString() } },
    ...waiveOpenDeadlines(referral.deadlines, `referral closed: ${reason.replace(/_/g, ' ')}`, actor.userId),
  ];
}

/**
 * A closed referral reopens into triage with a fresh deadline and a fresh count of missed
 * appointments. The previous advisor owns the re-triage: they know the case.
 * A cancelled referral (made in error) stays cancelled.
 */
export function reopen(command: ReopenReferral, state: ReferralState, deps: ReferralDeciderDeps): ReferralEvent[] {
  const referral = requireExisting(state);
  if (referral.status === 'cancelled') throw conflict('REFERRAL.CANCELLED', 'A cancelled referral cannot be reopened');
  if (referral.status !== 'closed') throw conflict('REFERRAL.NOT_CLOSED', 'Only a closed referral can be reopened');
  const reason = requireText(command.data.reason, 'reason');
  const { now, commandId } = command;
  return [
    { type: 'ReferralReopened', data: { reason, reopenedAt: now.toISOString() } },
    scheduleReferralDeadline(deps, {
      kind: REFERRAL_DEADLINES.triage,
      commandId,
      dueAt: triageDueAt(deps.policy, deps.calendar, referral.urgency, now),
      ownerId: referral.advisorId,
    }),
  ];
}

/** Cancelling says the referral should never have been (a duplicate, a mistake). */
export function cancel(command: CancelReferral, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  const reason = requireText(command.data.reason, 'reason');
  return [
    { type: 'ReferralCancelled', data: { reason, cancelledAt: command.now.toISOString() } },
    ...waiveOpenDeadlines(referral.deadlines, `cancelled: ${reason}`, command.actor.userId),
  ];
}

export function waive(command: WaiveDeadline, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  return waiveDeadline(referral.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the stage moved on, so this never
 * fails on an existing referral: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: ReferralState): ReferralEvent[] {
  const referral = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(referral.deadlines, { deadlineId, level, now: command.now });
}
