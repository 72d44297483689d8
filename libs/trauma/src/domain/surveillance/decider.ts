import type { Decider } from '@casework/core/domain/decider';
import type { SurveillanceCommand } from './commands';
import type { SurveillanceDeciderDeps } from './decide/deadlines';
import { changeRole, enrol, leave } from './decide/enrolment';
import { recordScreening } from './decide/screening';
import { escalate, waive } from './decide/timers';
import type { SurveillanceEvent } from './events';
import { evolveSurveillance, initialSurveillanceState, type SurveillanceState } from './state';

export type { SurveillanceDeciderDeps } from './decide/deadlines';

/**
 * One person's psychological surveillance: their screening level, and when they are
 * next due to be screened.
 *
 *   none | left ─EnrolInSurveillance→ enrolled (first screening due)
 *   enrolled ─RecordScreening→ enrolled (deadline met, next screening due one interval on)
 *   enrolled | not_required ─ChangeRole(level)→ enrolled (due date brought forward if the
 *                                                new level asks for an earlier screening)
 *   enrolled | not_required ─ChangeRole(null)→ not_required (open deadlines waived)
 *   enrolled | not_required ─LeaveSurveillance→ left (open deadlines waived)
 *   WaiveDeadline works on a record still on the register, EscalateDeadline (a timer) on
 *   any that exists.
 *
 * Each due screening is a `screening` deadline in the person's own stream, due at the end
 * of the grace period after the due date; overdue and escalated screenings are the
 * ledger's DeadlineOverdue/DeadlineEscalated events, recorded when timers fire.
 */
export function createSurveillanceDecider(
  deps: SurveillanceDeciderDeps,
): Decider<SurveillanceCommand, SurveillanceEvent, SurveillanceState> {
  return {
    initialState: initialSurveillanceState,
    evolve: evolveSurveillance,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(
  command: SurveillanceCommand,
  state: SurveillanceState,
  deps: SurveillanceDeciderDeps,
): SurveillanceEvent[] {
  switch (command.type) {
    case 'EnrolInSurveillance':
      return enrol(command, state, deps);
    case 'RecordScreening':
      return recordScreening(command, state, deps);
    case 'ChangeRole':
      return changeRole(command, state, deps);
    case 'LeaveSurveillance':
      return leave(command, state);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown surveillance command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
