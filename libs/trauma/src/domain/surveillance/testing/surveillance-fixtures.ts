import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { deterministicId } from '@casework/core/ids';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { SurveillanceCommand } from '../commands';
import { createSurveillanceDecider } from '../decider';
import type { SurveillanceEnrolledData, SurveillanceEvent } from '../events';
import { DEFAULT_SURVEILLANCE_POLICY, screeningOverdueAt, surveillanceEscalationLadder } from '../surveillance-policy';
import type { Actor, ScheduleReason, ScreeningLevel } from '../types';

/**
 * One person's surveillance on fixed dates, for given/when/then specs. Mon 2 March 2026
 * (GMT) is enrolment day in a level 1 role; British Summer Time starts on 29 March.
 */
export const calendar = new LondonWorkingCalendar({
  holidays: ['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
});
export const policy = DEFAULT_SURVEILLANCE_POLICY;
export const decider = createSurveillanceDecider({ policy, calendar });
export const spec = deciderSpec(decider);

export const PERSON_ID = 'P-2001';
export const ACTOR: Actor = { userId: 'u-wellbeing-admin', role: 'wellbeing_admin' };

export const T = {
  enrolled: '2026-03-02T09:00:00.000Z',
  screened: '2026-03-10T10:00:00.000Z',
  recorded: '2026-03-11T09:00:00.000Z',
  roleChanged: '2026-04-15T09:00:00.000Z',
  left: '2026-05-01T09:00:00.000Z',
} as const;

export const ENROLMENT: SurveillanceEnrolledData = {
  personId: PERSON_ID,
  personName: 'Sam Patel',
  department: 'Online Child Sexual Exploitation Team',
  role: 'Digital Media Investigator',
  level: 1,
  enrolledAt: T.enrolled,
};

export type CommandOf<Type extends SurveillanceCommand['type']> = Extract<SurveillanceCommand, { type: Type }>;

/** A command sent by the wellbeing admin; its id defaults to `cmd-<type>`. */
export function command<Type extends SurveillanceCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for what the command with `cmd-<type>` created. */
export function idFrom(type: SurveillanceCommand['type'], what: string): string {
  return deterministicId(`cmd-${type}`, what);
}

export const SCREENING_ID = idFrom('RecordScreening', 'screening-record');

/** A screening falling due as the decider schedules it; the grace and ladder come from the (tested) policy. */
export function due(
  by: SurveillanceCommand['type'],
  level: ScreeningLevel,
  dueAt: string,
  reason: ScheduleReason,
  scheduledAt: string,
): SurveillanceEvent[] {
  const overdueAt = screeningOverdueAt(policy, calendar, new Date(dueAt));
  return [
    { type: 'SurveillanceScreeningScheduled', data: { level, dueAt, reason, scheduledAt } },
    scheduleDeadline({
      deadlineId: idFrom(by, 'screening'),
      kind: 'screening',
      dueAt: overdueAt,
      ownerId: null,
      escalations: surveillanceEscalationLadder(policy, calendar, overdueAt),
    }),
  ];
}

export function waived(by: SurveillanceCommand['type'], reason: string): SurveillanceEvent {
  return {
    type: 'DeadlineWaived',
    data: { deadlineId: idFrom(by, 'screening'), kind: 'screening', reason, waivedBy: ACTOR.userId },
  };
}

/** Level 1: the baseline is due on enrolment; the one after it six months after it was done. */
export const DUE = {
  baseline: T.enrolled,
  baselineOverdue: '2026-03-16T17:00:00.000Z',
  afterScreening: '2026-09-10T10:00:00.000Z',
} as const;

export const history = {
  enrolled: (overrides: Partial<SurveillanceEnrolledData> = {}): SurveillanceEvent[] => {
    const data = { ...ENROLMENT, ...overrides };
    const dueAt = data.level === 1 ? data.enrolledAt : '2027-03-02T09:00:00.000Z';
    return [
      { type: 'SurveillanceEnrolled', data },
      ...due('EnrolInSurveillance', data.level, dueAt, 'enrolment', T.enrolled),
    ];
  },
  screened: (): SurveillanceEvent[] => [
    ...history.enrolled(),
    {
      type: 'SurveillanceScreeningCompleted',
      data: {
        screeningId: SCREENING_ID,
        level: 1,
        provider: 'external',
        result: 'no_concerns',
        completedAt: T.screened,
        recordedAt: T.recorded,
      },
    },
    {
      type: 'DeadlineMet',
      data: {
        deadlineId: idFrom('EnrolInSurveillance', 'screening'),
        kind: 'screening',
        metAt: T.screened,
        late: false,
      },
    },
    ...due('RecordScreening', 1, DUE.afterScreening, 'screening_completed', T.recorded),
  ],
  notRequired: (): SurveillanceEvent[] => [
    ...history.screened(),
    {
      type: 'SurveillanceRoleChanged',
      data: {
        fromRole: 'Digital Media Investigator',
        toRole: 'Neighbourhood Officer',
        fromLevel: 1,
        toLevel: null,
        changedAt: T.roleChanged,
      },
    },
    waived('RecordScreening', 'role changed'),
  ],
  left: (): SurveillanceEvent[] => [
    ...history.screened(),
    { type: 'SurveillanceLeft', data: { reason: 'Left the force', leftAt: T.left } },
    waived('RecordScreening', 'left surveillance: Left the force'),
  ],
};
