import type { WorkingCalendar } from '@casework/core/time/calendar';
import { deterministicId } from '@casework/core/ids';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { scheduleDeadline, waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { supportTaskEscalationLadder, type SupportTaskPolicy } from '../support-task-policy';

export interface SupportTaskDeciderDeps {
  readonly policy: SupportTaskPolicy;
  readonly calendar: WorkingCalendar;
}

/**
 * Schedules a support-task deadline with the force's escalation ladder. The id comes from
 * the command, so a retried command schedules the same deadline and never a second one.
 */
export function scheduleSupportTaskDeadline(
  deps: SupportTaskDeciderDeps,
  deadline: {
    readonly kind: string;
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
    escalations: supportTaskEscalationLadder(deps.policy, deps.calendar, deadline.dueAt),
  });
}

/** A closed task owes nobody anything: every open deadline is waived. */
export function waiveOpenDeadlines(ledger: DeadlineLedger, reason: string, waivedBy: string): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => waiveDeadline(ledger, kind, reason, waivedBy));
}
