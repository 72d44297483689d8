import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { deterministicId } from '@casework/core/ids';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { SupportTaskCommand } from '../commands';
import { createSupportTaskDecider } from '../decider';
import type { SupportTaskEvent, SupportTaskRaisedData } from '../events';
import { DEFAULT_EXPOSURE_POLICY } from '../exposure-policy';
import { exposureSummary, supportTaskId } from '../exposure-register';
import { DEFAULT_SUPPORT_TASK_POLICY, supportTaskEscalationLadder } from '../support-task-policy';
import type { Actor, Exposure, ExposureHistoryItem } from '../types';

/**
 * One colleague's story on fixed dates, for given/when/then specs. March 2026 is all GMT
 * (British Summer Time starts on the 29th), so London times read the same as the UTC
 * ones written here. Mon 2 March: a third traumatic exposure in 90 days raises a task.
 */
export const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
export const policy = DEFAULT_SUPPORT_TASK_POLICY;
export const decider = createSupportTaskDecider({ policy, calendar });
export const spec = deciderSpec(decider);

export const PERSON_ID = 'P-1234';
export const COORDINATOR = 'u-coordinator';
export const ACTOR: Actor = { userId: 'u-wellbeing', role: 'wellbeing_coordinator' };

export function exposure(exposureId: string, occurredAt: string, extra: Partial<Exposure> = {}): Exposure {
  return {
    exposureId,
    incidentId: `inc-${exposureId}`,
    personId: PERSON_ID,
    incidentType: 'fatal_collision',
    severityWeight: 1,
    occurredAt,
    ...extra,
  };
}

export const EXPOSURES: readonly Exposure[] = [
  exposure('e-1', '2026-01-12T02:00:00.000Z', { incidentType: 'firearms_discharge' }),
  exposure('e-2', '2026-02-09T22:00:00.000Z'),
  exposure('e-3', '2026-03-02T08:00:00.000Z', { incidentType: 'child_death' }),
];

export const HISTORY: readonly ExposureHistoryItem[] = EXPOSURES.map(
  ({ personId: _personId, removed: _removed, ...item }) => item,
);

export const TASK_ID = supportTaskId(PERSON_ID, 'e-3');

export const T = {
  raised: '2026-03-02T09:00:00.000Z',
  assigned: '2026-03-02T10:00:00.000Z',
  attempted: '2026-03-03T09:00:00.000Z',
  contacted: '2026-03-03T14:00:00.000Z',
  offered: '2026-03-03T14:30:00.000Z',
  responded: '2026-03-05T10:00:00.000Z',
  closed: '2026-03-10T10:00:00.000Z',
} as const;

export const RAISED: SupportTaskRaisedData = {
  taskId: TASK_ID,
  personId: PERSON_ID,
  personName: 'Alex Morgan',
  department: 'Roads Policing',
  triggeringExposureId: 'e-3',
  exposures: HISTORY,
  summary: exposureSummary(EXPOSURES, new Date(T.raised), DEFAULT_EXPOSURE_POLICY),
  raisedAt: T.raised,
};

export type CommandOf<Type extends SupportTaskCommand['type']> = Extract<SupportTaskCommand, { type: Type }>;

/** A command sent by the wellbeing coordinator; its id defaults to `cmd-<type>`. */
export function command<Type extends SupportTaskCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for what the command with `cmd-<type>` created. */
export function idFrom(type: SupportTaskCommand['type'], what: string): string {
  return deterministicId(`cmd-${type}`, what);
}

export const OFFER_ID = idFrom('RecordSupportOffer', 'offer');
export const FIRST_CONTACT_DEADLINE = idFrom('RaiseSupportTask', 'first-contact');

/** Two working days after Mon 2 Mar 09:00. */
export const FIRST_CONTACT_DUE = '2026-03-04T17:00:00.000Z';

export function scheduled(kind: string, by: SupportTaskCommand['type'], dueAt: string): SupportTaskEvent {
  return scheduleDeadline({
    deadlineId: idFrom(by, kind),
    kind,
    dueAt: new Date(dueAt),
    ownerId: null,
    escalations: supportTaskEscalationLadder(policy, calendar, new Date(dueAt)),
  });
}

export function met(metAt: string, late = false): SupportTaskEvent {
  return { type: 'DeadlineMet', data: { deadlineId: FIRST_CONTACT_DEADLINE, kind: 'first-contact', metAt, late } };
}

const offerRecorded = (offerId: string, offer: 'peer_support' | 'trim_assessment', at: string): SupportTaskEvent => ({
  type: 'SupportTaskOfferRecorded',
  data: { offerId, offer, note: null, offeredAt: at },
});

/** The events of a task up to each stage, each building on the last. */
export const history = {
  awaitingContact: (overrides: Partial<SupportTaskRaisedData> = {}): SupportTaskEvent[] => [
    { type: 'SupportTaskRaised', data: { ...RAISED, ...overrides } },
    scheduled('first-contact', 'RaiseSupportTask', FIRST_CONTACT_DUE),
  ],
  assigned: (): SupportTaskEvent[] => [
    ...history.awaitingContact(),
    {
      type: 'SupportTaskCoordinatorAssigned',
      data: { fromCoordinatorId: null, coordinatorId: COORDINATOR, assignedAt: T.assigned },
    },
  ],
  attempted: (): SupportTaskEvent[] => [
    ...history.assigned(),
    {
      type: 'SupportTaskContactRecorded',
      data: { method: 'telephone', reached: false, note: 'No answer; voicemail left', contactedAt: T.attempted },
    },
  ],
  inContact: (): SupportTaskEvent[] => [
    ...history.attempted(),
    {
      type: 'SupportTaskContactRecorded',
      data: { method: 'in_person', reached: true, note: 'Met at the start of late shift', contactedAt: T.contacted },
    },
    met(T.contacted),
  ],
  offered: (): SupportTaskEvent[] => [...history.inContact(), offerRecorded(OFFER_ID, 'peer_support', T.offered)],
  accepted: (): SupportTaskEvent[] => [
    ...history.offered(),
    {
      type: 'SupportTaskOfferResponseRecorded',
      data: { offerId: OFFER_ID, response: 'accepted', reason: null, respondedAt: T.responded },
    },
  ],
  declined: (): SupportTaskEvent[] => [
    ...history.offered(),
    {
      type: 'SupportTaskOfferResponseRecorded',
      data: { offerId: OFFER_ID, response: 'declined', reason: 'Has support at home', respondedAt: T.responded },
    },
  ],
  closed: (): SupportTaskEvent[] => [
    ...history.accepted(),
    { type: 'SupportTaskClosed', data: { outcome: 'support_accepted', note: null, closedAt: T.closed } },
  ],
  /** Closed before anyone reached the person, so the first-contact deadline was waived. */
  closedUnreached: (): SupportTaskEvent[] => [
    ...history.attempted(),
    { type: 'SupportTaskClosed', data: { outcome: 'unable_to_contact', note: null, closedAt: T.closed } },
    {
      type: 'DeadlineWaived',
      data: {
        deadlineId: FIRST_CONTACT_DEADLINE,
        kind: 'first-contact',
        reason: 'support task closed: unable to contact',
        waivedBy: ACTOR.userId,
      },
    },
  ],
};
