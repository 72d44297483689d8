import type { StayEvent } from './events';
import { ACTOR, command, DUE, history, idFrom, spec, T } from './testing/stay-fixtures';

const INTERVIEW_DEADLINE = idFrom('RequestStayInterview', 'stay-interview');

describe('waiving a stay-interview deadline', () => {
  const waive = (kind: string, reason: string) => command('WaiveDeadline', { kind, reason }, T.allocated);

  it('an open deadline is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.awaitingInterview())
      .when(waive('stay-interview', 'Person on annual leave for three weeks'))
      .then([
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: INTERVIEW_DEADLINE,
            kind: 'stay-interview',
            reason: 'Person on annual leave for three weeks',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a waiver needs a reason, an open deadline and an open case', () => {
    spec
      .given(history.awaitingInterview())
      .when(waive('stay-interview', ' '))
      .thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec
      .given(history.awaitingActions())
      .when(waive('stay-interview', 'Too late'))
      .thenThrows('DEADLINE.NOT_OPEN', 'kind');
    spec.given(history.closed()).when(waive('stay-follow-up', 'Closed')).thenThrows('STAY.CLOSED');
    spec.given([]).when(waive('stay-interview', 'Nothing')).thenThrows('STAY.NOT_FOUND');
  });
});

describe('escalating an overdue stay interview', () => {
  const escalate = (level: number, now: string) =>
    command('EscalateDeadline', { deadlineId: INTERVIEW_DEADLINE, level }, now, `timer-${level}-${now}`);
  const rung = (level: number, notify: 'owner' | 'team_manager' | 'head_of_wellbeing'): StayEvent =>
    level === 1
      ? {
          type: 'DeadlineOverdue',
          data: {
            deadlineId: INTERVIEW_DEADLINE,
            kind: 'stay-interview',
            level: 1,
            notify: 'owner',
            dueAt: DUE.interview,
          },
        }
      : {
          type: 'DeadlineEscalated',
          data: { deadlineId: INTERVIEW_DEADLINE, kind: 'stay-interview', level, notify, dueAt: DUE.interview },
        };

  it('an interview not held climbs owner → retention team manager → head of wellbeing, never repeating a rung', () => {
    const given = history.awaitingInterview();
    spec
      .given(given)
      .when(escalate(1, DUE.interview))
      .then([rung(1, 'owner')]);
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(1, '2026-03-16T17:05:00.000Z'))
      .thenNothing();
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(2, '2026-03-17T17:00:00.000Z'))
      .then([rung(2, 'team_manager')]);
    spec
      .given([...given, rung(1, 'owner'), rung(2, 'team_manager')])
      .when(escalate(3, '2026-03-18T17:00:00.000Z'))
      .then([rung(3, 'head_of_wellbeing')]);
  });

  it('a timer that fires early, or after the interview, records nothing', () => {
    spec.given(history.awaitingInterview()).when(escalate(1, '2026-03-16T16:59:59.000Z')).thenNothing();
    spec.given(history.awaitingActions()).when(escalate(1, DUE.interview)).thenNothing();
  });

  it('a late timer records every rung it slept through; on an ended case nothing', () => {
    spec
      .given(history.awaitingInterviewer())
      .when(escalate(3, '2026-03-20T09:00:00.000Z'))
      .then([rung(1, 'owner'), rung(2, 'team_manager'), rung(3, 'head_of_wellbeing')]);
    spec.given(history.declined()).when(escalate(1, '2026-03-20T09:00:00.000Z')).thenNothing();
    spec.given([]).when(escalate(1, DUE.interview)).thenThrows('STAY.NOT_FOUND');
  });
});
