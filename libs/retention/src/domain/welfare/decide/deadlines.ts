import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import { scheduleEscalatingDeadline, type DeadlineToSchedule } from '@casework/timers/domain/deadline-policy';
import { nextContactDueAt, WELFARE_DEADLINES, type WelfarePolicy } from '../policy';
import type { WelfareCase } from '../state';

export interface WelfareDeciderDeps {
  readonly policy: WelfarePolicy;
  readonly calendar: WorkingCalendar;
}

/** Schedules a deadline with the force's escalation ladder; the id comes from the command. */
export function scheduleWelfareDeadline(deps: WelfareDeciderDeps, deadline: DeadlineToSchedule): DeadlineEvent {
  return scheduleEscalatingDeadline(deps.policy.escalation, deps.calendar, deadline);
}

/**
 * The next contact, a cadence after `from`: weekly while the colleague is on sick leave,
 * fortnightly otherwise (by default). Scheduling it replaces whatever contact deadline was
 * open, so there is only ever one, owned by the current WLO (or nobody, before one is assigned).
 */
export function scheduleNextContact(
  deps: WelfareDeciderDeps,
  welfare: WelfareCase,
  from: Date,
  commandId: string,
): DeadlineEvent {
  return scheduleWelfareDeadline(deps, {
    kind: WELFARE_DEADLINES.contact,
    commandId,
    dueAt: nextContactDueAt(deps.policy, deps.calendar, from, welfare.sickLeaveSince !== null),
    ownerId: welfare.wloId,
  });
}
