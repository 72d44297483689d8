import { escalateDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { CloseTrim, DeclineTrim, EscalateDeadline, WaiveDeadline } from '../commands';
import { conflict, invalid } from '../errors';
import type { TrimEvent } from '../events';
import type { OpenTrim, TrimState } from '../state';
import type { TrimCloseOutcome, TrimDeclineStage } from '../types';
import { waiveOpenDeadlines } from './deadlines';
import { isBefore, optionalText, requireExisting, requireOpen, requireText } from './guards';

/**
 * An activation closes once its follow-up is done, with the outcome that follow-up led to:
 * - no referral asked for: `no_further_action`;
 * - a referral asked for: `referred_to_oh` once the OH referral is linked, or
 *   `referred_to_clinical_care` (e.g. the GP or a trauma therapist) at any point.
 * Anyone who steps away earlier is recorded with DeclineTrim, not closed.
 */
export function close(command: CloseTrim, state: TrimState): TrimEvent[] {
  const activation = requireOpen(state);
  if (isBefore(activation.status, 'awaiting_closure')) {
    throw conflict('TRIM.FOLLOW_UP_REQUIRED', 'TRiM closes after the follow-up assessment; record a decline instead');
  }
  const { outcome } = command.data;
  checkOutcome(activation, outcome);
  const { now, actor } = command;
  return [
    { type: 'TrimClosed', data: { outcome, note: optionalText(command.data.note), closedAt: now.toISOString() } },
    ...waiveOpenDeadlines(activation.deadlines, `TRiM closed: ${outcome.replace(/_/g, ' ')}`, actor.userId),
  ];
}

function checkOutcome(activation: OpenTrim, outcome: TrimCloseOutcome): void {
  const referralAsked = activation.status !== 'awaiting_closure';
  if (outcome === 'no_further_action' && referralAsked) {
    throw invalid('TRIM.CLOSE_OUTCOME_NOT_ALLOWED', 'A referral was asked for: close as referred', 'outcome');
  }
  if (outcome !== 'no_further_action' && !referralAsked) {
    throw invalid(
      'TRIM.CLOSE_OUTCOME_NOT_ALLOWED',
      'No referral was asked for: close with no further action',
      'outcome',
    );
  }
  if (outcome === 'referred_to_oh' && activation.status !== 'referred') {
    throw conflict('TRIM.REFERRAL_NOT_OPENED', 'The OH referral has not been opened yet');
  }
}

/**
 * A person may decline at any stage, and that is respected: the activation ends, every
 * open deadline is waived so nobody chases them, and nothing but timers is accepted after.
 * The stage is what they said no to, so it cannot be one already behind them.
 */
export function decline(command: DeclineTrim, state: TrimState): TrimEvent[] {
  const activation = requireOpen(state);
  const { stage } = command.data;
  const reason = requireText(command.data.reason, 'reason');
  if (isStagePassed(activation, stage)) {
    throw invalid('TRIM.DECLINE_STAGE_PASSED', `The ${stage.replace(/_/g, ' ')} is already done`, 'stage');
  }
  const { now, actor } = command;
  return [
    { type: 'TrimDeclined', data: { stage, reason, declinedAt: now.toISOString() } },
    ...waiveOpenDeadlines(activation.deadlines, `person declined TRiM (${stage.replace(/_/g, ' ')})`, actor.userId),
  ];
}

function isStagePassed(activation: OpenTrim, stage: TrimDeclineStage): boolean {
  switch (stage) {
    case 'practitioner_contact':
      return false;
    case 'trauma_brief':
      return activation.briefDeliveredAt !== null;
    case 'initial_assessment':
      return activation.initialAssessment !== null;
    case 'follow_up_assessment':
      return activation.followUpAssessment !== null;
    case 'oh_referral':
      return activation.referralId !== null;
    default: {
      const exhaustive: never = stage;
      return exhaustive;
    }
  }
}

export function waive(command: WaiveDeadline, state: TrimState): TrimEvent[] {
  const activation = requireOpen(state);
  return waiveDeadline(activation.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the stage moved on, so this never
 * fails on an existing activation: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: TrimState): TrimEvent[] {
  const activation = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(activation.deadlines, { deadlineId, level, now: command.now });
}
