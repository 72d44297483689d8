import { createIncidentDecider } from './decider';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import type { RecordIncident } from './commands';
import {
  ALEX,
  calendar,
  COLLEAGUES,
  command,
  exposed,
  history,
  idFrom,
  INCIDENT_ID,
  JO,
  policy,
  RECORDED,
  scheduled,
  spec,
  T,
} from './testing/incident-fixtures';

type RecordData = RecordIncident['data'];

const record = (overrides: Partial<RecordData> = {}, now: string = T.recorded): RecordIncident =>
  command(
    'RecordIncident',
    {
      incidentId: INCIDENT_ID,
      type: 'fatal_road_collision',
      occurredAt: new Date(T.occurred),
      location: RECORDED.location,
      department: RECORDED.department,
      summary: RECORDED.summary,
      recordedBy: null,
      exposedColleagues: COLLEAGUES,
      ...overrides,
    },
    now,
  );

describe('recording an incident', () => {
  it('records the incident, each colleague exposed, and the ESTIP/TRiM clocks from when it occurred', () => {
    spec
      .given([])
      .when(record())
      .then([
        {
          type: 'IncidentRecorded',
          data: {
            incidentId: 'inc-1',
            type: 'fatal_road_collision',
            typeLabel: 'Fatal road collision',
            severityWeight: 2,
            occurredAt: '2026-03-02T03:00:00.000Z',
            location: 'A59, Longton bypass',
            department: 'Response',
            summary: 'Two-vehicle collision; one driver died at the scene.',
            recordedBy: 'u-sergeant',
            recordedAt: '2026-03-02T06:00:00.000Z',
          },
        },
        {
          type: 'ColleagueExposed',
          data: {
            incidentId: 'inc-1',
            personId: 'P-1',
            name: 'Alex Morgan',
            department: 'Response',
            role: 'Response Officer',
            exposureRole: 'first_responder',
            incidentType: 'fatal_road_collision',
            severityWeight: 2,
            occurredAt: '2026-03-02T03:00:00.000Z',
            exposedAt: '2026-03-02T06:00:00.000Z',
          },
        },
        exposed(COLLEAGUES[1]),
        exposed(COLLEAGUES[2]),
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('RecordIncident', 'demobilisation'),
            kind: 'demobilisation',
            dueAt: '2026-03-02T15:00:00.000Z',
            ownerId: 'u-sergeant',
            ladder: [
              { level: 1, at: '2026-03-02T15:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-03T15:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-04T15:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('RecordIncident', 'defusion'),
            kind: 'defusion',
            dueAt: '2026-03-05T03:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-05T03:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-06T03:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-09T03:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('RecordIncident', 'trim-planning'),
            kind: 'trim-planning',
            dueAt: '2026-03-04T03:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-04T03:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-05T03:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-06T03:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('a named recorder owns the demobilisation; with nobody exposed yet, only the incident and its clocks', () => {
    spec
      .given([])
      .when(record({ recordedBy: 'u-inspector', exposedColleagues: [] }))
      .then([
        { type: 'IncidentRecorded', data: { ...RECORDED, recordedBy: 'u-inspector' } },
        scheduled('demobilisation', 'RecordIncident', '2026-03-02T15:00:00.000Z', 'u-inspector'),
        scheduled('defusion', 'RecordIncident', '2026-03-05T03:00:00.000Z', null),
        scheduled('trim-planning', 'RecordIncident', '2026-03-04T03:00:00.000Z', null),
      ]);
  });

  it('an incident recorded late keeps the clocks of when it occurred, even if they have already run out', () => {
    spec
      .given([])
      .when(record({ exposedColleagues: [] }, '2026-03-06T09:00:00.000Z'))
      .thenState({
        status: 'open',
        recordedAt: '2026-03-06T09:00:00.000Z',
        deadlines: { defusion: { dueAt: '2026-03-05T03:00:00.000Z' } },
      });
  });

  it("stamps each exposure with the type's weight in the force's own taxonomy", () => {
    const forceSpec = deciderSpec(
      createIncidentDecider({
        policy,
        calendar,
        taxonomy: [{ code: 'custody_death', label: 'Death in custody', weight: 5 }],
      }),
    );
    forceSpec
      .given([])
      .when(record({ type: 'custody_death', exposedColleagues: [JO] }))
      .thenState((state) => state.status === 'open' && state.severityWeight === 5 && state.type === 'custody_death');
    forceSpec.given([]).when(record()).thenThrows('INCIDENT.UNKNOWN_TYPE', 'type');
  });

  it('an incident is recorded once', () => {
    spec.given(history.recorded()).when(record()).thenThrows('INCIDENT.ALREADY_EXISTS');
  });

  it('the type must be one of the force taxonomy', () => {
    spec.given([]).when(record({ type: 'parking_dispute' })).thenThrows('INCIDENT.UNKNOWN_TYPE', 'type');
  });

  it('the incident must have occurred, at a real time', () => {
    spec
      .given([])
      .when(record({ occurredAt: new Date('2026-03-02T06:00:01.000Z') }))
      .thenThrows('INCIDENT.OCCURRED_IN_FUTURE', 'occurredAt');
    spec
      .given([])
      .when(record({ occurredAt: new Date('not a date') }))
      .thenThrows('INCIDENT.INVALID_DATE', 'occurredAt');
  });

  it.each(['incidentId', 'location', 'department', 'summary'] as const)('an incident needs a %s', (field) => {
    spec
      .given([])
      .when(record({ [field]: '  ' }))
      .thenThrows('INCIDENT.FIELD_REQUIRED', field);
  });

  it('each exposed colleague needs an id, a name and a department, and appears once', () => {
    spec
      .given([])
      .when(record({ exposedColleagues: [ALEX, { ...JO, name: '' }] }))
      .thenThrows('INCIDENT.FIELD_REQUIRED', 'exposedColleagues[1].name');
    spec
      .given([])
      .when(record({ exposedColleagues: [ALEX, JO, { ...ALEX, exposureRole: 'witness' }] }))
      .thenThrows('INCIDENT.DUPLICATE_PERSON', 'exposedColleagues');
  });

  it('every other command needs a recorded incident', () => {
    spec
      .given([])
      .when(command('CloseIncident', { reason: 'Recorded in error' }, T.closed))
      .thenThrows('INCIDENT.NOT_FOUND');
    spec
      .given([])
      .when(command('EscalateDeadline', { deadlineId: 'd-1', level: 1 }, T.closed))
      .thenThrows('INCIDENT.NOT_FOUND');
  });
});
