import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { scheduleEscalatingDeadline, type DeadlineToSchedule } from '@casework/timers/domain/deadline-policy';
import type { SupportTaskPolicy } from '../support-task-policy';

export interface SupportTaskDeciderDeps {
  readonly policy: SupportTaskPolicy;
  readonly calendar: WorkingCalendar;
}

/** Schedules a deadline with the force's escalation ladder; the id comes from the command. */
export function scheduleSupportTaskDeadline(
  deps: SupportTaskDeciderDeps,
  deadline: DeadlineToSchedule,
): DeadlineEvent {
  return scheduleEscalatingDeadline(deps.policy.escalation, deps.calendar, deadline);
}

/** A closed task owes nobody anything: every open deadline is waived. */
export function waiveOpenDeadlines(ledger: DeadlineLedger, reason: string, waivedBy: string): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => waiveDeadline(ledger, kind, reason, waivedBy));
}
