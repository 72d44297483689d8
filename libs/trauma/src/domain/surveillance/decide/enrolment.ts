import { waiveDeadline } from '@casework/timers/domain/deadline-ledger';
import type { ChangeRole, EnrolInSurveillance, LeaveSurveillance } from '../commands';
import { conflict, invalid } from '../errors';
import type { SurveillanceEvent } from '../events';
import type { ActiveRecord, SurveillanceState } from '../state';
import { firstScreeningDueAt, nextScreeningDueAt, SURVEILLANCE_DEADLINES } from '../surveillance-policy';
import type { ScreeningLevel } from '../types';
import { scheduleScreening, waiveOpenDeadlines, type SurveillanceDeciderDeps } from './deadlines';
import { requireActive, requireDate, requireText } from './guards';

/**
 * A person in a risk-assessed role joins the register with their first screening due:
 * at once for a level with a baseline screening (the grace period is the time to
 * arrange it), otherwise a full interval after enrolment. Someone who left may enrol
 * again, on the same record; their first screening is due afresh.
 */
export function enrol(
  command: EnrolInSurveillance,
  state: SurveillanceState,
  deps: SurveillanceDeciderDeps,
): SurveillanceEvent[] {
  if (state.status === 'enrolled' || state.status === 'not_required') {
    throw conflict(
      'SURVEILLANCE.ALREADY_ENROLLED',
      'This person is already on the register; change their role instead',
    );
  }
  const { data, now, commandId } = command;
  for (const field of ['personId', 'personName', 'department', 'role'] as const) requireText(data[field], field);
  if (state.status === 'left' && state.personId !== data.personId) {
    throw invalid('SURVEILLANCE.WRONG_PERSON', `This record belongs to ${state.personId}`, 'personId');
  }
  const enrolledAt = requireDate(data.enrolledAt, 'enrolledAt');
  return [
    {
      type: 'SurveillanceEnrolled',
      data: {
        personId: data.personId,
        personName: data.personName,
        department: data.department,
        role: data.role,
        level: data.level,
        enrolledAt: enrolledAt.toISOString(),
      },
    },
    ...scheduleScreening(deps, {
      commandId,
      level: data.level,
      dueAt: firstScreeningDueAt(deps.policy, deps.calendar, data.level, enrolledAt),
      reason: 'enrolment',
      now,
    }),
  ];
}

/**
 * A new role may carry a new screening level, or none. When the level changes, the next
 * screening is the EARLIER of the one already due and the one the new level asks for
 * (its interval from the last screening, or its first-screening rule from today if the
 * person was never screened): moving to a riskier role can bring a screening forward,
 * while moving to a safer one never excuses a screening already owed.
 * - earlier under the new level: the current deadline is waived ('role changed') and
 *   the new one scheduled;
 * - otherwise the current deadline stands untouched, keeping its escalation progress
 *   (re-scheduling it would restart the ladder and buy an overdue screening time);
 * - no level: every open deadline is waived; the person stays on the register, unscreened.
 * Changing the role within the same level changes no dates.
 */
export function changeRole(
  command: ChangeRole,
  state: SurveillanceState,
  deps: SurveillanceDeciderDeps,
): SurveillanceEvent[] {
  const record = requireActive(state);
  const role = requireText(command.data.role, 'role');
  const { level } = command.data;
  if (role === record.role && level === record.level) {
    throw invalid('SURVEILLANCE.NO_CHANGE', `${record.personName} is already a ${role} at this level`, 'role');
  }
  const { now, commandId, actor } = command;
  const changed: SurveillanceEvent = {
    type: 'SurveillanceRoleChanged',
    data: {
      fromRole: record.role,
      toRole: role,
      fromLevel: record.level,
      toLevel: level,
      changedAt: now.toISOString(),
    },
  };
  if (level === record.level) return [changed];
  if (level === null) return [changed, ...waiveOpenDeadlines(record.deadlines, ROLE_CHANGED, actor.userId)];
  const dueAt = dueUnderLevel(record, level, now, deps);
  const current = currentDueAt(record);
  if (current !== null && current.getTime() <= dueAt.getTime()) return [changed];
  return [
    changed,
    ...(record.deadlines[SURVEILLANCE_DEADLINES.screening]
      ? waiveDeadline(record.deadlines, SURVEILLANCE_DEADLINES.screening, ROLE_CHANGED, actor.userId)
      : []),
    ...scheduleScreening(deps, { commandId, level, dueAt, reason: 'role_changed', now }),
  ];
}

const ROLE_CHANGED = 'role changed';

function dueUnderLevel(record: ActiveRecord, level: ScreeningLevel, now: Date, deps: SurveillanceDeciderDeps): Date {
  return record.lastScreening
    ? nextScreeningDueAt(deps.policy, deps.calendar, level, new Date(record.lastScreening.completedAt))
    : firstScreeningDueAt(deps.policy, deps.calendar, level, now);
}

/** The screening owed now: only while its deadline is open (a waived one is owed no more). */
function currentDueAt(record: ActiveRecord): Date | null {
  return record.nextScreening && record.deadlines[SURVEILLANCE_DEADLINES.screening]
    ? new Date(record.nextScreening.dueAt)
    : null;
}

/** Leaving the register (the force, or surveillance altogether) waives whatever was due. */
export function leave(command: LeaveSurveillance, state: SurveillanceState): SurveillanceEvent[] {
  const record = requireActive(state);
  const reason = requireText(command.data.reason, 'reason');
  return [
    { type: 'SurveillanceLeft', data: { reason, leftAt: command.now.toISOString() } },
    ...waiveOpenDeadlines(record.deadlines, `left surveillance: ${reason}`, command.actor.userId),
  ];
}
