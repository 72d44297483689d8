import type { Decider } from '@casework/core/domain/decider';
import type { WelfareCommand } from './commands';
import { endSickLeave, logContact, startSickLeave } from './decide/contact';
import type { WelfareDeciderDeps } from './decide/deadlines';
import { recordConcluded, recordProgressReport } from './decide/investigation';
import { close, escalate, waive } from './decide/lifecycle';
import { assign, open, reassign } from './decide/opening';
import type { WelfareEvent } from './events';
import { evolve, initialWelfareState, type WelfareState } from './state';

export type { WelfareDeciderDeps } from './decide/deadlines';

/**
 * One colleague's welfare liaison while they are under investigation.
 *
 *   none ─OpenWelfareCase→ awaiting_wlo ─AssignWlo→ active
 *   active ─RecordInvestigationConcluded→ concluded ─CloseWelfareCase→ closed
 *   awaiting_wlo ─RecordInvestigationConcluded→ concluded (a WLO may still be assigned)
 *   LogWelfareContact needs a WLO; it, RecordSickLeaveStarted/Ended, ReassignWlo and
 *   WaiveDeadline work on any open case; RecordInvestigationProgressReport until the
 *   investigation concludes; EscalateDeadline (a timer) on any case.
 *
 * Deadlines live in the case's own stream. One `contact` deadline is always open: from
 * opening, then a cadence from assignment, then from each contact (shorter on sick leave).
 * Sick leave also expects a `home-visit`. The investigation's progress reports
 * (`investigation-12-month`, then `investigation-6-month`) follow reg. 19 of the Police
 * (Conduct) Regulations 2020. The force's policy sets each limit and the escalation ladder.
 */
export function createWelfareDecider(deps: WelfareDeciderDeps): Decider<WelfareCommand, WelfareEvent, WelfareState> {
  return {
    initialState: initialWelfareState,
    evolve,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(command: WelfareCommand, state: WelfareState, deps: WelfareDeciderDeps): WelfareEvent[] {
  switch (command.type) {
    case 'OpenWelfareCase':
      return open(command, state, deps);
    case 'AssignWlo':
      return assign(command, state, deps);
    case 'ReassignWlo':
      return reassign(command, state);
    case 'LogWelfareContact':
      return logContact(command, state, deps);
    case 'RecordSickLeaveStarted':
      return startSickLeave(command, state, deps);
    case 'RecordSickLeaveEnded':
      return endSickLeave(command, state);
    case 'RecordInvestigationProgressReport':
      return recordProgressReport(command, state, deps);
    case 'RecordInvestigationConcluded':
      return recordConcluded(command, state);
    case 'CloseWelfareCase':
      return close(command, state);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown welfare command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
