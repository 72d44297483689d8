import { deterministicId } from '@casework/core/ids';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { ExposedColleagueInput, IncidentCommand } from '../commands';
import { createIncidentDecider } from '../decider';
import { DEFAULT_ESTIP_POLICY, escalationLadder } from '../estip-policy';
import type { ColleagueExposedData, IncidentEvent, IncidentRecordedData } from '../events';
import { DEFAULT_INCIDENT_TAXONOMY } from '../incident-taxonomy';
import type { Actor } from '../types';

/**
 * One incident's story on fixed dates, for given/when/then specs. March 2026 before the
 * 29th is GMT, so London times read the same as the UTC ones written here. A fatal road
 * collision at 03:00 on Mon 2 March, on a night shift.
 */
export const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
export const policy = DEFAULT_ESTIP_POLICY;
export const taxonomy = DEFAULT_INCIDENT_TAXONOMY;
export const decider = createIncidentDecider({ policy, taxonomy, calendar });
export const spec = deciderSpec(decider);

export const INCIDENT_ID = 'inc-1';
export const SERGEANT = 'u-sergeant';
export const ACTOR: Actor = { userId: SERGEANT, role: 'supervisor' };

export const T = {
  occurred: '2026-03-02T03:00:00.000Z',
  recorded: '2026-03-02T06:00:00.000Z',
  demobilised: '2026-03-02T07:00:00.000Z',
  trimPlanning: '2026-03-03T10:00:00.000Z',
  defused: '2026-03-04T14:00:00.000Z',
  estim: '2026-03-09T10:00:00.000Z',
  monitoringStarted: '2026-03-09T11:00:00.000Z',
  monitoringConcluded: '2026-03-20T10:00:00.000Z',
  closed: '2026-03-20T11:00:00.000Z',
} as const;

/** Due times from 03:00 on Mon 2 Mar: +12 h, +72 h, +48 h. */
export const DUE = {
  demobilisation: '2026-03-02T15:00:00.000Z',
  defusion: '2026-03-05T03:00:00.000Z',
  trimPlanning: '2026-03-04T03:00:00.000Z',
} as const;

export type CommandOf<Type extends IncidentCommand['type']> = Extract<IncidentCommand, { type: Type }>;

/** A command sent by the sergeant; its id defaults to `cmd-<type>`. */
export function command<Type extends IncidentCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for what the command with `cmd-<type>` created. */
export function idFrom(type: IncidentCommand['type'], what: string): string {
  return deterministicId(`cmd-${type}`, what);
}

export const ALEX: ExposedColleagueInput = {
  personId: 'P-1',
  name: 'Alex Morgan',
  department: 'Response',
  role: 'Response Officer',
  exposureRole: 'first_responder',
};
export const SAM: ExposedColleagueInput = {
  personId: 'P-2',
  name: 'Sam Patel',
  department: 'Response',
  role: 'Response Officer',
  exposureRole: 'first_responder',
};
export const JO: ExposedColleagueInput = {
  personId: 'P-3',
  name: 'Jo Evans',
  department: 'Control Room',
  role: null,
  exposureRole: 'call_handler',
};
export const COLLEAGUES = [ALEX, SAM, JO] as const;

export const RECORDED: IncidentRecordedData = {
  incidentId: INCIDENT_ID,
  type: 'fatal_road_collision',
  typeLabel: 'Fatal road collision',
  severityWeight: 2,
  occurredAt: T.occurred,
  location: 'A59, Longton bypass',
  department: 'Response',
  summary: 'Two-vehicle collision; one driver died at the scene.',
  recordedBy: SERGEANT,
  recordedAt: T.recorded,
};

export function exposed(colleague: ExposedColleagueInput, exposedAt: string = T.recorded): IncidentEvent {
  const data: ColleagueExposedData = {
    incidentId: INCIDENT_ID,
    ...colleague,
    incidentType: 'fatal_road_collision',
    severityWeight: 2,
    occurredAt: T.occurred,
    exposedAt,
  };
  return { type: 'ColleagueExposed', data };
}

