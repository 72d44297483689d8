import { DomainError } from '@casework/core/domain/domain-error';
import type { SurveillanceCommand } from './commands';
import type { SurveillanceEvent } from './events';
import {
  ACTOR,
  command,
  decider,
  ENROLMENT,
  history,
  idFrom,
  spec,
  T,
  waived,
  type CommandOf,
} from './testing/surveillance-fixtures';

const BASELINE = idFrom('EnrolInSurveillance', 'screening');
const OVERDUE_AT = '2026-03-16T17:00:00.000Z';

describe('leaving surveillance', () => {
  const leave = (reason: string) => command('LeaveSurveillance', { reason }, T.left);

  it('leaving waives the screening that was due', () => {
    spec
      .given(history.screened())
      .when(leave('Left the force'))
      .then([
        { type: 'SurveillanceLeft', data: { reason: 'Left the force', leftAt: T.left } },
        waived('RecordScreening', 'left surveillance: Left the force'),
      ]);
  });

  it('someone whose role needs no screening can leave too, with nothing to waive', () => {
    spec
      .given(history.notRequired())
      .when(leave('Retired'))
      .then([{ type: 'SurveillanceLeft', data: { reason: 'Retired', leftAt: T.left } }]);
  });

  it('leaving needs a reason', () => {
    spec.given(history.screened()).when(leave('')).thenThrows('SURVEILLANCE.FIELD_REQUIRED', 'reason');
  });
});

describe('waiving and escalating a screening deadline', () => {
  const waive = (reason: string) => command('WaiveDeadline', { kind: 'screening', reason }, T.screened);
  const escalate = (level: number, now: string) =>
    command('EscalateDeadline', { deadlineId: BASELINE, level }, now, `timer-${level}-${now}`);
  const rung = (level: number, notify: 'owner' | 'team_manager' | 'head_of_wellbeing'): SurveillanceEvent =>
    level === 1
      ? {
          type: 'DeadlineOverdue',
          data: { deadlineId: BASELINE, kind: 'screening', level: 1, notify, dueAt: OVERDUE_AT },
        }
      : {
          type: 'DeadlineEscalated',
          data: { deadlineId: BASELINE, kind: 'screening', level, notify, dueAt: OVERDUE_AT },
        };

  it('a due screening is waived with a reason, by whoever waived it', () => {
    spec
      .given(history.enrolled())
      .when(waive('Long-term sick leave'))
      .then([
        {
          type: 'DeadlineWaived',
          data: { deadlineId: BASELINE, kind: 'screening', reason: 'Long-term sick leave', waivedBy: ACTOR.userId },
        },
      ]);
    spec.given(history.enrolled()).when(waive(' ')).thenThrows('DEADLINE.REASON_REQUIRED', 'reason');
    spec.given(history.notRequired()).when(waive('Nothing due')).thenThrows('DEADLINE.NOT_OPEN', 'kind');
  });

  it('an overdue screening climbs owner → team manager → head of wellbeing, once each', () => {
    const given = history.enrolled();
    spec
      .given(given)
      .when(escalate(1, OVERDUE_AT))
      .then([rung(1, 'owner')]);
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(1, OVERDUE_AT))
      .thenNothing();
    spec
      .given([...given, rung(1, 'owner')])
      .when(escalate(2, '2026-03-23T17:00:00.000Z'))
      .then([rung(2, 'team_manager')]);
    spec
      .given(given)
      .when(escalate(3, '2026-04-01T09:00:00.000Z'))
      .then([rung(1, 'owner'), rung(2, 'team_manager'), rung(3, 'head_of_wellbeing')]);
  });

  it('a timer that fires before the end of the grace period records nothing', () => {
    spec.given(history.enrolled()).when(escalate(1, '2026-03-16T16:59:59.000Z')).thenNothing();
  });

  it('a timer that fires after the screening was done, or after the person left, records nothing without error', () => {
    spec.given(history.screened()).when(escalate(1, OVERDUE_AT)).thenNothing();
    spec
      .given(history.left())
      .when(
        command(
          'EscalateDeadline',
          { deadlineId: idFrom('RecordScreening', 'screening'), level: 1 },
          '2026-10-01T09:00:00.000Z',
        ),
      )
      .thenNothing();
  });
});

/** One well-formed command of every type, for rules that hold whatever the command. */
const ANY_COMMAND: { readonly [Type in SurveillanceCommand['type']]: CommandOf<Type> } = {
  EnrolInSurveillance: command('EnrolInSurveillance', { ...ENROLMENT, enrolledAt: new Date(T.enrolled) }, T.left),
  RecordScreening: command(
    'RecordScreening',
    { completedAt: new Date(T.left), provider: 'external', result: 'no_concerns' },
    T.left,
  ),
  ChangeRole: command('ChangeRole', { role: 'Firearms Officer', level: 2 }, T.left),
  LeaveSurveillance: command('LeaveSurveillance', { reason: 'Left the force' }, T.left),
  WaiveDeadline: command('WaiveDeadline', { kind: 'screening', reason: 'Agreed with the head of wellbeing' }, T.left),
  EscalateDeadline: command('EscalateDeadline', { deadlineId: BASELINE, level: 1 }, T.left),
};

describe('what each status refuses', () => {
  const all = Object.values(ANY_COMMAND) as SurveillanceCommand[];
  const except = (...types: SurveillanceCommand['type'][]) => all.filter((c) => !types.includes(c.type));

  it.each(except('EnrolInSurveillance').map((c) => [c.type, c] as const))(
    'someone never enrolled refuses %s as not found',
    (_type, cmd) => {
      spec.given([]).when(cmd).thenThrows('SURVEILLANCE.NOT_FOUND');
    },
  );

  it.each(except('EnrolInSurveillance', 'EscalateDeadline').map((c) => [c.type, c] as const))(
    'someone who left refuses %s until enrolled again',
    (_type, cmd) => {
      spec.given(history.left()).when(cmd).thenThrows('SURVEILLANCE.LEFT');
    },
  );

  it('tells the HTTP edge what kind of refusal each is: not found, conflict or invalid', () => {
    const refusal = (events: readonly SurveillanceEvent[], cmd: SurveillanceCommand) => {
      try {
        decider.decide(cmd, events.reduce(decider.evolve, decider.initialState));
      } catch (error) {
        if (error instanceof DomainError) return { code: error.code, kind: error.kind, field: error.field };
      }
      throw new Error('expected a DomainError');
    };
    expect(refusal([], ANY_COMMAND.ChangeRole)).toEqual({
      code: 'SURVEILLANCE.NOT_FOUND',
      kind: 'not_found',
      field: undefined,
    });
    expect(refusal(history.enrolled(), ANY_COMMAND.EnrolInSurveillance)).toEqual({
      code: 'SURVEILLANCE.ALREADY_ENROLLED',
      kind: 'conflict',
      field: undefined,
    });
    expect(
      refusal(history.enrolled({ level: 2 }), {
        ...ANY_COMMAND.RecordScreening,
        data: { ...ANY_COMMAND.RecordScreening.data, provider: 'internal' },
      }),
    ).toEqual({ code: 'SURVEILLANCE.PROVIDER_NOT_ALLOWED', kind: 'invalid', field: 'provider' });
  });
});
