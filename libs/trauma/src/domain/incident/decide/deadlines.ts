import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { scheduleEscalatingDeadline, type DeadlineToSchedule } from '@casework/timers/domain/deadline-policy';
import type { EstipPolicy, IncidentDeadlineKind } from '../estip-policy';
import type { IncidentTaxonomy } from '../incident-taxonomy';

export interface IncidentDeciderDeps {
  readonly policy: EstipPolicy;
  readonly taxonomy: IncidentTaxonomy;
  readonly calendar: WorkingCalendar;
}

/** Schedules a deadline with the force's escalation ladder; the id comes from the command. */
export function scheduleIncidentDeadline(
  deps: IncidentDeciderDeps,
  deadline: DeadlineToSchedule & { readonly kind: IncidentDeadlineKind },
): DeadlineEvent {
  return scheduleEscalatingDeadline(deps.policy.escalation, deps.calendar, deadline);
}

/**
 * A stage that will not happen (skipped, found not needed) owes nothing. Unlike a waiver
 * by hand, there may be no deadline left to waive: someone may have waived it already.
 */
export function waiveIfOpen(ledger: DeadlineLedger, kind: string, reason: string, waivedBy: string): DeadlineEvent[] {
  return ledger[kind] ? waiveDeadline(ledger, kind, reason, waivedBy) : [];
}

/** A closed incident owes nobody anything: every open deadline is waived. */
export function waiveOpenDeadlines(ledger: DeadlineLedger, reason: string, waivedBy: string): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => waiveDeadline(ledger, kind, reason, waivedBy));
}
