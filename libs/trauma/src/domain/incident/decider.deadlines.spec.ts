import type { IncidentEvent } from './events';
import { ACTOR, command, history, idFrom, spec, T } from './testing/incident-fixtures';

const DEFUSION = idFrom('RecordIncident', 'defusion');
const DUE = '2026-03-05T03:00:00.000Z';

describe('waiving a deadline', () => {
  const waive = (kind: string, reason: string) => command('WaiveDeadline', { kind, reason }, T.defused);

  it('an open deadline is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.demobilised())
      .when(waive('defusion', 'Peer defusers stood down for the major incident'))
      .then([
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: DEFUSION,
            kind: 'defusion',
            reason: 'Peer defusers stood down for the major incident',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a waiver needs a reason and an open deadline', () => {
    spec.given(history.demobilised()).when(waive('defusion', '')).thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec.given(history.demobilised()).when(waive('demobilisation', 'Late')).thenThrows('DEADLINE.NOT_OPEN', 'kind');
  });
});

describe('escalating an overdue deadline', () => {
  const escalate = (level: number, now: string, deadlineId = DEFUSION) =>
    command('EscalateDeadline', { deadlineId, level }, now, `timer-${level}-${now}`);
  const rung = (level: number, notify: 'owner' | 'team_manager' | 'head_of_wellbeing'): IncidentEvent =>
    level === 1
      ? {
          type: 'DeadlineOverdue',
          data: { deadlineId: DEFUSION, kind: 'defusion', level: 1, notify: 'owner', dueAt: DUE },
        }
      : { type: 'DeadlineEscalated', data: { deadlineId: DEFUSION, kind: 'defusion', level, notify, dueAt: DUE } };
  const overdue = rung(1, 'owner');
  const toTeamManager = rung(2, 'team_manager');
  const toHead = rung(3, 'head_of_wellbeing');

  it('escalation climbs owner → team manager → head of wellbeing and never repeats a rung', () => {
    const given = history.demobilised();
    spec.given(given).when(escalate(1, DUE)).then([overdue]);
    spec.given([...given, overdue]).when(escalate(1, '2026-03-05T03:05:00.000Z')).thenNothing();
    spec.given([...given, overdue]).when(escalate(2, '2026-03-06T03:00:00.000Z')).then([toTeamManager]);
    spec.given([...given, overdue, toTeamManager]).when(escalate(3, '2026-03-09T03:00:00.000Z')).then([toHead]);
    spec.given([...given, overdue, toTeamManager, toHead]).when(escalate(3, '2026-03-09T09:00:00.000Z')).thenNothing();
  });

  it('a timer that fires early records nothing; a late one records every rung it slept through', () => {
    spec.given(history.demobilised()).when(escalate(1, '2026-03-05T02:59:59.000Z')).thenNothing();
    spec
      .given(history.demobilised())
      .when(escalate(3, '2026-03-09T09:00:00.000Z'))
      .then([overdue, toTeamManager, toHead]);
  });

  it('a timer that fires after the stage was held, skipped or found not needed records nothing', () => {
    spec.given(history.defused()).when(escalate(1, DUE)).thenNothing();
    spec.given(history.demobilised({ defusionNeeded: false })).when(escalate(1, DUE)).thenNothing();
  });
});
