import type { EstipStage } from './types';
import { skip, skipped } from './testing/estip-commands';
import { history, spec, T, waived } from './testing/incident-fixtures';

describe('skipping an ESTIP stage', () => {
  it('a skipped stage says why and waives its deadline', () => {
    spec
      .given(history.demobilised())
      .when(skip('defusion'))
      .then([
        skipped('defusion'),
        waived('defusion', 'defusion skipped: No trained peer available in time'),
      ]);
    spec
      .given(history.recorded())
      .when(skip('demobilisation', 'Officers went straight off duty', T.demobilised))
      .then([
        skipped('demobilisation', 'Officers went straight off duty', T.demobilised),
        waived('demobilisation', 'demobilisation skipped: Officers went straight off duty'),
      ]);
  });

  it('a stage without a deadline, or whose deadline was already waived, is skipped alone', () => {
    spec.given(history.defused()).when(skip('estim', 'Nobody needed it')).then([skipped('estim', 'Nobody needed it')]);
    spec
      .given([...history.demobilised(), waived('defusion', 'Peer team stood down')])
      .when(skip('defusion'))
      .then([skipped('defusion')]);
  });

  it('every stage may be skipped, in order', () => {
    const all: EstipStage[] = ['demobilisation', 'defusion', 'estim', 'monitoring'];
    spec
      .given([...history.recorded(), ...all.slice(0, 3).map((stage) => skipped(stage))])
      .when(skip('monitoring'))
      .thenState({
        estip: { demobilisation: 'skipped', defusion: 'skipped', estim: 'skipped', monitoring: 'skipped' },
      });
    spec.given(history.recorded()).when(skip('estim')).thenThrows('INCIDENT.STAGE_OUT_OF_ORDER');
  });

  it('a stage already held, found not needed, or under way is not skipped', () => {
    spec.given(history.demobilised()).when(skip('demobilisation')).thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
    spec
      .given(history.demobilised({ defusionNeeded: false }))
      .when(skip('defusion'))
      .thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
    spec.given(history.monitoring()).when(skip('monitoring')).thenThrows('INCIDENT.STAGE_ALREADY_RECORDED');
  });

  it('a skip needs a reason', () => {
    spec.given(history.demobilised()).when(skip('defusion', ' ')).thenThrows('INCIDENT.FIELD_REQUIRED', 'reason');
  });
});
