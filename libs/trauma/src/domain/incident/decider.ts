import type { Decider } from '@casework/core/domain/decider';
import type { IncidentCommand } from './commands';
import type { IncidentDeciderDeps } from './decide/deadlines';
import { concludeMonitoring, defuse, demobilise, holdEstim, skipStage, startMonitoring } from './decide/estip';
import { close, escalate, waive } from './decide/lifecycle';
import { addColleague, record, removeColleague } from './decide/recording';
import { holdTrimPlanning } from './decide/trim-planning';
import type { IncidentEvent } from './events';
import { evolve, initialIncidentState, type IncidentState } from './state';

export type { IncidentDeciderDeps } from './decide/deadlines';

/**
 * A traumatic incident, the colleagues exposed to it, and the ESTIP support given.
 *
 *   none ─RecordIncident→ open ─CloseIncident→ closed (final; only timers after that)
 *
 * While open, in any order: Add/RemoveExposedColleague, RecordTrimPlanningMeeting (once),
 * WaiveDeadline. ESTIP's tiers, each held or skipped (SkipEstipStage) in this order:
 *
 *   demobilisation ─RecordDemobilisation→ held (defusion needed? if not: defusion not_needed)
 *   defusion       ─RecordDefusion→ held
 *   estim          ─RecordEstim→ held
 *   monitoring     ─StartMonitoring→ in_progress ─ConcludeMonitoring→ concluded
 *
 * Recording the incident schedules three deadlines, measured from when it occurred:
 * demobilisation, defusion and the TRiM planning meeting. Holding a stage meets its
 * deadline; skipping it (or finding no defusion needed) waives it; closing waives all.
 * EscalateDeadline (a timer) works on any recorded incident and never fails.
 * The incident type comes from the force's taxonomy, its weight stamped on each exposure.
 */
export function createIncidentDecider(
  deps: IncidentDeciderDeps,
): Decider<IncidentCommand, IncidentEvent, IncidentState> {
  return {
    initialState: initialIncidentState,
    evolve,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(command: IncidentCommand, state: IncidentState, deps: IncidentDeciderDeps): IncidentEvent[] {
  switch (command.type) {
    case 'RecordIncident':
      return record(command, state, deps);
    case 'AddExposedColleague':
      return addColleague(command, state);
    case 'RemoveExposedColleague':
      return removeColleague(command, state);
    case 'RecordDemobilisation':
      return demobilise(command, state);
    case 'RecordDefusion':
      return defuse(command, state);
    case 'RecordEstim':
      return holdEstim(command, state);
    case 'StartMonitoring':
      return startMonitoring(command, state);
    case 'ConcludeMonitoring':
      return concludeMonitoring(command, state);
    case 'SkipEstipStage':
      return skipStage(command, state);
    case 'RecordTrimPlanningMeeting':
      return holdTrimPlanning(command, state);
    case 'CloseIncident':
      return close(command, state);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown incident command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
