import { DomainError } from '@casework/core/domain/domain-error';
import type { SupportTaskCommand } from './commands';
import {
  COORDINATOR,
  command,
  decider,
  FIRST_CONTACT_DEADLINE,
  history,
  OFFER_ID,
  RAISED,
  spec,
  T,
  type CommandOf,
} from './testing/support-task-fixtures';

const { raisedAt: _raisedAt, ...raised } = RAISED;

/** One well-formed command of every type, for rules that hold whatever the command. */
const ANY_COMMAND: { readonly [Type in SupportTaskCommand['type']]: CommandOf<Type> } = {
  RaiseSupportTask: command('RaiseSupportTask', raised, T.closed),
  AssignCoordinator: command('AssignCoordinator', { coordinatorId: 'u-other' }, T.closed),
  RecordContact: command('RecordContact', { method: 'telephone', reached: true, note: null }, T.closed),
  RecordSupportOffer: command('RecordSupportOffer', { offer: 'eap', note: null }, T.closed),
  RecordOfferResponse: command(
    'RecordOfferResponse',
    { offerId: OFFER_ID, response: 'declined', reason: null },
    T.closed,
  ),
  CloseSupportTask: command('CloseSupportTask', { outcome: 'other', note: 'Left the force' }, T.closed),
  WaiveDeadline: command(
    'WaiveDeadline',
    { kind: 'first-contact', reason: 'Agreed with the head of wellbeing' },
    T.closed,
  ),
  EscalateDeadline: command('EscalateDeadline', { deadlineId: FIRST_CONTACT_DEADLINE, level: 1 }, T.closed),
};

describe('what each lifecycle state refuses', () => {
  const all = Object.values(ANY_COMMAND) as SupportTaskCommand[];
  const except = (...types: SupportTaskCommand['type'][]) => all.filter((c) => !types.includes(c.type));

  it.each(except('RaiseSupportTask').map((c) => [c.type, c] as const))(
    'a task that does not exist refuses %s as not found',
    (_type, cmd) => {
      spec.given([]).when(cmd).thenThrows('SUPPORT_TASK.NOT_FOUND');
    },
  );

  it.each(except('RaiseSupportTask', 'EscalateDeadline').map((c) => [c.type, c] as const))(
    'a closed task refuses %s',
    (_type, cmd) => {
      spec.given(history.closed()).when(cmd).thenThrows('SUPPORT_TASK.CLOSED');
    },
  );

  it('tells the HTTP edge what kind of refusal each is: not found, conflict or invalid', () => {
    const refusal = (events: Parameters<typeof spec.given>[0], cmd: SupportTaskCommand) => {
      try {
        decider.decide(cmd, events.reduce(decider.evolve, decider.initialState));
      } catch (error) {
        if (error instanceof DomainError) return { code: error.code, kind: error.kind, field: error.field };
      }
      throw new Error('expected a DomainError');
    };
    expect(refusal([], ANY_COMMAND.AssignCoordinator)).toEqual({
      code: 'SUPPORT_TASK.NOT_FOUND',
      kind: 'not_found',
      field: undefined,
    });
    expect(refusal(history.closed(), ANY_COMMAND.RecordContact)).toEqual({
      code: 'SUPPORT_TASK.CLOSED',
      kind: 'conflict',
      field: undefined,
    });
    expect(
      refusal(history.assigned(), { ...ANY_COMMAND.AssignCoordinator, data: { coordinatorId: COORDINATOR } }),
    ).toEqual({ code: 'SUPPORT_TASK.SAME_COORDINATOR', kind: 'invalid', field: 'coordinatorId' });
  });
});
