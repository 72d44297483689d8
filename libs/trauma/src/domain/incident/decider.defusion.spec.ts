import { defuse, skipped } from './testing/estip-commands';
import { history, met, spec, T } from './testing/incident-fixtures';

describe('defusion', () => {
  it('about three days on, a peer defuser finds who needs more support; it meets the defusion deadline', () => {
    spec
      .given(history.demobilised())
      .when(defuse())
      .then(history.defused().slice(history.demobilised().length));
  });

  it('comes after the demobilisation is held or skipped', () => {
    spec.given(history.recorded()).when(defuse()).thenThrows('INCIDENT.STAGE_OUT_OF_ORDER');
    spec
      .given([...history.recorded(), skipped('demobilisation', 'Officers went straight off duty', T.demobilised)])
      .when(defuse({ format: 'one_to_one', attendees: ['P-1'], needingMoreSupport: [] }))
      .then([
        {
          type: 'DefusionHeld',
          data: {
            format: 'one_to_one',
            peerDefuserId: 'u-peer',
            attendees: ['P-1'],
            needingMoreSupport: [],
            heldAt: T.defused,
          },
        },
        met('defusion', T.defused),
      ]);
  });

  it('may still be held after the demobilisation found none needed, with no deadline left to meet', () => {
    spec
      .given(history.demobilised({ defusionNeeded: false }))
      .when(defuse({ format: 'one_to_one', attendees: ['P-3'], needingMoreSupport: [] }))
      .then([
        {
          type: 'DefusionHeld',
          data: {
            format: 'one_to_one',
            peerDefuserId: 'u-peer',
            attendees: ['P-3'],
            needingMoreSupport: [],
            heldAt: T.defused,
          },
        },
      ]);
  });

  it('but not once ESTIM is recorded', () => {
    spec
      .given([...history.demobilised({ defusionNeeded: false }), skipped('estim', 'Not needed', T.estim)])
      .when(defuse())
      .thenThrows('INCIDENT.STAGE_OUT_OF_ORDER');
  });

  it('one to one means one attendee; a group means two or more', () => {
    spec
      .given(history.demobilised())
      .when(defuse({ format: 'one_to_one' }))
      .thenThrows('INCIDENT.ATTENDEES_DONT_FIT_FORMAT', 'attendees');
    spec
      .given(history.demobilised())
      .when(defuse({ format: 'group', attendees: ['P-2'] }))
      .thenThrows('INCIDENT.ATTENDEES_DONT_FIT_FORMAT', 'attendees');
  });

  it('needs a peer defuser and attendees who were exposed; those needing more support attended', () => {
    spec
      .given(history.demobilised())
      .when(defuse({ peerDefuserId: '' }))
      .thenThrows('INCIDENT.FIELD_REQUIRED', 'peerDefuserId');
    spec
      .given(history.demobilised())
      .when(defuse({ attendees: [] }))
      .thenThrows('INCIDENT.PEOPLE_REQUIRED', 'attendees');
    spec
      .given(history.demobilised())
      .when(defuse({ attendees: ['P-1', 'P-8'] }))
      .thenThrows('INCIDENT.NOT_EXPOSED', 'attendees');
    spec
      .given(history.demobilised())
      .when(defuse({ attendees: ['P-1', 'P-2'], needingMoreSupport: ['P-3'] }))
      .thenThrows('INCIDENT.NOT_AN_ATTENDEE', 'needingMoreSupport');
    spec
      .given(history.demobilised())
      .when(defuse({ needingMoreSupport: ['P-2', 'P-2'] }))
      .thenThrows('INCIDENT.DUPLICATE_PERSON', 'needingMoreSupport');
  });

  it('is recorded once', () => {
    spec.given(history.defused()).when(defuse()).thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
  });
});
