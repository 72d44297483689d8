import { expect } from '@jest/globals';
import { fold, type Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Behaviour tests for a decider, read as a sentence:
 *
 *   spec.given([ReferralSubmitted…]).when(TriageReferral…).then([ReferralTriaged…])
 *   spec.given([]).when(TriageReferral…).thenThrows('REFERRAL.NOT_FOUND')
 *
 * `given` are past events (folded with the decider's own `evolve`), `when` one command,
 * `then` the exact events decided, in order.
 */
export interface DeciderSpec<Command, Event, State> {
  given(events: readonly Event[]): {
    when(command: Command): DeciderExpectations<Event, State>;
  };
}

export interface DeciderExpectations<Event, State> {
  /** Exactly these events, in this order (deep equality). */
  then(expected: readonly Event[]): void;
  /** Nothing to record: an accepted command that changes nothing. */
  thenNothing(): void;
  /** A DomainError with exactly this code (and this field, when given). */
  thenThrows(code: string, field?: string): void;
  /** The state after the decided events: a predicate, or a (deep) partial object it must match. */
  thenState(expected: ((state: State) => boolean) | DeepPartial<State>): void;
}

/** What `toMatchObject` accepts: any subset of an object's keys, at any depth; arrays whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export function deciderSpec<Command, Event, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event, State> {
  return {
    given: (events) => ({
      when: (command) => {
        const before = (): State => fold(decider, events);
        const decided = (): readonly Event[] => decider.decide(command, before());
        return {
          then: (expected) => {
            expect(decided()).toEqual(expected);
          },
          thenNothing: () => {
            expect(decided()).toEqual([]);
          },
          thenThrows: (code, field) => {
            const error = thrownBy(decided);
            expect(error).toBeInstanceOf(DomainError);
            const { code: actualCode, field: actualField } = error as DomainError;
            if (field === undefined) expect({ code: actualCode }).toEqual({ code });
            else expect({ code: actualCode, field: actualField }).toEqual({ code, field });
          },
          thenState: (expected) => {
            const state = decided().reduce(decider.evolve, before());
            if (isPredicate(expected)) expect(expected(state)).toBe(true);
            else expect(state).toMatchObject(expected as Record<string, unknown>);
          },
        };
      },
    }),
  };
}

function thrownBy(run: () => unknown): unknown {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    return error;
  }
  throw new Error(`Expected a DomainError, but the decider returned ${JSON.stringify(result, null, 2)}`);
}

function isPredicate<State>(
  expected: ((state: State) => boolean) | DeepPartial<State>,
): expected is (state: State) => boolean {
  return typeof expected === 'function';
}
