import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { deciderSpec } from './decider-spec';

type Command = { type: 'Add'; amount: number };
type Event = { type: 'Added'; data: { amount: number } };
type State = { total: number };

/** A counter that refuses to go above 10: the smallest decider worth testing. */
const counter: Decider<Command, Event, State> = {
  initialState: { total: 0 },
  evolve: (state, event) => ({ total: state.total + event.data.amount }),
  decide: (command, state) => {
    if (command.amount < 0)
      throw new DomainError('COUNTER.NEGATIVE', 'Amounts cannot be negative', 'invalid', 'amount');
    if (state.total + command.amount > 10) throw new DomainError('COUNTER.FULL', 'The counter is full');
    return command.amount === 0 ? [] : [{ type: 'Added', data: { amount: command.amount } }];
  },
};

const spec = deciderSpec(counter);
const added = (amount: number): Event => ({ type: 'Added', data: { amount } });

describe('deciderSpec', () => {
  it('passes when the decided events are exactly the expected ones', () => {
    spec
      .given([added(2)])
      .when({ type: 'Add', amount: 3 })
      .then([added(3)]);
  });

  it('fails when the decided events differ', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'Add', amount: 3 })
        .then([added(4)]),
    ).toThrow();
  });

  it('passes thenNothing only when nothing is decided', () => {
    spec.given([]).when({ type: 'Add', amount: 0 }).thenNothing();
    expect(() => spec.given([]).when({ type: 'Add', amount: 1 }).thenNothing()).toThrow();
  });

  it('folds the given events before deciding', () => {
    spec
      .given([added(9)])
      .when({ type: 'Add', amount: 2 })
      .thenThrows('COUNTER.FULL');
  });

  it('checks the field of a DomainError when one is given', () => {
    spec.given([]).when({ type: 'Add', amount: -1 }).thenThrows('COUNTER.NEGATIVE', 'amount');
    expect(() => spec.given([]).when({ type: 'Add', amount: -1 }).thenThrows('COUNTER.NEGATIVE', 'total')).toThrow();
  });

  it('fails thenThrows when the code differs or nothing is thrown', () => {
    expect(() =>
      spec
        .given([added(9)])
        .when({ type: 'Add', amount: 2 })
        .thenThrows('COUNTER.OTHER'),
    ).toThrow();
    expect(() => spec.given([]).when({ type: 'Add', amount: 1 }).thenThrows('COUNTER.FULL')).toThrow(
      /Expected a DomainError, but the decider returned/,
    );
  });

  it('fails thenThrows when the error is not a DomainError', () => {
    const broken = deciderSpec<Command, Event, State>({
      ...counter,
      decide: () => {
        throw new TypeError('bug');
      },
    });
    expect(() => broken.given([]).when({ type: 'Add', amount: 1 }).thenThrows('COUNTER.FULL')).toThrow();
  });

  it('checks the state after the decided events, by partial object or predicate', () => {
    spec
      .given([added(1)])
      .when({ type: 'Add', amount: 2 })
      .thenState({ total: 3 });
    spec
      .given([added(1)])
      .when({ type: 'Add', amount: 2 })
      .thenState((s) => s.total === 3);
    expect(() => spec.given([]).when({ type: 'Add', amount: 2 }).thenState({ total: 5 })).toThrow();
  });
});
