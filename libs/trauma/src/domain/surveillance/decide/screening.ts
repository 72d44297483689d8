import { deterministicId } from '@casework/core/ids';
import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { RecordScreening } from '../commands';
import { conflict, invalid } from '../errors';
import type { SurveillanceEvent } from '../events';
import type { SurveillanceState } from '../state';
import { nextScreeningDueAt, providerAllowed, SURVEILLANCE_DEADLINES } from '../surveillance-policy';
import { scheduleScreening, type SurveillanceDeciderDeps } from './deadlines';
import { requireActive, requireDate } from './guards';

/**
 * A completed screening meets the screening deadline (late if after the grace period)
 * and sets the next due date one interval from when it was done, not from when it was
 * due: an early screening brings the next one forward, a late one does not shorten it.
 * Screenings are recorded after the fact, so `completedAt` may be in the past, never in
 * the future, and never before the last one on record. Only the result is kept: the
 * clinical detail stays with the provider.
 */
export function recordScreening(
  command: RecordScreening,
  state: SurveillanceState,
  deps: SurveillanceDeciderDeps,
): SurveillanceEvent[] {
  const record = requireActive(state);
  if (record.status === 'not_required') {
    throw conflict('SURVEILLANCE.NOT_REQUIRED', `${record.role} needs no screening; change the role first`);
  }
  const { data, now, commandId } = command;
  const completedAt = requireDate(data.completedAt, 'completedAt');
  if (completedAt.getTime() > now.getTime()) {
    throw invalid('SURVEILLANCE.COMPLETED_IN_FUTURE', 'A screening is recorded once it has happened', 'completedAt');
  }
  const last = record.lastScreening;
  if (last && completedAt.getTime() <= Date.parse(last.completedAt)) {
    throw invalid(
      'SURVEILLANCE.SCREENING_OUT_OF_ORDER',
      `The last screening on record was completed at ${last.completedAt}; record only later ones`,
      'completedAt',
    );
  }
  if (!providerAllowed(deps.policy, record.level, data.provider)) {
    throw invalid(
      'SURVEILLANCE.PROVIDER_NOT_ALLOWED',
      `Level ${record.level} screening is not carried out by an ${data.provider} provider`,
      'provider',
    );
  }
  return [
    {
      type: 'SurveillanceScreeningCompleted',
      data: {
        screeningId: deterministicId(commandId, 'screening-record'),
        level: record.level,
        provider: data.provider,
        result: data.result,
        completedAt: completedAt.toISOString(),
        recordedAt: now.toISOString(),
      },
    },
    ...meetDeadline(record.deadlines, SURVEILLANCE_DEADLINES.screening, completedAt),
    ...scheduleScreening(deps, {
      commandId,
      level: record.level,
      dueAt: nextScreeningDueAt(deps.policy, deps.calendar, record.level, completedAt),
      reason: 'screening_completed',
      now,
    }),
  ];
}
