import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { scheduleEscalatingDeadline, type DeadlineToSchedule } from '@casework/timers/domain/deadline-policy';
import type { StayPolicy } from '../policy';

export interface StayDeciderDeps {
  readonly policy: StayPolicy;
  readonly calendar: WorkingCalendar;
}

/** Schedules a deadline with the force's escalation ladder; the id comes from the command. */
export function scheduleStayDeadline(deps: StayDeciderDeps, deadline: DeadlineToSchedule): DeadlineEvent {
  return scheduleEscalatingDeadline(deps.policy.escalation, deps.calendar, deadline);
}

/** An interview that ends (outcome, decline, withdrawal) owes nobody anything: every open deadline is waived. */
export function waiveOpenDeadlines(ledger: DeadlineLedger, reason: string, waivedBy: string): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => waiveDeadline(ledger, kind, reason, waivedBy));
}
