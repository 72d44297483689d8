import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { escalateDeadline, waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { scheduleEscalatingDeadline, type DeadlineToSchedule } from '@casework/timers/domain/deadline-policy';
import type { EscalateDeadline, WaiveDeadline } from '../commands';
import type { ExitEvent } from '../events';
import type { ExitPolicy } from '../policy';
import type { ExitState } from '../state';
import { requireExisting, requireOpen } from './guards';

export interface ExitDeciderDeps {
  readonly policy: ExitPolicy;
  readonly calendar: WorkingCalendar;
}

/** Schedules a deadline with the force's escalation ladder; the id comes from the command. */
export function scheduleExitDeadline(deps: ExitDeciderDeps, deadline: DeadlineToSchedule): DeadlineEvent {
  return scheduleEscalatingDeadline(deps.policy.escalation, deps.calendar, deadline);
}

/** Nobody chases an interview that will not happen: every open deadline is waived. */
export function waiveOpenDeadlines(ledger: DeadlineLedger, reason: string, waivedBy: string): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => waiveDeadline(ledger, kind, reason, waivedBy));
}

export function waive(command: WaiveDeadline, state: ExitState): ExitEvent[] {
  const exit = requireOpen(state);
  return waiveDeadline(exit.deadlines, command.data.kind, command.data.reason, command.actor.userId);
}

/**
 * A timer woke up. Timers fire late, twice, or after the stage moved on, so this never
 * fails on an existing exit: the ledger records the rung only if it still stands.
 */
export function escalate(command: EscalateDeadline, state: ExitState): ExitEvent[] {
  const exit = requireExisting(state);
  const { deadlineId, level } = command.data;
  return escalateDeadline(exit.deadlines, { deadlineId, level, now: command.now });
}
