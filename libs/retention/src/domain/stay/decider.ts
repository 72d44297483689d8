import type { Decider } from '@casework/core/domain/decider';
import type { StayCommand } from './commands';
import type { StayDeciderDeps } from './decide/deadlines';
import { completeAction, recordFollowUp } from './decide/follow-up';
import { agreeActions, recordInterview } from './decide/interview';
import { cancel, decline, escalate, recordOutcome, waive } from './decide/lifecycle';
import { allocate, reassign, request } from './decide/request';
import type { StayEvent } from './events';
import { evolve, initialStayState, type StayState } from './state';

export type { StayDeciderDeps } from './decide/deadlines';

/**
 * One stay interview, from the request to whether the person stayed.
 *
 *   none ─RequestStayInterview→ awaiting_interviewer ─AllocateStayInterviewer→ awaiting_interview
 *   awaiting_interview ─RecordStayInterview→ awaiting_actions
 *   awaiting_actions ─AgreeStayActions→ awaiting_follow_up ─RecordStayFollowUp→ follow_up_held
 *   awaiting_actions|awaiting_follow_up|follow_up_held ─RecordStayOutcome(stayed|left)→ closed
 *   awaiting_interviewer|awaiting_interview ─DeclineStayInterview→ declined
 *   any open status ─CancelStayInterview→ cancelled (withdrawn)
 *   ReassignStayInterviewer works on any open interview with an interviewer, CompleteAction
 *   on any open one with agreed actions, WaiveDeadline on any open one, EscalateDeadline
 *   (a timer) on any.
 *
 * The interviewer is never the person's line manager, nor the person. Deadlines live in
 * the interview's own stream: the interview (10 working days from the request) is
 * scheduled on request, the follow-up when the actions are agreed. The force's policy sets
 * each limit, the theme taxonomy, and whom an overdue deadline escalates to.
 */
export function createStayDecider(deps: StayDeciderDeps): Decider<StayCommand, StayEvent, StayState> {
  return {
    initialState: initialStayState,
    evolve,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(command: StayCommand, state: StayState, deps: StayDeciderDeps): StayEvent[] {
  switch (command.type) {
    case 'RequestStayInterview':
      return request(command, state, deps);
    case 'AllocateStayInterviewer':
      return allocate(command, state);
    case 'ReassignStayInterviewer':
      return reassign(command, state);
    case 'RecordStayInterview':
      return recordInterview(command, state, deps);
    case 'AgreeStayActions':
      return agreeActions(command, state, deps);
    case 'CompleteAction':
      return completeAction(command, state);
    case 'RecordStayFollowUp':
      return recordFollowUp(command, state);
    case 'RecordStayOutcome':
      return recordOutcome(command, state);
    case 'DeclineStayInterview':
      return decline(command, state);
    case 'CancelStayInterview':
      return cancel(command, state);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown stay-interview command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
