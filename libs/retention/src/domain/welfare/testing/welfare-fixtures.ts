import { deterministicId } from '@casework/core/ids';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { WelfareCommand } from '../commands';
import { createWelfareDecider } from '../decider';
import type { WelfareCaseOpenedData, WelfareContactLoggedData, WelfareEvent } from '../events';
import { DEFAULT_WELFARE_POLICY, escalationLadder } from '../policy';
import type { Actor } from '../types';

/**
 * One colleague's welfare liaison on fixed dates, for given/when/then specs. March 2026 is
 * GMT until Sunday 29 March, so London times read the same as the UTC ones written here.
 * The gross-misconduct investigation starts on Monday 2 March at 09:00.
 */
export const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
export const policy = DEFAULT_WELFARE_POLICY;
export const decider = createWelfareDecider({ policy, calendar });
export const spec = deciderSpec(decider);

export const CASE_ID = 'welfare-case-1';
export const SUBJECT = 'P-1234';
export const WLO = 'u-wlo';
export const ACTOR: Actor = { userId: 'u-coordinator', role: 'welfare_coordinator' };

export const T = {
  investigationStarted: '2026-03-02T09:00:00.000Z',
  opened: '2026-03-03T10:00:00.000Z',
  assigned: '2026-03-04T10:00:00.000Z',
  contacted: '2026-03-10T14:00:00.000Z',
  contactRecorded: '2026-03-10T15:00:00.000Z',
  sickLeaveStarted: '2026-03-16T08:00:00.000Z',
  sickLeaveRecorded: '2026-03-16T09:00:00.000Z',
  homeVisited: '2026-03-19T11:00:00.000Z',
  homeVisitRecorded: '2026-03-19T16:00:00.000Z',
  concluded: '2026-06-01T10:00:00.000Z',
  debrief: '2026-06-10T10:00:00.000Z',
  closed: '2026-06-12T10:00:00.000Z',
} as const;

/** Due times of the story's deadlines under the default policy. */
export const DUE = {
  contactFromOpening: '2026-03-17T10:00:00.000Z', // 14 days after opening
  contactFromAssignment: '2026-03-18T10:00:00.000Z', // 14 days after assignment
  contactAfterFirst: '2026-03-24T14:00:00.000Z', // 14 days after the phone call
  contactOnSickLeave: '2026-03-23T08:00:00.000Z', // 7 days after sick leave began: sooner
  homeVisit: '2026-03-23T17:00:00.000Z', // 5 working days after Monday 16 March
  contactAfterHomeVisit: '2026-03-26T11:00:00.000Z', // 7 days after the home visit
  firstReport: '2027-03-02T09:00:00.000Z', // 12 months after the investigation started
} as const;

export type CommandOf<Type extends WelfareCommand['type']> = Extract<WelfareCommand, { type: Type }>;

/** A command sent by the welfare coordinator; its id defaults to `cmd-<type>`. */
export function command<Type extends WelfareCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for a deadline of `kind` scheduled by the command `commandId`. */
export function idFrom(commandId: string, kind: string): string {
  return deterministicId(commandId, kind);
}

export const OPENED: WelfareCaseOpenedData = {
  caseId: CASE_ID,
  personId: SUBJECT,
  personName: 'Alex Morgan',
  employmentType: 'police_officer',
  department: 'Response',
  kind: 'gross_misconduct',
  suspended: true,
  reference: 'PSD-2026-017',
  investigationStartedAt: T.investigationStarted,
  openedBy: ACTOR.userId,
  openedAt: T.opened,
};

/** A deadline as the decider schedules it, the ladder computed by the (separately tested) policy. */
export function scheduled(kind: string, commandId: string, dueAt: string, ownerId: string | null): WelfareEvent {
  return scheduleDeadline({
    deadlineId: idFrom(commandId, kind),
    kind,
    dueAt: new Date(dueAt),
    ownerId,
    escalations: escalationLadder(policy, calendar, new Date(dueAt)),
  });
}

export function met(kind: string, commandId: string, metAt: string, late = false): WelfareEvent {
  return { type: 'DeadlineMet', data: { deadlineId: idFrom(commandId, kind), kind, metAt, late } };
}

export function contactLogged(
  commandId: string,
  contactedAt: string,
  recordedAt: string,
  overrides: Partial<WelfareContactLoggedData> = {},
): WelfareEvent {
  return {
    type: 'WelfareContactLogged',
    data: {
      contactId: deterministicId(commandId, 'contact'),
      wloId: WLO,
      type: 'phone',
      contactedAt,
      concerns: 'Worried about the length of the suspension',
      signposting: ['eap'],
      onSickLeave: false,
      recordedAt,
      ...overrides,
    },
  };
}

/** The events of the story up to each stage, each building on the last. */
export const history = {
  opened: (overrides: Partial<WelfareCaseOpenedData> = {}): WelfareEvent[] => [
    { type: 'WelfareCaseOpened', data: { ...OPENED, ...overrides } },
    scheduled('contact', 'cmd-OpenWelfareCase', DUE.contactFromOpening, null),
    scheduled('investigation-12-month', 'cmd-OpenWelfareCase', DUE.firstReport, null),
  ],
  active: (): WelfareEvent[] => [
    ...history.opened(),
    { type: 'WloAssigned', data: { wloId: WLO, assignedAt: T.assigned } },
    scheduled('contact', 'cmd-AssignWlo', DUE.contactFromAssignment, WLO),
  ],
  contacted: (): WelfareEvent[] => [
    ...history.active(),
    contactLogged('cmd-LogWelfareContact', T.contacted, T.contactRecorded),
    met('contact', 'cmd-AssignWlo', T.contacted),
    scheduled('contact', 'cmd-LogWelfareContact', DUE.contactAfterFirst, WLO),
  ],
  onSickLeave: (): WelfareEvent[] => [
    ...history.contacted(),
    { type: 'SickLeaveStarted', data: { startedAt: T.sickLeaveStarted, recordedAt: T.sickLeaveRecorded } },
    scheduled('contact', 'cmd-RecordSickLeaveStarted', DUE.contactOnSickLeave, WLO),
    scheduled('home-visit', 'cmd-RecordSickLeaveStarted', DUE.homeVisit, WLO),
  ],
  homeVisited: (): WelfareEvent[] => [
    ...history.onSickLeave(),
    contactLogged('cmd-home-visit', T.homeVisited, T.homeVisitRecorded, {
      type: 'home_visit',
      signposting: ['occupational_health', 'federation_or_union'],
      onSickLeave: true,
    }),
    met('contact', 'cmd-RecordSickLeaveStarted', T.homeVisited),
    met('home-visit', 'cmd-RecordSickLeaveStarted', T.homeVisited),
    scheduled('contact', 'cmd-home-visit', DUE.contactAfterHomeVisit, WLO),
  ],
  concluded: (): WelfareEvent[] => [
    ...history.contacted(),
    {
      type: 'InvestigationConcluded',
      data: { outcome: 'No case to answer', concludedAt: T.concluded, recordedAt: T.concluded },
    },
    met('investigation-12-month', 'cmd-OpenWelfareCase', T.concluded),
  ],
  closed: (): WelfareEvent[] => [
    ...history.concluded(),
    {
      type: 'WelfareCaseClosed',
      data: { exitPlan: 'Phased return to Response', debriefHeldAt: T.debrief, closedAt: T.closed },
    },
    {
      type: 'DeadlineWaived',
      data: {
        deadlineId: idFrom('cmd-LogWelfareContact', 'contact'),
        kind: 'contact',
        reason: 'welfare liaison case closed',
        waivedBy: ACTOR.userId,
      },
    },
  ],
};
