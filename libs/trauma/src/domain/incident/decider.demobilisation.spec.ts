import { demobilise } from './testing/estip-commands';
import { history, met, SERGEANT, spec, T } from './testing/incident-fixtures';

describe('demobilisation', () => {
  it('is held the same day by the supervisor or a trained peer, and meets its deadline', () => {
    spec
      .given(history.recorded())
      .when(demobilise())
      .then([
        {
          type: 'DemobilisationHeld',
          data: {
            ledBy: { personId: SERGEANT, lead: 'supervisor' },
            attendees: ['P-1', 'P-2', 'P-3'],
            defusionNeeded: true,
            heldAt: T.demobilised,
          },
        },
        met('demobilisation', T.demobilised),
      ]);
  });

  it('held after its 12 hours, it meets the deadline late', () => {
    spec
      .given(history.recorded())
      .when(
        demobilise(
          { attendees: ['P-1'], ledBy: { personId: 'u-peer', lead: 'trained_peer' } },
          '2026-03-02T16:00:00.000Z',
        ),
      )
      .then([
        {
          type: 'DemobilisationHeld',
          data: {
            ledBy: { personId: 'u-peer', lead: 'trained_peer' },
            attendees: ['P-1'],
            defusionNeeded: true,
            heldAt: '2026-03-02T16:00:00.000Z',
          },
        },
        met('demobilisation', '2026-03-02T16:00:00.000Z', true),
      ]);
  });

  it('finding no defusion needed waives the defusion deadline and settles that stage', () => {
    spec
      .given(history.recorded())
      .when(demobilise({ defusionNeeded: false }))
      .then(history.demobilised({ defusionNeeded: false }).slice(history.recorded().length));
    spec
      .given(history.recorded())
      .when(demobilise({ defusionNeeded: false }))
      .thenState({
        estip: { demobilisation: 'held', defusion: 'not_needed', estim: 'pending', monitoring: 'pending' },
      });
  });

  it('needs who led it and at least one attendee, each an exposed colleague listed once', () => {
    spec
      .given(history.recorded())
      .when(demobilise({ ledBy: { personId: ' ', lead: 'supervisor' } }))
      .thenThrows('INCIDENT.FIELD_REQUIRED', 'ledBy.personId');
    spec
      .given(history.recorded())
      .when(demobilise({ attendees: [] }))
      .thenThrows('INCIDENT.PEOPLE_REQUIRED', 'attendees');
    spec
      .given(history.recorded())
      .when(demobilise({ attendees: ['P-1', 'P-7'] }))
      .thenThrows('INCIDENT.NOT_EXPOSED', 'attendees');
    spec
      .given(history.recorded())
      .when(demobilise({ attendees: ['P-1', 'P-1'] }))
      .thenThrows('INCIDENT.DUPLICATE_PERSON', 'attendees');
  });

  it('is recorded once', () => {
    spec.given(history.demobilised()).when(demobilise()).thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
  });
});
