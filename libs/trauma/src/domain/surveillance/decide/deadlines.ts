import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { waiveDeadline, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import { scheduleEscalatingDeadline } from '@casework/timers/domain/deadline-policy';
import type { SurveillanceEvent } from '../events';
import { screeningOverdueAt, SURVEILLANCE_DEADLINES, type SurveillancePolicy } from '../surveillance-policy';
import type { ScheduleReason, ScreeningLevel } from '../types';

export interface SurveillanceDeciderDeps {
  readonly policy: SurveillancePolicy;
  readonly calendar: WorkingCalendar;
}

/**
 * A screening falls due: the due date people see, and a deadline at the end of the grace
 * period with the force's escalation ladder. The deadline id comes from the command, so a
 * retried command schedules the same deadline and never a second one. Screening
 * deadlines have no named owner: the wellbeing team's queue is the owner.
 */
export function scheduleScreening(
  deps: SurveillanceDeciderDeps,
  screening: {
    readonly commandId: string;
    readonly level: ScreeningLevel;
    readonly dueAt: Date;
    readonly reason: ScheduleReason;
    readonly now: Date;
  },
): SurveillanceEvent[] {
  const overdueAt = screeningOverdueAt(deps.policy, deps.calendar, screening.dueAt);
  return [
    {
      type: 'SurveillanceScreeningScheduled',
      data: {
        level: screening.level,
        dueAt: screening.dueAt.toISOString(),
        reason: screening.reason,
        scheduledAt: screening.now.toISOString(),
      },
    },
    scheduleEscalatingDeadline(deps.policy.escalation, deps.calendar, {
      kind: SURVEILLANCE_DEADLINES.screening,
      commandId: screening.commandId,
      dueAt: overdueAt,
      ownerId: null,
    }),
  ];
}

/** Someone who stops being screened owes nothing: every open deadline is waived. */
export function waiveOpenDeadlines(ledger: DeadlineLedger, reason: string, waivedBy: string): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => waiveDeadline(ledger, kind, reason, waivedBy));
}
