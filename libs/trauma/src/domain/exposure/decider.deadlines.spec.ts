import type { SupportTaskEvent } from './events';
import {
  ACTOR,
  command,
  FIRST_CONTACT_DEADLINE,
  FIRST_CONTACT_DUE,
  history,
  spec,
  T,
} from './testing/support-task-fixtures';

describe('waiving the first-contact deadline', () => {
  const waive = (kind: string, reason: string) => command('WaiveDeadline', { kind, reason }, T.assigned);

  it('an open deadline is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.assigned())
      .when(waive('first-contact', 'Person on leave until the 16th'))
      .then([
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: FIRST_CONTACT_DEADLINE,
            kind: 'first-contact',
            reason: 'Person on leave until the 16th',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a waiver needs a reason and an open deadline', () => {
    spec.given(history.assigned()).when(waive('first-contact', ' ')).thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec.given(history.inContact()).when(waive('first-contact', 'Too late')).thenThrows('DEADLINE.NOT_OPEN', 'kind');
  });
});

describe('escalating an overdue first contact', () => {
  const escalate = (level: number, now: string) =>
    command('EscalateDeadline', { deadlineId: FIRST_CONTACT_DEADLINE, level }, now, `timer-${level}-${now}`);
  const rung = (level: number, notify: 'owner' | 'team_manager' | 'head_of_wellbeing'): SupportTaskEvent =>
    level === 1
      ? {
          type: 'DeadlineOverdue',
          data: {
            deadlineId: FIRST_CONTACT_DEADLINE,
            kind: 'first-contact',
            level: 1,
            notify,
            dueAt: FIRST_CONTACT_DUE,
          },
        }
      : {
          type: 'DeadlineEscalated',
          data: { deadlineId: FIRST_CONTACT_DEADLINE, kind: 'first-contact', level, notify, dueAt: FIRST_CONTACT_DUE },
        };

  it('climbs owner → team manager → head of wellbeing and never repeats a rung', () => {
    const given = history.assigned();
    spec
      .given(given)
      .when(escalate(1, FIRST_CONTACT_DUE))
      .then([rung(1, 'owner')]);
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(1, '2026-03-04T17:05:00.000Z'))
      .thenNothing();
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(2, '2026-03-05T17:00:00.000Z'))
      .then([rung(2, 'team_manager')]);
    spec
      .given([...given, rung(1, 'owner'), rung(2, 'team_manager')])
      .when(escalate(3, '2026-03-06T17:00:00.000Z'))
      .then([rung(3, 'head_of_wellbeing')]);
  });

  it('a late timer records every rung it slept through; an early one records nothing', () => {
    spec
      .given(history.assigned())
      .when(escalate(3, '2026-03-09T09:00:00.000Z'))
      .then([rung(1, 'owner'), rung(2, 'team_manager'), rung(3, 'head_of_wellbeing')]);
    spec.given(history.assigned()).when(escalate(1, '2026-03-04T16:59:59.000Z')).thenNothing();
  });

  it('a timer that fires after contact was made, or after the task closed, records nothing without error', () => {
    spec.given(history.inContact()).when(escalate(1, FIRST_CONTACT_DUE)).thenNothing();
    spec.given(history.closedUnreached()).when(escalate(2, '2026-03-20T17:00:00.000Z')).thenNothing();
  });
});
