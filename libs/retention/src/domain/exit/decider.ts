import type { Decider } from '@casework/core/domain/decider';
import type { ExitCommand } from './commands';
import { escalate, waive, type ExitDeciderDeps } from './decide/deadlines';
import { recordDrivers } from './decide/drivers';
import { allocate, declineInterview, reallocate, recordInterview } from './decide/interview';
import { notify } from './decide/notification';
import { linkRejoiner, recordLeft, withdrawResignation } from './decide/outcome';
import { completeSurvey, declineSurvey } from './decide/survey';
import type { ExitEvent } from './events';
import { evolve, initialExitState, type ExitState } from './state';

export type { ExitDeciderDeps } from './decide/deadlines';

/**
 * One person's exit, from the notice of leaving to leaving (or staying).
 *
 *   none ─NotifyLeaving→ awaiting_interviewer ─AllocateExitInterviewer→ awaiting_interview
 *   awaiting_interview ─RecordExitInterview (before the leaving date)→ awaiting_outcome
 *   awaiting_interviewer|awaiting_interview ─DeclineExitInterview→ awaiting_outcome
 *   any open status ─WithdrawResignation (a resignation, before the leaving date)→ retained
 *   any open status ─RecordLeft (on or after the final leaving date)→ left
 *   left ─LinkRejoiner→ left (with the rejoining linked; the same link again is a no-op)
 *
 *   CompleteExitSurvey / DeclineExitSurvey: once, on any open exit, in any order with the
 *   interview. ReallocateExitInterviewer: while the interview is ahead. RecordExitDrivers:
 *   once, on any exit, even after it ended. WaiveDeadline on any open exit;
 *   EscalateDeadline (a timer) on any.
 *
 * The interviewer is never the line manager the person opted out of. The exit interview
 * deadline falls at the start of the leaving date (the force's policy may bring it
 * forward) and climbs the force's escalation ladder until met or waived; declining the
 * interview, staying or leaving waives it.
 */
export function createExitDecider(deps: ExitDeciderDeps): Decider<ExitCommand, ExitEvent, ExitState> {
  return {
    initialState: initialExitState,
    evolve,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(command: ExitCommand, state: ExitState, deps: ExitDeciderDeps): ExitEvent[] {
  switch (command.type) {
    case 'NotifyLeaving':
      return notify(command, state, deps);
    case 'AllocateExitInterviewer':
      return allocate(command, state);
    case 'ReallocateExitInterviewer':
      return reallocate(command, state);
    case 'CompleteExitSurvey':
      return completeSurvey(command, state, deps);
    case 'DeclineExitSurvey':
      return declineSurvey(command, state);
    case 'RecordExitInterview':
      return recordInterview(command, state, deps);
    case 'DeclineExitInterview':
      return declineInterview(command, state);
    case 'RecordExitDrivers':
      return recordDrivers(command, state, deps);
    case 'WithdrawResignation':
      return withdrawResignation(command, state, deps);
    case 'RecordLeft':
      return recordLeft(command, state, deps);
    case 'LinkRejoiner':
      return linkRejoiner(command, state, deps);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown exit command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
