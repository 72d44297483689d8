import type { Decider } from '@casework/core/domain/decider';
import type { SupportTaskCommand } from './commands';
import { assignCoordinator, recordContact } from './decide/contact';
import type { SupportTaskDeciderDeps } from './decide/deadlines';
import { close, escalate, waive } from './decide/lifecycle';
import { recordOffer, recordOfferResponse } from './decide/offers';
import { raise } from './decide/raise';
import type { SupportTaskEvent } from './events';
import { evolveSupportTask, initialSupportTaskState, type SupportTaskState } from './state';

export type { SupportTaskDeciderDeps } from './decide/deadlines';

/**
 * A proactive-support task for a colleague over the repeat-exposure threshold, from the
 * crossing to a personal, staged offer of support and its outcome.
 *
 *   none ─RaiseSupportTask→ awaiting_contact ─AssignCoordinator→ (coordinator set)
 *   awaiting_contact ─RecordContact(reached)→ in_contact   (an unreached attempt stays put)
 *   in_contact ─RecordSupportOffer→ offer pending ─RecordOfferResponse→ accepted | declined
 *   any open status ─CloseSupportTask→ closed (final)
 *   RaiseSupportTask on an existing task records nothing (one crossing, one task).
 *   AssignCoordinator and WaiveDeadline work on any open task, EscalateDeadline (a timer)
 *   on any that exists.
 *
 * Raising schedules the first-contact deadline in the task's own stream; the first
 * contact that reaches the person meets it. The force's policy sets how long it may take
 * and whom an overdue one escalates to.
 */
export function createSupportTaskDecider(
  deps: SupportTaskDeciderDeps,
): Decider<SupportTaskCommand, SupportTaskEvent, SupportTaskState> {
  return {
    initialState: initialSupportTaskState,
    evolve: evolveSupportTask,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(
  command: SupportTaskCommand,
  state: SupportTaskState,
  deps: SupportTaskDeciderDeps,
): SupportTaskEvent[] {
  switch (command.type) {
    case 'RaiseSupportTask':
      return raise(command, state, deps);
    case 'AssignCoordinator':
      return assignCoordinator(command, state);
    case 'RecordContact':
      return recordContact(command, state);
    case 'RecordSupportOffer':
      return recordOffer(command, state);
    case 'RecordOfferResponse':
      return recordOfferResponse(command, state);
    case 'CloseSupportTask':
      return close(command, state);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown support-task command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
