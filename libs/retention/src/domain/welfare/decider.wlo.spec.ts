import type { WelfareEvent } from './events';
import { command, DUE, history, idFrom, scheduled, spec, SUBJECT, T, WLO } from './testing/welfare-fixtures';

describe('assigning a welfare liaison officer', () => {
  const assign = (wloId: string, now: string = T.assigned) => command('AssignWlo', { wloId }, now);

  it('the WLO takes the case, and the first contact is due a full cadence from assignment', () => {
    spec
      .given(history.opened())
      .when(assign(WLO))
      .then([
        { type: 'WloAssigned', data: { wloId: WLO, assignedAt: T.assigned } },
        scheduled('contact', 'cmd-AssignWlo', DUE.contactFromAssignment, WLO),
      ]);
    spec.given(history.opened()).when(assign(WLO)).thenState({ status: 'active', wloId: WLO });
  });

  it('an assignment after the first contact went overdue leaves that deadline escalating', () => {
    const overdue: WelfareEvent = {
      type: 'DeadlineOverdue',
      data: {
        deadlineId: idFrom('cmd-OpenWelfareCase', 'contact'),
        kind: 'contact',
        level: 1,
        notify: 'owner',
        dueAt: DUE.contactFromOpening,
      },
    };
    spec
      .given([...history.opened(), overdue])
      .when(assign(WLO, '2026-03-18T09:00:00.000Z'))
      .then([{ type: 'WloAssigned', data: { wloId: WLO, assignedAt: '2026-03-18T09:00:00.000Z' } }]);
  });

  it('the colleague under investigation cannot be their own WLO', () => {
    spec.given(history.opened()).when(assign(SUBJECT)).thenThrows('WELFARE.WLO_IS_SUBJECT', 'wloId');
  });

  it('assignment needs a case, a WLO, and none assigned yet', () => {
    spec.given([]).when(assign(WLO)).thenThrows('WELFARE.NOT_FOUND');
    spec.given(history.opened()).when(assign(' ')).thenThrows('WELFARE.FIELD_REQUIRED', 'wloId');
    spec.given(history.active()).when(assign('u-other')).thenThrows('WELFARE.WLO_ALREADY_ASSIGNED');
    spec.given(history.closed()).when(assign('u-other')).thenThrows('WELFARE.CLOSED');
  });
});

describe('reassigning a welfare liaison officer', () => {
  const reassign = (wloId: string, reason = 'WLO moved to another portfolio') =>
    command('ReassignWlo', { wloId, reason }, T.contactRecorded);

  it('the new WLO takes over, with the reason on record', () => {
    spec
      .given(history.contacted())
      .when(reassign('u-other'))
      .then([
        {
          type: 'WloReassigned',
          data: {
            fromWloId: WLO,
            toWloId: 'u-other',
            reason: 'WLO moved to another portfolio',
            reassignedAt: T.contactRecorded,
          },
        },
      ]);
  });

  it('the open contact deadline keeps its owner, so its escalation ladder does not restart', () => {
    spec
      .given(history.contacted())
      .when(reassign('u-other'))
      .thenState((state) => {
        if (state.status !== 'active') return false;
        return state.wloId === 'u-other' && state.deadlines.contact?.ownerId === WLO;
      });
  });

  it('only an assigned case is reassigned, to someone else who is not the subject, for a reason', () => {
    spec.given(history.opened()).when(reassign('u-other')).thenThrows('WELFARE.NO_WLO');
    spec.given(history.active()).when(reassign(WLO)).thenThrows('WELFARE.SAME_WLO', 'wloId');
    spec.given(history.active()).when(reassign(SUBJECT)).thenThrows('WELFARE.WLO_IS_SUBJECT', 'wloId');
    spec.given(history.active()).when(reassign('u-other', '')).thenThrows('WELFARE.FIELD_REQUIRED', 'reason');
  });
});
