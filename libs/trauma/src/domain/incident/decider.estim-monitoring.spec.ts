import { conclude, estim, startMonitoring } from './testing/estip-commands';
import { history, spec, T } from './testing/incident-fixtures';

describe('ESTIM', () => {
  it('a trauma intervention meeting, perhaps with OH, refers people on', () => {
    spec
      .given(history.defused())
      .when(estim())
      .then(history.estimHeld().slice(history.defused().length));
  });

  it('follows the defusion, or a demobilisation that found no defusion needed', () => {
    spec.given(history.demobilised()).when(estim()).thenThrows('INCIDENT.STAGE_OUT_OF_ORDER');
    spec
      .given(history.demobilised({ defusionNeeded: false }))
      .when(estim({ includesOh: false, referredOn: [] }))
      .then([{ type: 'EstimHeld', data: { attendees: ['P-2'], includesOh: false, referredOn: [], heldAt: T.estim } }]);
  });

  it('refers exposed colleagues on, each down a pathway once', () => {
    spec
      .given(history.defused())
      .when(estim({ referredOn: [{ personId: 'P-7', pathway: 'trim' }] }))
      .thenThrows('INCIDENT.NOT_EXPOSED', 'referredOn');
    spec
      .given(history.defused())
      .when(
        estim({
          referredOn: [
            { personId: 'P-2', pathway: 'trim' },
            { personId: 'P-2', pathway: 'trim' },
          ],
        }),
      )
      .thenThrows('INCIDENT.DUPLICATE_PERSON', 'referredOn');
    spec
      .given(history.defused())
      .when(
        estim({
          referredOn: [
            { personId: 'P-2', pathway: 'trim' },
            { personId: 'P-2', pathway: 'occupational_health' },
          ],
        }),
      )
      .thenState({ estip: { estim: 'held' } });
  });

  it('needs attendees and is recorded once', () => {
    spec.given(history.defused()).when(estim({ attendees: [] })).thenThrows('INCIDENT.PEOPLE_REQUIRED', 'attendees');
    spec.given(history.estimHeld()).when(estim()).thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
  });
});

describe('monitor and refer', () => {
  it('monitoring starts for exposed colleagues after ESTIM', () => {
    spec
      .given(history.estimHeld())
      .when(startMonitoring())
      .then([{ type: 'MonitoringStarted', data: { monitored: ['P-2'], startedAt: T.monitoringStarted } }]);
    spec.given(history.defused()).when(startMonitoring()).thenThrows('INCIDENT.STAGE_OUT_OF_ORDER');
    spec.given(history.estimHeld()).when(startMonitoring([])).thenThrows('INCIDENT.PEOPLE_REQUIRED', 'monitored');
    spec.given(history.estimHeld()).when(startMonitoring(['P-5'])).thenThrows('INCIDENT.NOT_EXPOSED', 'monitored');
    spec.given(history.monitoring()).when(startMonitoring()).thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
  });

  it('concludes with an outcome, naming who was referred on when someone was', () => {
    spec
      .given(history.monitoring())
      .when(conclude('no_further_support'))
      .then(history.monitoringConcluded().slice(history.monitoring().length));
    spec
      .given(history.monitoring())
      .when(conclude('referred_on', [{ personId: 'P-2', pathway: 'trim' }]))
      .then([
        {
          type: 'MonitoringConcluded',
          data: {
            outcome: 'referred_on',
            referredOn: [{ personId: 'P-2', pathway: 'trim' }],
            concludedAt: T.monitoringConcluded,
          },
        },
      ]);
  });

  it('referrals go with the referred-on outcome and no other', () => {
    spec
      .given(history.monitoring())
      .when(conclude('referred_on'))
      .thenThrows('INCIDENT.REFERRALS_DONT_FIT_OUTCOME', 'referredOn');
    spec
      .given(history.monitoring())
      .when(conclude('declined_support', [{ personId: 'P-2', pathway: 'gp' }]))
      .thenThrows('INCIDENT.REFERRALS_DONT_FIT_OUTCOME', 'referredOn');
    spec
      .given(history.monitoring())
      .when(conclude('referred_on', [{ personId: 'P-6', pathway: 'gp' }]))
      .thenThrows('INCIDENT.NOT_EXPOSED', 'referredOn');
  });

  it('concludes only monitoring that started, and only once', () => {
    spec.given(history.estimHeld()).when(conclude('no_further_support')).thenThrows('INCIDENT.MONITORING_NOT_STARTED');
    spec
      .given(history.monitoringConcluded())
      .when(conclude('no_further_support'))
      .thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
  });
});
