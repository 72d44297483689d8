import { escalateDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type {
  CancelStayInterview,
  DeclineStayInterview,
  EscalateDeadline,
  RecordStayOutcome,
  WaiveDeadline,
} from '../commands';
import { conflict, invalid } from '../errors';
import type { StayEvent } from '../events';
import type { StayState } from '../state';
import { waiveOpenDeadlines } from './deadlines';
import { isBefore, optionalText, requireBusinessDate, requireExisting, requireOpen, requireText } from './guards';

/**
 * Whether the person stayed or left is known any time after the interview: before the
 * actions, between them and the follow-up, or months after. It closes the case, and
 * whatever was still due is waived: there is nobody left to chase.
 */
export function recordOutcome(command: RecordStayOutcome, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  if (isBefore(stay.status, 'awaiting_actions')) {
    throw conflict('STAY.INTERVIEW_NOT_HELD', 'An outcome follows the interview; withdraw or decline it instead');
  }
  const { outcome } = command.data;
  const leavingDate = checkLeavingDate(outcome, command.data.leavingDate);
  const { now, actor } = command;
  return [
    {
      type: 'StayOutcomeRecorded',
      data: { outcome, leavingDate, note: optionalText(command.data.note), decidedAt: now.toISOString() },
    },
    ...waiveOpenDeadlines(stay.deadlines, `stay interview closed: the person ${outcome}`, actor.userId),
  ];
}

function checkLeavingDate(outcome: RecordStayOutcome['data']['outcome'], leavingDate: string | null): string | null {
  if (outcome === 'left') {
    if (leavingDate === null) throw invalid('STAY.FIELD_REQUIRED', 'Say when the person left', 'leavingDate');
    return requireBusinessDate(leavingDate, 'leavingDate');
  }
  if (leavingDate !== null) {
    throw invalid('STAY.LEAVING_DATE_NOT_ALLOWED', 'Someone who stayed has no leaving date', 'leavingDate');
  }
  return null;
}

/**
 * The person may say no to the interview, and that is respected: the case ends and
 * nobody is chased. Once the interview is held there is nothing left to decline; a
 * change of heart after that is a withdrawal.
 */
export function decline(command: DeclineStayInterview, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  if (!isBefore(stay.status, 'awaiting_actions')) {
    throw conflict('STAY.INTERVIEW_ALREADY_HELD', 'The interview is held; withdraw the case instead');
  }
  const reason = requireText(command.data.reason, 'reason');
  const { now, actor } = command;
  return [
    { type: 'StayInterviewDeclined', data: { reason, declinedAt: now.toISOString() } },
    ...waiveOpenDeadlines(stay.deadlines, 'person declined the stay interview', actor.userId),
  ];
}

/** Withdrawn (usually by the person) at any open stage, for a reason. */
export function cancel(command: CancelStayInterview, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  const reason = requireText(command.data.reason, 'reason');
  const { now, actor } = command;
  return [
    { type: 'StayInterviewCancelled', data: { reason, cancelledAt: now.toISOString() } },
    ...waiveOpenDeadlines(stay.deadlines, 'stay interview withdrawn', actor.userId),
  ];
}

export function waive(command: WaiveDeadline, state: StayState): StayEvent[] {
  const stay = requireOpen(state);
  return waiveDeadline(stay.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the stage moved on, so this never
 * fails on an existing interview: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: StayState): StayEvent[] {
  const stay = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(stay.deadlines, { deadlineId, level, now: command.now });
}
