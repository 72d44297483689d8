import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { deterministicId } from '@casework/core/ids';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { ExitCommand, NotifyLeaving } from '../commands';
import { createExitDecider } from '../decider';
import type { ExitEvent, ExitLeavingNotifiedData } from '../events';
import { DEFAULT_EXIT_POLICY, escalationLadder } from '../policy';
import type { Actor } from '../types';

/**
 * One resignation on fixed dates, for given/when/then specs. March 2026 is GMT until
 * British Summer Time starts on Sunday 29 March, so the London times before then read the
 * same as the UTC ones written here. Notice is given on Monday 2 March for Friday 27 March.
 */
export const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
export const policy = DEFAULT_EXIT_POLICY;
export const decider = createExitDecider({ policy, calendar });
export const spec = deciderSpec(decider);

export const EXIT_ID = 'exit-1';
export const LINE_MANAGER = 'u-line-manager';
export const INTERVIEWER = 'u-interviewer';
export const ACTOR: Actor = { userId: 'u-retention', role: 'retention_officer' };
export const LEAVING_DATE = '2026-03-27';

export const T = {
  notified: '2026-03-02T10:00:00.000Z',
  allocated: '2026-03-03T09:00:00.000Z',
  surveyed: '2026-03-05T12:00:00.000Z',
  interviewHeld: '2026-03-10T14:00:00.000Z',
  interviewRecorded: '2026-03-10T16:00:00.000Z',
  drivers: '2026-03-10T16:30:00.000Z',
  withdrawn: '2026-03-20T11:00:00.000Z',
  left: '2026-03-27T10:00:00.000Z',
  linked: '2027-01-10T09:00:00.000Z',
} as const;

/** The exit interview is due at the start of the leaving date (midnight GMT). */
export const INTERVIEW_DUE = '2026-03-27T00:00:00.000Z';

export type CommandOf<Type extends ExitCommand['type']> = Extract<ExitCommand, { type: Type }>;

/** A command sent by the retention team; its id defaults to `cmd-<type>`. */
export function command<Type extends ExitCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for what the command with `cmd-<type>` created. */
export function idFrom(type: ExitCommand['type'], what: string): string {
  return deterministicId(`cmd-${type}`, what);
}

export const NOTICE: NotifyLeaving['data'] = {
  exitId: EXIT_ID,
  person: {
    personId: 'P-2001',
    name: 'Sam Taylor',
    employmentType: 'police_officer',
    department: 'Public Protection Unit',
    lineManagerId: LINE_MANAGER,
    startDate: '2015-09-01',
  },
  demographics: { ageBand: '35-44', sex: 'female' },
  leavingDate: LEAVING_DATE,
  reason: 'resignation',
  optOutOfLineManager: true,
};

export const NOTIFIED: ExitLeavingNotifiedData = {
  exitId: EXIT_ID,
  ...NOTICE.person,
  demographics: { ageBand: '35-44', sex: 'female' },
  reason: 'resignation',
  leavingDate: LEAVING_DATE,
  optOutOfLineManager: true,
  notifiedBy: ACTOR.userId,
  notifiedAt: T.notified,
};

/** The exit-interview deadline as NotifyLeaving schedules it, ladder from the (separately tested) policy. */
export function interviewDeadline(dueAt: string = INTERVIEW_DUE): ExitEvent {
  return scheduleDeadline({
    deadlineId: INTERVIEW_DEADLINE,
    kind: 'exit-interview',
    dueAt: new Date(dueAt),
    ownerId: null,
    escalations: escalationLadder(policy, calendar, new Date(dueAt)),
  });
}

export const INTERVIEW_DEADLINE = idFrom('NotifyLeaving', 'exit-interview');

export function waived(reason: string, waivedBy: string = ACTOR.userId): ExitEvent {
  return {
    type: 'DeadlineWaived',
    data: { deadlineId: INTERVIEW_DEADLINE, kind: 'exit-interview', reason, waivedBy },
  };
}

/** Complete answers to the default questionnaire. */
export const ANSWERS = {
  overall_experience: 3,
  felt_valued: 2,
  would_recommend: false,
  would_return: true,
  could_have_kept_you: 'Flexible shifts',
} as const;

/** The events of the story up to each point, each stage building on the last. */
export const history = {
  notified: (overrides: Partial<ExitLeavingNotifiedData> = {}): ExitEvent[] => [
    { type: 'ExitLeavingNotified', data: { ...NOTIFIED, ...overrides } },
    interviewDeadline(),
  ],
  awaitingInterview: (overrides: Partial<ExitLeavingNotifiedData> = {}): ExitEvent[] => [
    ...history.notified(overrides),
    { type: 'ExitInterviewerAllocated', data: { interviewerId: INTERVIEWER, allocatedAt: T.allocated } },
  ],
  surveyed: (): ExitEvent[] => [
    ...history.awaitingInterview(),
    {
      type: 'ExitSurveyCompleted',
      data: { questionnaireId: 'exit-survey-v1', answers: ANSWERS, completedAt: T.surveyed },
    },
  ],
  interviewed: (): ExitEvent[] => [
    ...history.surveyed(),
    {
      type: 'ExitInterviewHeld',
      data: {
        interviewerId: INTERVIEWER,
        heldAt: T.interviewHeld,
        summary: 'Wants more flexible shifts',
        recordedAt: T.interviewRecorded,
      },
    },
    {
      type: 'DeadlineMet',
      data: { deadlineId: INTERVIEW_DEADLINE, kind: 'exit-interview', metAt: T.interviewHeld, late: false },
    },
  ],
  interviewDeclined: (): ExitEvent[] => [
    ...history.notified(),
    { type: 'ExitInterviewDeclined', data: { reason: 'Would rather not', declinedAt: T.allocated } },
    waived('person declined the exit interview'),
  ],
  driversRecorded: (): ExitEvent[] => [
    ...history.interviewed(),
    { type: 'ExitDriversRecorded', data: { codes: ['flexibility', 'workload'], note: null, recordedAt: T.drivers } },
  ],
  left: (): ExitEvent[] => [
    ...history.driversRecorded(),
    {
      type: 'ExitLeft',
      data: {
        leavingDate: LEAVING_DATE,
        reason: 'resignation',
        lengthOfService: '10-20y',
        interviewHeld: true,
        recordedAt: T.left,
      },
    },
  ],
  retained: (): ExitEvent[] => [
    ...history.interviewed(),
    {
      type: 'ExitRetained',
      data: {
        employmentType: 'police_officer',
        department: 'Public Protection Unit',
        interviewHeld: true,
        note: 'Moved to a day-shift team',
        retainedAt: T.withdrawn,
      },
    },
  ],
  rejoined: (): ExitEvent[] => [
    ...history.left(),
    { type: 'ExitRejoinerLinked', data: { rejoinedAt: '2027-01-04', newPersonRecordId: 'P-3001', linkedAt: T.linked } },
  ],
};
