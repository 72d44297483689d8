import type { ReferralEvent } from './events';
import { ACTOR, command, history, idFrom, spec, T } from './testing/referral-fixtures';

const TRIAGE_DEADLINE = idFrom('SubmitReferral', 'triage');

describe('waiving a deadline', () => {
  const waive = (kind: string, reason: string) => command('WaiveDeadline', { kind, reason }, T.triaged);

  it('an open deadline is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.awaitingTriage())
      .when(waive('triage', 'Subject on annual leave'))
      .then([
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: TRIAGE_DEADLINE,
            kind: 'triage',
            reason: 'Subject on annual leave',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a waiver needs a reason and an open deadline', () => {
    spec.given(history.awaitingTriage()).when(waive('triage', ' ')).thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec.given(history.awaitingConsent()).when(waive('triage', 'Too late')).thenThrows('DEADLINE.NOT_OPEN', 'kind');
  });
});

describe('escalating an overdue deadline', () => {
  const escalate = (level: number, now: string, deadlineId = TRIAGE_DEADLINE) =>
    command('EscalateDeadline', { deadlineId, level }, now, `timer-${level}-${now}`);
  const overdue: ReferralEvent = {
    type: 'DeadlineOverdue',
    data: { deadlineId: TRIAGE_DEADLINE, kind: 'triage', level: 1, notify: 'owner', dueAt: '2026-03-04T17:00:00.000Z' },
  };
  const toTeamManager: ReferralEvent = {
    type: 'DeadlineEscalated',
    data: {
      deadlineId: TRIAGE_DEADLINE,
      kind: 'triage',
      level: 2,
      notify: 'team_manager',
      dueAt: '2026-03-04T17:00:00.000Z',
    },
  };
  const toHeadOfWellbeing: ReferralEvent = {
    type: 'DeadlineEscalated',
    data: {
      deadlineId: TRIAGE_DEADLINE,
      kind: 'triage',
      level: 3,
      notify: 'head_of_wellbeing',
      dueAt: '2026-03-04T17:00:00.000Z',
    },
  };

  it('escalation climbs owner → team manager → head of wellbeing and never repeats a rung', () => {
    const given = history.awaitingTriage();
    spec.given(given).when(escalate(1, '2026-03-04T17:00:00.000Z')).then([overdue]);
    spec
      .given([...given, overdue])
      .when(escalate(1, '2026-03-04T17:05:00.000Z'))
      .thenNothing();
    spec
      .given([...given, overdue])
      .when(escalate(2, '2026-03-05T17:00:00.000Z'))
      .then([toTeamManager]);
    spec
      .given([...given, overdue, toTeamManager])
      .when(escalate(2, '2026-03-05T17:00:00.000Z'))
      .thenNothing();
    spec
      .given([...given, overdue, toTeamManager])
      .when(escalate(3, '2026-03-06T17:00:00.000Z'))
      .then([toHeadOfWellbeing]);
    spec
      .given([...given, overdue, toTeamManager, toHeadOfWellbeing])
      .when(escalate(3, '2026-03-09T09:00:00.000Z'))
      .thenNothing();
  });

  it('a timer that fires before its rung is due records nothing', () => {
    spec.given(history.awaitingTriage()).when(escalate(1, '2026-03-04T16:59:59.000Z')).thenNothing();
  });

  it('a late timer records every rung it slept through, in order', () => {
    spec
      .given(history.awaitingTriage())
      .when(escalate(3, '2026-03-09T09:00:00.000Z'))
      .then([overdue, toTeamManager, toHeadOfWellbeing]);
  });

  it('a timer that fires after the deadline was met records nothing', () => {
    spec.given(history.awaitingConsent()).when(escalate(1, '2026-03-04T17:00:00.000Z')).thenNothing();
  });

  it('a timer that fires after the referral closed or was cancelled records nothing, without error', () => {
    spec.given(history.closed()).when(escalate(1, '2026-03-20T17:00:00.000Z')).thenNothing();
    spec
      .given(history.cancelled())
      .when(escalate(2, '2026-03-20T17:00:00.000Z', idFrom('TriageReferral', 'first-appointment')))
      .thenNothing();
  });
});
