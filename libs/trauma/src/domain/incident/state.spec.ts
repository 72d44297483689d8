import { fold } from '@casework/core/domain/decider';
import type { IncidentEvent } from './events';
import { INCIDENT_EVENT_SCHEMA_VERSIONS, INCIDENT_STREAM_CATEGORY, incidentStreamId } from './events';
import { evolve, exposedColleagues, initialIncidentState, type IncidentState } from './state';
import { DUE, history, INCIDENT_ID, SERGEANT, T } from './testing/incident-fixtures';

const replay = (events: readonly IncidentEvent[]): IncidentState =>
  fold({ evolve, initialState: initialIncidentState }, events);

describe('incident state', () => {
  it('carries the case facts, the exposures, where ESTIP stands and the open deadlines', () => {
    expect(replay(history.demobilised())).toEqual({
      status: 'open',
      incidentId: INCIDENT_ID,
      type: 'fatal_road_collision',
      severityWeight: 2,
      occurredAt: T.occurred,
      department: 'Response',
      recordedBy: SERGEANT,
      recordedAt: T.recorded,
      exposures: {
        'P-1': {
          personId: 'P-1',
          name: 'Alex Morgan',
          department: 'Response',
          role: 'Response Officer',
          exposureRole: 'first_responder',
          exposedAt: T.recorded,
          status: 'exposed',
        },
        'P-2': expect.objectContaining({ name: 'Sam Patel', status: 'exposed' }),
        'P-3': expect.objectContaining({ name: 'Jo Evans', role: null, exposureRole: 'call_handler' }),
      },
      estip: { demobilisation: 'held', defusion: 'pending', estim: 'pending', monitoring: 'pending' },
      trimPlanning: 'pending',
      deadlines: {
        defusion: expect.objectContaining({ dueAt: DUE.defusion, ownerId: null, level: 0 }),
        'trim-planning': expect.objectContaining({ dueAt: DUE.trimPlanning, ownerId: null, level: 0 }),
      },
    });
  });

  const nothingYet = { demobilisation: 'pending', defusion: 'pending', estim: 'pending', monitoring: 'pending' };
  it.each([
    ['recorded', history.recorded(), nothingYet],
    ['no defusion needed', history.demobilised({ defusionNeeded: false }), { defusion: 'not_needed' }],
    ['defused', history.defused(), { defusion: 'held', estim: 'pending' }],
    ['ESTIM held', history.estimHeld(), { estim: 'held', monitoring: 'pending' }],
    ['monitoring', history.monitoring(), { monitoring: 'in_progress' }],
    ['monitoring concluded', history.monitoringConcluded(), { monitoring: 'concluded' }],
  ] as const)('ESTIP after the story up to %s', (_label, events, estip) => {
    expect(replay(events)).toMatchObject({ status: 'open', estip });
  });

  it('a removed exposure is kept, marked removed, and no longer counted as exposed', () => {
    const state = replay([
      ...history.recorded(),
      {
        type: 'ColleagueExposureRemoved',
        data: { incidentId: INCIDENT_ID, personId: 'P-3', name: 'Jo Evans', reason: 'Error', removedAt: T.defused },
      },
    ]);
    expect(state.status === 'open' && state.exposures['P-3'].status).toBe('removed');
    expect(state.status === 'open' && exposedColleagues(state).map((e) => e.personId)).toEqual(['P-1', 'P-2']);
  });

  it('a TRiM planning meeting is remembered; a closed incident records why and when', () => {
    expect(replay(history.trimPlanned())).toMatchObject({ trimPlanning: 'held' });
    const closed = replay(history.closed());
    expect(closed).toMatchObject({
      status: 'closed',
      closure: { reason: 'ESTIP complete', closedAt: T.closed },
      estip: { defusion: 'held' },
    });
    expect(closed.status === 'closed' && closed.deadlines).toEqual({});
  });

  it('nothing but a record applies to an incident that does not exist, and a second record changes nothing', () => {
    expect(replay(history.recorded().slice(1))).toEqual({ status: 'none' });
    const once = replay(history.recorded());
    expect(replay([...history.recorded(), history.recorded()[0]])).toEqual(once);
  });

  it('incident streams are named incident-<id>, and every event type has a schema version', () => {
    expect(INCIDENT_STREAM_CATEGORY).toBe('incident');
    const id = '7b0c1d2e-0000-4000-8000-000000000001';
    expect(incidentStreamId(id)).toBe(`incident-${id}`);
    expect(Object.keys(INCIDENT_EVENT_SCHEMA_VERSIONS)).toHaveLength(16);
  });
});