/** A deadline as the decider schedules it, the ladder computed by the (separately tested) policy. */
export function scheduled(
  kind: string,
  by: IncidentCommand['type'],
  dueAt: string,
  ownerId: string | null,
): IncidentEvent {
  return scheduleDeadline({
    deadlineId: idFrom(by, kind),
    kind,
    dueAt: new Date(dueAt),
    ownerId,
    escalations: escalationLadder(policy, calendar, new Date(dueAt)),
  });
}

export function met(kind: string, metAt: string, late = false): IncidentEvent {
  return { type: 'DeadlineMet', data: { deadlineId: idFrom('RecordIncident', kind), kind, metAt, late } };
}

export function waived(kind: string, reason: string): IncidentEvent {
  return {
    type: 'DeadlineWaived',
    data: { deadlineId: idFrom('RecordIncident', kind), kind, reason, waivedBy: ACTOR.userId },
  };
}

/** The events of the incident up to each point, each building on the last. */
export const history = {
  recorded: (): IncidentEvent[] => [
    { type: 'IncidentRecorded', data: RECORDED },
    ...COLLEAGUES.map((c) => exposed(c)),
    scheduled('demobilisation', 'RecordIncident', DUE.demobilisation, SERGEANT),
    scheduled('defusion', 'RecordIncident', DUE.defusion, null),
    scheduled('trim-planning', 'RecordIncident', DUE.trimPlanning, null),
  ],
  demobilised: ({ defusionNeeded = true } = {}): IncidentEvent[] => [
    ...history.recorded(),
    {
      type: 'DemobilisationHeld',
      data: {
        ledBy: { personId: SERGEANT, lead: 'supervisor' },
        attendees: ['P-1', 'P-2', 'P-3'],
        defusionNeeded,
        heldAt: T.demobilised,
      },
    },
    met('demobilisation', T.demobilised),
    ...(defusionNeeded ? [] : [waived('defusion', 'demobilisation found no defusion needed')]),
  ],
  defused: (): IncidentEvent[] => [
    ...history.demobilised(),
    {
      type: 'DefusionHeld',
      data: {
        format: 'group',
        peerDefuserId: 'u-peer',
        attendees: ['P-1', 'P-2', 'P-3'],
        needingMoreSupport: ['P-2'],
        heldAt: T.defused,
      },
    },
    met('defusion', T.defused),
  ],
  estimHeld: (): IncidentEvent[] => [
    ...history.defused(),
    {
      type: 'EstimHeld',
      data: {
        attendees: ['P-2'],
        includesOh: true,
        referredOn: [{ personId: 'P-2', pathway: 'occupational_health' }],
        heldAt: T.estim,
      },
    },
  ],
  monitoring: (): IncidentEvent[] => [
    ...history.estimHeld(),
    { type: 'MonitoringStarted', data: { monitored: ['P-2'], startedAt: T.monitoringStarted } },
  ],
  monitoringConcluded: (): IncidentEvent[] => [
    ...history.monitoring(),
    {
      type: 'MonitoringConcluded',
      data: { outcome: 'no_further_support', referredOn: [], concludedAt: T.monitoringConcluded },
    },
  ],
  trimPlanned: (): IncidentEvent[] => [
    ...history.demobilised(),
    {
      type: 'TrimPlanningMeetingHeld',
      data: {
        incidentId: INCIDENT_ID,
        occurredAt: T.occurred,
        chairedBy: 'u-trim-coordinator',
        offeredRiskAssessment: [{ personId: 'P-1', name: 'Alex Morgan', department: 'Response' }],
        heldAt: T.trimPlanning,
      },
    },
    met('trim-planning', T.trimPlanning),
  ],
  closed: (): IncidentEvent[] => [
    ...history.defused(),
    { type: 'IncidentClosed', data: { reason: 'ESTIP complete', closedAt: T.closed } },
    waived('trim-planning', 'incident closed: ESTIP complete'),
  ],
};
