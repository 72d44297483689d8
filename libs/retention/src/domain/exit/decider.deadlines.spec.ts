import type { ExitEvent } from './events';
import { escalationLadder } from './policy';
import {
  ACTOR,
  calendar,
  command,
  history,
  INTERVIEW_DEADLINE,
  INTERVIEW_DUE,
  policy,
  spec,
  T,
} from './testing/exit-fixtures';

describe('waiving the exit interview deadline', () => {
  const waive = (kind: string, reason: string) => command('WaiveDeadline', { kind, reason }, T.allocated);

  it('an open deadline is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.awaitingInterview())
      .when(waive('exit-interview', 'Leaving on long-term sick leave'))
      .then([
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: INTERVIEW_DEADLINE,
            kind: 'exit-interview',
            reason: 'Leaving on long-term sick leave',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a waiver needs a reason, an open deadline and an open exit', () => {
    spec
      .given(history.awaitingInterview())
      .when(waive('exit-interview', ' '))
      .thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec.given(history.interviewed()).when(waive('exit-interview', 'Done')).thenThrows('DEADLINE.NOT_OPEN', 'kind');
    spec.given(history.left()).when(waive('exit-interview', 'Left')).thenThrows('EXIT.LEFT');
    spec.given([]).when(waive('exit-interview', 'Nothing')).thenThrows('EXIT.NOT_FOUND');
  });
});

describe('escalating a missed exit interview', () => {
  const [teamManagerAt, headAt] = escalationLadder(policy, calendar, new Date(INTERVIEW_DUE)).map((rung) =>
    rung.at.toISOString(),
  );
  const escalate = (level: number, now: string) =>
    command('EscalateDeadline', { deadlineId: INTERVIEW_DEADLINE, level }, now, `timer-${level}-${now}`);
  const base = { deadlineId: INTERVIEW_DEADLINE, kind: 'exit-interview', dueAt: INTERVIEW_DUE };
  const overdue: ExitEvent = { type: 'DeadlineOverdue', data: { ...base, level: 1, notify: 'owner' } };
  const escalated = (level: number, notify: 'team_manager' | 'head_of_wellbeing'): ExitEvent => ({
    type: 'DeadlineEscalated',
    data: { ...base, level, notify },
  });

  it('climbs owner → retention team manager → head of wellbeing from the start of the leaving date', () => {
    const given = history.awaitingInterview();
    spec.given(given).when(escalate(1, INTERVIEW_DUE)).then([overdue]);
    spec.given([...given, overdue]).when(escalate(1, INTERVIEW_DUE)).thenNothing();
    spec.given([...given, overdue]).when(escalate(2, teamManagerAt)).then([escalated(2, 'team_manager')]);
    spec
      .given([...given, overdue, escalated(2, 'team_manager')])
      .when(escalate(3, headAt))
      .then([escalated(3, 'head_of_wellbeing')]);
  });

  it('a timer that fires early, after the interview, or after a decline records nothing', () => {
    spec.given(history.awaitingInterview()).when(escalate(1, '2026-03-26T23:59:59.000Z')).thenNothing();
    spec.given(history.interviewed()).when(escalate(1, INTERVIEW_DUE)).thenNothing();
    spec.given(history.interviewDeclined()).when(escalate(1, INTERVIEW_DUE)).thenNothing();
  });

  it('a timer on a settled exit records nothing; on none it finds nothing', () => {
    spec.given(history.left()).when(escalate(2, headAt)).thenNothing();
    spec.given([]).when(escalate(1, INTERVIEW_DUE)).thenThrows('EXIT.NOT_FOUND');
  });
});
