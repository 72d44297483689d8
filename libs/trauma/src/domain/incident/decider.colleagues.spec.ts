import type { IncidentEvent } from './events';
import { command, exposed, history, INCIDENT_ID, JO, spec, T } from './testing/incident-fixtures';

const LATER = '2026-03-03T09:00:00.000Z';
const DRIVER = {
  personId: 'P-9',
  name: 'Chris Lee',
  department: 'Roads Policing',
  role: 'Collision Investigator',
  exposureRole: 'investigator',
} as const;

const add = (data: typeof DRIVER | typeof JO = DRIVER) => command('AddExposedColleague', data, LATER);
const remove = (personId: string, reason = 'Was not at the scene') =>
  command('RemoveExposedColleague', { personId, reason }, LATER);
const removedJo: IncidentEvent = {
  type: 'ColleagueExposureRemoved',
  data: {
    incidentId: INCIDENT_ID,
    personId: 'P-3',
    name: 'Jo Evans',
    reason: 'Was not at the scene',
    removedAt: LATER,
  },
};

describe('adding an exposed colleague', () => {
  it('a colleague found later is exposed with the incident type, weight and time as recorded', () => {
    spec
      .given(history.recorded())
      .when(add())
      .then([
        {
          type: 'ColleagueExposed',
          data: {
            incidentId: INCIDENT_ID,
            personId: 'P-9',
            name: 'Chris Lee',
            department: 'Roads Policing',
            role: 'Collision Investigator',
            exposureRole: 'investigator',
            incidentType: 'fatal_road_collision',
            severityWeight: 2,
            occurredAt: T.occurred,
            exposedAt: LATER,
          },
        },
      ]);
  });

  it('a colleague is exposed once, but one removed in error may be added again', () => {
    spec.given(history.recorded()).when(add(JO)).thenThrows('INCIDENT.COLLEAGUE_ALREADY_EXPOSED');
    spec
      .given([...history.recorded(), removedJo])
      .when(add(JO))
      .then([exposed(JO, LATER)]);
  });

  it('a colleague needs an id, a name and a department', () => {
    spec
      .given(history.recorded())
      .when(add({ ...DRIVER, department: ' ' }))
      .thenThrows('INCIDENT.FIELD_REQUIRED', 'department');
  });
});

describe('removing an exposed colleague', () => {
  it('an exposure recorded in error is removed with a reason', () => {
    spec.given(history.recorded()).when(remove('P-3')).then([removedJo]);
  });

  it('only someone recorded as exposed can be removed, and only once', () => {
    spec.given(history.recorded()).when(remove('P-9')).thenThrows('INCIDENT.UNKNOWN_COLLEAGUE', 'personId');
    spec
      .given([...history.recorded(), removedJo])
      .when(remove('P-3'))
      .thenThrows('INCIDENT.COLLEAGUE_ALREADY_REMOVED');
  });

  it('a removal needs a reason', () => {
    spec.given(history.recorded()).when(remove('P-3', '')).thenThrows('INCIDENT.FIELD_REQUIRED', 'reason');
  });

  it('a removed colleague no longer counts as exposed for ESTIP', () => {
    spec
      .given([...history.recorded(), removedJo])
      .when(
        command(
          'RecordDemobilisation',
          { ledBy: { personId: 'u-sergeant', lead: 'supervisor' }, attendees: ['P-3'], defusionNeeded: true },
          LATER,
        ),
      )
      .thenThrows('INCIDENT.NOT_EXPOSED', 'attendees');
  });
});
