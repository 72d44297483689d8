import { escalateDeadline, waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { CloseSupportTask, EscalateDeadline, WaiveDeadline } from '../commands';
import { invalid } from '../errors';
import type { SupportTaskEvent } from '../events';
import type { OpenSupportTask, SupportTaskState } from '../state';
import type { SupportTaskOutcome } from '../types';
import { waiveOpenDeadlines } from './deadlines';
import { optionalText, requireExisting, requireOpen } from './guards';

/**
 * Closing says how the task ended, and the outcome must agree with the record:
 * - `support_accepted`: at least one offer accepted;
 * - `support_declined`: at least one offer declined and none accepted;
 * - `no_support_needed`: the person was reached and needed nothing;
 * - `unable_to_contact`: every attempt failed to reach the person;
 * - `other`: always with a note saying why.
 * Unanswered offers do not block closing. Every open deadline is waived with it.
 */
export function close(command: CloseSupportTask, state: SupportTaskState): SupportTaskEvent[] {
  const task = requireOpen(state);
  const { outcome } = command.data;
  const note = optionalText(command.data.note);
  const refusal = outcomeRefusal(task, outcome);
  if (refusal !== null) throw invalid('SUPPORT_TASK.OUTCOME_NOT_ALLOWED', refusal, 'outcome');
  if (outcome === 'other' && note === null) {
    throw invalid('SUPPORT_TASK.FIELD_REQUIRED', 'Say why the support task is closed', 'note');
  }
  return [
    { type: 'SupportTaskClosed', data: { outcome, note, closedAt: command.now.toISOString() } },
    ...waiveOpenDeadlines(task.deadlines, `support task closed: ${outcome.replace(/_/g, ' ')}`, command.actor.userId),
  ];
}

function outcomeRefusal(task: OpenSupportTask, outcome: SupportTaskOutcome): string | null {
  const answered = task.offers.flatMap((o) => (o.response === null ? [] : [o.response.response]));
  const reached = task.status === 'in_contact';
  switch (outcome) {
    case 'support_accepted':
      return answered.includes('accepted') ? null : 'No offer has been accepted';
    case 'support_declined':
      if (answered.includes('accepted')) return 'An offer was accepted';
      return answered.includes('declined') ? null : 'No offer has been declined';
    case 'no_support_needed':
      return reached ? null : 'Nobody has reached the person to learn that';
    case 'unable_to_contact':
      return reached ? 'The person has been reached' : null;
    case 'other':
      return null;
    default: {
      const exhaustive: never = outcome;
      return `Unknown outcome ${JSON.stringify(exhaustive)}`;
    }
  }
}

export function waive(command: WaiveDeadline, state: SupportTaskState): SupportTaskEvent[] {
  const task = requireOpen(state);
  return waiveDeadline(task.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the stage moved on, so this never
 * fails on an existing task: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: SupportTaskState): SupportTaskEvent[] {
  const task = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(task.deadlines, { deadlineId, level, now: command.now });
}
