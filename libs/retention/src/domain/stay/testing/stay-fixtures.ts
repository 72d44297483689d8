import { deterministicId } from '@casework/core/ids';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { StayCommand } from '../commands';
import { createStayDecider } from '../decider';
import type { StayEvent, StayInterviewHeldData, StayInterviewRequestedData } from '../events';
import { DEFAULT_STAY_POLICY, escalationLadder, STAY_DEADLINES } from '../policy';
import type { Actor, StayAction } from '../types';

/**
 * One student officer's stay interview on fixed dates, for given/when/then specs. Early
 * March 2026 is GMT, so London times read the same as the UTC ones written here; British
 * Summer Time starts on Sunday 29 March, and Good Friday (3 Apr) and Easter Monday
 * (6 Apr) fall inside the follow-up's 30 working days. The request is on Monday 2 March.
 */
export const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
export const policy = DEFAULT_STAY_POLICY;
export const decider = createStayDecider({ policy, calendar });
export const spec = deciderSpec(decider);

export const STAY_ID = 'stay-1';
export const PERSON = 'P-2001';
export const LINE_MANAGER = 'u-sergeant';
export const INTERVIEWER = 'u-retention';
export const ACTOR: Actor = { userId: 'u-retention-lead', role: 'retention_team' };

export const T = {
  requested: '2026-03-02T09:00:00.000Z',
  allocated: '2026-03-02T11:00:00.000Z',
  held: '2026-03-09T14:00:00.000Z',
  heldRecorded: '2026-03-09T16:00:00.000Z',
  agreed: '2026-03-10T10:00:00.000Z',
  actionDone: '2026-03-20T10:00:00.000Z',
  followUp: '2026-04-20T09:00:00.000Z',
  decided: '2026-09-01T09:00:00.000Z',
} as const;

/** Due times of the story's deadlines under the default policy. */
export const DUE = {
  interview: '2026-03-16T17:00:00.000Z', // close of business, 10 working days after Mon 2 Mar
  followUp: '2026-04-23T16:00:00.000Z', // 30 working days after 10 Mar, past Easter: 17:00 BST
} as const;

export type CommandOf<Type extends StayCommand['type']> = Extract<StayCommand, { type: Type }>;

/** A command sent by the retention team; its id defaults to `cmd-<type>`. */
export function command<Type extends StayCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for what the command with `cmd-<type>` created. */
export function idFrom(type: StayCommand['type'], ...what: string[]): string {
  return deterministicId(`cmd-${type}`, ...what);
}

export const REQUEST: StayInterviewRequestedData = {
  stayInterviewId: STAY_ID,
  personId: PERSON,
  personName: 'Sam Patel',
  employmentType: 'police_officer',
  department: 'Response',
  lineManagerId: LINE_MANAGER,
  startDate: '2024-09-02',
  isStudentOfficer: true,
  source: 'self',
  concerns: 'Struggling to balance shifts with the degree course',
  intentToLeave: 'considering',
  requestedBy: PERSON,
  requestedAt: T.requested,
};

export const HELD: StayInterviewHeldData = {
  interviewerId: INTERVIEWER,
  themes: ['workload', 'flexibility'],
  intentToLeave: 'considering',
  recommendations: ['Protected study time each week'],
  heldAt: T.held,
  recordedAt: T.heldRecorded,
};

export const ACTIONS: readonly StayAction[] = [
  {
    actionId: idFrom('AgreeStayActions', 'action', '0'),
    description: 'Agree protected study time with the tutor',
    ownerId: LINE_MANAGER,
    dueDate: '2026-03-31',
  },
  {
    actionId: idFrom('AgreeStayActions', 'action', '1'),
    description: 'Refer to the student officer support network',
    ownerId: INTERVIEWER,
    dueDate: '2026-03-20',
  },
];

/** A deadline as the decider schedules it, the ladder computed by the (separately tested) policy. */
export function scheduled(kind: string, by: StayCommand['type'], dueAt: string, ownerId: string | null): StayEvent {
  return scheduleDeadline({
    deadlineId: idFrom(by, kind),
    kind,
    dueAt: new Date(dueAt),
    ownerId,
    escalations: escalationLadder(policy, calendar, new Date(dueAt)),
  });
}

export function met(kind: string, by: StayCommand['type'], metAt: string, late = false): StayEvent {
  return { type: 'DeadlineMet', data: { deadlineId: idFrom(by, kind), kind, metAt, late } };
}

export function waived(kind: string, by: StayCommand['type'], reason: string): StayEvent {
  return { type: 'DeadlineWaived', data: { deadlineId: idFrom(by, kind), kind, reason, waivedBy: ACTOR.userId } };
}

/** The events of the story up to each status, each stage building on the last. */
export const history = {
  awaitingInterviewer: (overrides: Partial<StayInterviewRequestedData> = {}): StayEvent[] => [
    { type: 'StayInterviewRequested', data: { ...REQUEST, ...overrides } },
    scheduled(STAY_DEADLINES.interview, 'RequestStayInterview', DUE.interview, null),
  ],
  awaitingInterview: (): StayEvent[] => [
    ...history.awaitingInterviewer(),
    { type: 'StayInterviewerAllocated', data: { interviewerId: INTERVIEWER, allocatedAt: T.allocated } },
  ],
  awaitingActions: (): StayEvent[] => [
    ...history.awaitingInterview(),
    { type: 'StayInterviewHeld', data: HELD },
    met(STAY_DEADLINES.interview, 'RequestStayInterview', T.held),
  ],
  awaitingFollowUp: (): StayEvent[] => [
    ...history.awaitingActions(),
    { type: 'StayActionsAgreed', data: { actions: ACTIONS, agreedAt: T.agreed } },
    scheduled(STAY_DEADLINES.followUp, 'AgreeStayActions', DUE.followUp, INTERVIEWER),
  ],
  followUpHeld: (): StayEvent[] => [
    ...history.awaitingFollowUp(),
    {
      type: 'StayFollowUpHeld',
      data: { interviewerId: INTERVIEWER, note: null, heldAt: T.followUp, recordedAt: T.followUp },
    },
    met(STAY_DEADLINES.followUp, 'AgreeStayActions', T.followUp),
  ],
  closed: (): StayEvent[] => [
    ...history.followUpHeld(),
    { type: 'StayOutcomeRecorded', data: { outcome: 'stayed', leavingDate: null, note: null, decidedAt: T.decided } },
  ],
  declined: (): StayEvent[] => [
    ...history.awaitingInterview(),
    { type: 'StayInterviewDeclined', data: { reason: 'Sorted it out with the tutor', declinedAt: T.held } },
    waived(STAY_DEADLINES.interview, 'RequestStayInterview', 'person declined the stay interview'),
  ],
  cancelled: (): StayEvent[] => [
    ...history.awaitingInterviewer(),
    { type: 'StayInterviewCancelled', data: { reason: 'Withdrawn by the person', cancelledAt: T.allocated } },
    waived(STAY_DEADLINES.interview, 'RequestStayInterview', 'stay interview withdrawn'),
  ],
};
