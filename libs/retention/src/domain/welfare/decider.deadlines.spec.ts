import type { WelfareEvent } from './events';
import { ACTOR, command, DUE, history, idFrom, spec, T } from './testing/welfare-fixtures';

const CONTACT_DEADLINE = idFrom('cmd-LogWelfareContact', 'contact');

describe('waiving a welfare deadline', () => {
  const waive = (kind: string, reason: string) => command('WaiveDeadline', { kind, reason }, T.contactRecorded);

  it('an open deadline is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.contacted())
      .when(waive('contact', 'Colleague asked for no contact while abroad'))
      .then([
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: CONTACT_DEADLINE,
            kind: 'contact',
            reason: 'Colleague asked for no contact while abroad',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a waiver needs a reason, an open deadline and an open case', () => {
    spec.given(history.contacted()).when(waive('contact', ' ')).thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec.given(history.contacted()).when(waive('home-visit', 'Not on leave')).thenThrows('DEADLINE.NOT_OPEN', 'kind');
    spec.given(history.closed()).when(waive('contact', 'Closed')).thenThrows('WELFARE.CLOSED');
    spec.given([]).when(waive('contact', 'Nothing')).thenThrows('WELFARE.NOT_FOUND');
  });
});

describe('escalating a missed welfare contact', () => {
  const escalate = (level: number, now: string, deadlineId = CONTACT_DEADLINE) =>
    command('EscalateDeadline', { deadlineId, level }, now, `timer-${level}-${now}`);
  const rung = (level: number, notify: 'owner' | 'team_manager' | 'head_of_wellbeing'): WelfareEvent =>
    level === 1
      ? {
          type: 'DeadlineOverdue',
          data: {
            deadlineId: CONTACT_DEADLINE,
            kind: 'contact',
            level: 1,
            notify: 'owner',
            dueAt: DUE.contactAfterFirst,
          },
        }
      : {
          type: 'DeadlineEscalated',
          data: { deadlineId: CONTACT_DEADLINE, kind: 'contact', level, notify, dueAt: DUE.contactAfterFirst },
        };

  it('a missed contact climbs WLO → welfare coordinator → head of wellbeing, a working day apart', () => {
    const given = history.contacted();
    spec.given(given).when(escalate(1, DUE.contactAfterFirst)).then([rung(1, 'owner')]);
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(1, '2026-03-24T14:05:00.000Z'))
      .thenNothing();
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(2, '2026-03-25T14:00:00.000Z'))
      .then([rung(2, 'team_manager')]);
    spec
      .given([...given, rung(1, 'owner'), rung(2, 'team_manager')])
      .when(escalate(3, '2026-03-26T14:00:00.000Z'))
      .then([rung(3, 'head_of_wellbeing')]);
  });

  it('a timer that fires early, or after the contact was made, records nothing', () => {
    spec.given(history.contacted()).when(escalate(1, '2026-03-24T13:59:59.000Z')).thenNothing();
    spec.given(history.onSickLeave()).when(escalate(1, DUE.contactAfterFirst)).thenNothing();
  });

  it('a timer on a closed case records nothing; on none it finds nothing', () => {
    spec.given(history.closed()).when(escalate(1, '2026-06-20T09:00:00.000Z')).thenNothing();
    spec.given([]).when(escalate(1, DUE.contactAfterFirst)).thenThrows('WELFARE.NOT_FOUND');
  });
});
