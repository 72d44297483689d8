import type { TrimEvent } from './events';
import { ACTOR, command, DUE, history, idFrom, spec, T } from './testing/trim-fixtures';

const BRIEF_DEADLINE = idFrom('ActivateTrim', 'trauma-brief');

describe('waiving a TRiM deadline', () => {
  const waive = (kind: string, reason: string) => command('WaiveDeadline', { kind, reason }, T.allocated);

  it('an open deadline is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(waive('trauma-brief', 'Brief given by the ESTIP defuser'))
      .then([
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: BRIEF_DEADLINE,
            kind: 'trauma-brief',
            reason: 'Brief given by the ESTIP defuser',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a waiver needs a reason, an open deadline and an open activation', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(waive('trauma-brief', ' '))
      .thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec
      .given(history.briefDelivered())
      .when(waive('trauma-brief', 'Too late'))
      .thenThrows('DEADLINE.NOT_OPEN', 'kind');
    spec.given(history.closed()).when(waive('trauma-brief', 'Closed')).thenThrows('TRIM.CLOSED');
    spec.given([]).when(waive('trauma-brief', 'Nothing')).thenThrows('TRIM.NOT_FOUND');
  });
});

describe('escalating an overdue TRiM deadline', () => {
  const escalate = (level: number, now: string, deadlineId = BRIEF_DEADLINE) =>
    command('EscalateDeadline', { deadlineId, level }, now, `timer-${level}-${now}`);
  const rung = (level: number, notify: 'owner' | 'team_manager' | 'head_of_wellbeing'): TrimEvent =>
    level === 1
      ? {
          type: 'DeadlineOverdue',
          data: { deadlineId: BRIEF_DEADLINE, kind: 'trauma-brief', level: 1, notify: 'owner', dueAt: DUE.traumaBrief },
        }
      : {
          type: 'DeadlineEscalated',
          data: { deadlineId: BRIEF_DEADLINE, kind: 'trauma-brief', level, notify, dueAt: DUE.traumaBrief },
        };

  it('an unbriefed activation climbs owner → TRiM coordinator → head of wellbeing, never repeating a rung', () => {
    const given = history.awaitingInitialAssessment();
    spec.given(given).when(escalate(1, DUE.traumaBrief)).then([rung(1, 'owner')]);
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(1, '2026-03-04T09:05:00.000Z'))
      .thenNothing();
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(2, '2026-03-05T09:00:00.000Z'))
      .then([rung(2, 'team_manager')]);
    spec
      .given([...given, rung(1, 'owner'), rung(2, 'team_manager')])
      .when(escalate(3, '2026-03-06T09:00:00.000Z'))
      .then([rung(3, 'head_of_wellbeing')]);
  });

  it('a timer that fires early, or after the brief, records nothing', () => {
    spec.given(history.awaitingInitialAssessment()).when(escalate(1, '2026-03-04T08:59:59.000Z')).thenNothing();
    spec.given(history.briefDelivered()).when(escalate(1, DUE.traumaBrief)).thenNothing();
  });

  it('a late timer records every rung it slept through, in order', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(escalate(3, '2026-03-09T09:00:00.000Z'))
      .then([rung(1, 'owner'), rung(2, 'team_manager'), rung(3, 'head_of_wellbeing')]);
  });

  it('a timer on a closed activation records nothing; on none it finds nothing', () => {
    spec.given(history.closed()).when(escalate(1, '2026-04-20T09:00:00.000Z')).thenNothing();
    spec.given([]).when(escalate(1, DUE.traumaBrief)).thenThrows('TRIM.NOT_FOUND');
  });
});
