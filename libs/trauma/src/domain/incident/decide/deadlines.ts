import type { WorkingCalendar } from '@casework/core/time/calendar';
import { deterministicId } from '@casework/core/ids';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { scheduleDeadline, waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { escalationLadder, type EstipPolicy, type IncidentDeadlineKind } from '../estip-policy';
import type { IncidentTaxonomy } from '../incident-taxonomy';

export interface IncidentDeciderDeps {
  readonly policy: EstipPolicy;
  readonly taxonomy: IncidentTaxonomy;
  readonly calendar: WorkingCalendar;
}

/**
 * Schedules an incident deadline with the force's escalation ladder. The id comes from the
 * command, so a retried command schedules the same deadline and never a second one.
 */
export function scheduleIncidentDeadline(
  deps: IncidentDeciderDeps,
  deadline: {
    readonly kind: IncidentDeadlineKind;
    readonly commandId: string;
    readonly dueAt: Date;
    readonly ownerId: string | null;
  },
): DeadlineEvent {
  return scheduleDeadline({
    deadlineId: deterministicId(deadline.commandId, deadline.kind),
    kind: deadline.kind,
    dueAt: deadline.dueAt,
    ownerId: deadline.ownerId,
    escalations: escalationLadder(deps.policy, deps.calendar, deadline.dueAt),
  });
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
