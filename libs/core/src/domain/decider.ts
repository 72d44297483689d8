/**
 * A decider is the whole behaviour of one kind of stream, as three pure parts:
 * `decide(command, state) → events` (or throws a DomainError), `evolve(state, event) → state`,
 * and `initialState`. Time and ids arrive inside the command.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

/** Domain events as stored: a stable, explicit type name and a plain-data payload. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
