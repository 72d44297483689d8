import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { scheduleEscalatingDeadline, type DeadlineToSchedule } from '@casework/timers/domain/deadline-policy';
import type { ReferralDeadlinePolicy } from '../deadline-policy';

export interface ReferralDeciderDeps {
  readonly policy: ReferralDeadlinePolicy;
  readonly calendar: WorkingCalendar;
}

/** Schedules a deadline with the force's escalation ladder; the id comes from the command. */
export function scheduleReferralDeadline(
  deps: ReferralDeciderDeps,
  deadline: DeadlineToSchedule,
): DeadlineEvent {
  return scheduleEscalatingDeadline(deps.policy.escalation, deps.calendar, deadline);
}

/** A referral that stops (closed or cancelled) owes nobody anything: every open deadline is waived. */
export function waiveOpenDeadlines(ledger: DeadlineLedger, reason: string, waivedBy: string): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => waiveDeadline(ledger, kind, reason, waivedBy));
}
