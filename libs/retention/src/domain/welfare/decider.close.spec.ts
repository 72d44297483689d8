import { ACTOR, command, history, idFrom, spec, T } from './testing/welfare-fixtures';

const close = (debriefHeldAt: string = T.debrief, exitPlan = 'Phased return to Response') =>
  command('CloseWelfareCase', { exitPlan, debriefHeldAt: new Date(debriefHeldAt) }, T.closed);

describe('closing a welfare liaison case', () => {
  it('after the investigation concludes, with an exit plan and debrief; open deadlines are waived', () => {
    spec
      .given(history.concluded())
      .when(close())
      .then(history.closed().slice(history.concluded().length));
    spec.given(history.concluded()).when(close()).thenState({ status: 'closed', deadlines: {} });
  });

  it('an expected home visit is waived too', () => {
    spec
      .given([...history.onSickLeave(), ...history.concluded().slice(history.contacted().length)])
      .when(close())
      .then([
        {
          type: 'WelfareCaseClosed',
          data: { exitPlan: 'Phased return to Response', debriefHeldAt: T.debrief, closedAt: T.closed },
        },
        ...['contact', 'home-visit'].map((kind) => ({
          type: 'DeadlineWaived' as const,
          data: {
            deadlineId: idFrom('cmd-RecordSickLeaveStarted', kind),
            kind,
            reason: 'welfare liaison case closed',
            waivedBy: ACTOR.userId,
          },
        })),
      ]);
  });

  it('a case closes only once the investigation has concluded', () => {
    spec.given(history.contacted()).when(close()).thenThrows('WELFARE.INVESTIGATION_NOT_CONCLUDED');
    spec.given(history.closed()).when(close()).thenThrows('WELFARE.CLOSED');
    spec.given([]).when(close()).thenThrows('WELFARE.NOT_FOUND');
  });

  it('closing needs an exit plan, and a debrief held after the conclusion and not in the future', () => {
    spec.given(history.concluded()).when(close(T.debrief, '')).thenThrows('WELFARE.FIELD_REQUIRED', 'exitPlan');
    spec
      .given(history.concluded())
      .when(close('2026-05-30T10:00:00.000Z'))
      .thenThrows('WELFARE.DATE_OUT_OF_ORDER', 'debriefHeldAt');
    spec
      .given(history.concluded())
      .when(close('2026-06-13T10:00:00.000Z'))
      .thenThrows('WELFARE.DATE_IN_FUTURE', 'debriefHeldAt');
  });
});
