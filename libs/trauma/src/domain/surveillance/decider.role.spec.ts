import type { ChangeRole } from './commands';
import type { SurveillanceEvent } from './events';
import { command, due, DUE, history, idFrom, spec, T, waived } from './testing/surveillance-fixtures';

const change = (role: string, level: ChangeRole['data']['level']) =>
  command('ChangeRole', { role, level }, T.roleChanged);

const changed = (
  fromRole: string,
  toRole: string,
  fromLevel: ChangeRole['data']['level'],
  toLevel: ChangeRole['data']['level'],
): SurveillanceEvent => ({
  type: 'SurveillanceRoleChanged',
  data: { fromRole, toRole, fromLevel, toLevel, changedAt: T.roleChanged },
});

describe('changing role', () => {
  it('a new role at the same level changes no dates', () => {
    spec
      .given(history.screened())
      .when(change('Covert Online Investigator', 1))
      .then([changed('Digital Media Investigator', 'Covert Online Investigator', 1, 1)]);
  });

  it('moving into a riskier level never screened brings the baseline forward: the old deadline is waived', () => {
    const callHandler = history.enrolled({ level: 3, role: 'Call Handler' });
    spec
      .given(callHandler)
      .when(change('Digital Media Investigator', 1))
      .then([
        changed('Call Handler', 'Digital Media Investigator', 3, 1),
        waived('EnrolInSurveillance', 'role changed'),
        ...due('ChangeRole', 1, T.roleChanged, 'role_changed', T.roleChanged),
      ]);
  });

  it('moving from a yearly to a six-monthly level counts six months from the last screening, if that is sooner', () => {
    const screenedAtLevel2: SurveillanceEvent[] = [
      ...history.enrolled({ level: 2 }),
      {
        type: 'SurveillanceScreeningCompleted',
        data: {
          screeningId: 's-1',
          level: 2,
          provider: 'external',
          result: 'no_concerns',
          completedAt: T.screened,
          recordedAt: T.recorded,
        },
      },
      ...due('RecordScreening', 2, '2027-03-10T10:00:00.000Z', 'screening_completed', T.recorded),
    ];
    spec
      .given(screenedAtLevel2)
      .when(change('Digital Media Investigator', 1))
      .then([
        changed('Digital Media Investigator', 'Digital Media Investigator', 2, 1),
        waived('RecordScreening', 'role changed'),
        ...due('ChangeRole', 1, DUE.afterScreening, 'role_changed', T.roleChanged),
      ]);
  });

  it('moving to a less frequent level keeps the screening already due, and its deadline', () => {
    spec
      .given(history.screened())
      .when(change('Call Handler', 3))
      .then([changed('Digital Media Investigator', 'Call Handler', 1, 3)]);
    spec
      .given(history.screened())
      .when(change('Call Handler', 3))
      .thenState({
        status: 'enrolled',
        level: 3,
        nextScreening: { level: 1, dueAt: DUE.afterScreening },
        deadlines: { screening: { deadlineId: idFrom('RecordScreening', 'screening') } },
      });
  });

  it('an overdue screening stays overdue, its escalation intact, when the new level would allow more time', () => {
    const overdue: SurveillanceEvent = {
      type: 'DeadlineOverdue',
      data: {
        deadlineId: idFrom('EnrolInSurveillance', 'screening'),
        kind: 'screening',
        level: 1,
        notify: 'owner',
        dueAt: '2026-03-16T17:00:00.000Z',
      },
    };
    spec
      .given([...history.enrolled(), overdue])
      .when(change('Call Handler', 3))
      .thenState({ deadlines: { screening: { level: 1, dueAt: '2026-03-16T17:00:00.000Z' } } });
  });

  it('a role that needs no surveillance waives what was due; the person stays on the register', () => {
    spec
      .given(history.screened())
      .when(change('Neighbourhood Officer', null))
      .then([
        changed('Digital Media Investigator', 'Neighbourhood Officer', 1, null),
        waived('RecordScreening', 'role changed'),
      ]);
    spec
      .given(history.screened())
      .when(change('Neighbourhood Officer', null))
      .thenState({ status: 'not_required', level: null, nextScreening: null });
    spec
      .given(history.screened())
      .when(change('Neighbourhood Officer', null))
      .thenState((state) => state.status === 'not_required' && Object.keys(state.deadlines).length === 0);
  });

  it('returning to a screened role schedules from the last screening', () => {
    spec
      .given(history.notRequired())
      .when(change('Firearms Officer', 2))
      .then([
        changed('Neighbourhood Officer', 'Firearms Officer', null, 2),
        ...due('ChangeRole', 2, '2027-03-10T10:00:00.000Z', 'role_changed', T.roleChanged),
      ]);
  });

  it('a change must change something, and name the role', () => {
    spec
      .given(history.screened())
      .when(change('Digital Media Investigator', 1))
      .thenThrows('SURVEILLANCE.NO_CHANGE', 'role');
    spec.given(history.screened()).when(change(' ', 2)).thenThrows('SURVEILLANCE.FIELD_REQUIRED', 'role');
  });
});
