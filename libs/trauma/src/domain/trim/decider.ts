import type { Decider } from '@casework/core/domain/decider';
import type { TrimCommand } from './commands';
import { activate, allocate, reallocate, recordBrief } from './decide/activation';
import { recordAssessment } from './decide/assessment';
import type { TrimDeciderDeps } from './decide/deadlines';
import { close, decline, escalate, waive } from './decide/lifecycle';
import { recordReferralOpened } from './decide/referral';
import type { TrimEvent } from './events';
import { evolve, initialTrimState, type TrimState } from './state';

export type { TrimDeciderDeps } from './decide/deadlines';

/**
 * One person's TRiM activation, from activation to closure.
 *
 *   none ─ActivateTrim→ awaiting_practitioner ─AllocatePractitioner→ awaiting_initial_assessment
 *   awaiting_initial_assessment ─RecordRiskAssessment(initial)→ awaiting_follow_up
 *   awaiting_follow_up ─RecordRiskAssessment(follow_up)→ awaiting_closure, or
 *                      referral_requested when the score is at or above the threshold
 *                      or the practitioner asks (TrimReferralRequested, in the same decision)
 *   referral_requested ─RecordReferralOpened→ referred
 *   awaiting_closure ─CloseTrim(no_further_action)→ closed
 *   referral_requested|referred ─CloseTrim(referred_to_oh | referred_to_clinical_care)→ closed
 *   any open status ─DeclineTrim→ declined (final; the person's decision stands)
 *   RecordTraumaInterventionBrief and ReallocatePractitioner work on any open activation
 *   with a practitioner, WaiveDeadline on any open one, EscalateDeadline (a timer) on any.
 *
 * Deadlines live in the activation's own stream: the trauma brief (24 h from activation)
 * and the initial assessment (from the incident) are scheduled on activation, the
 * follow-up when the initial assessment is recorded. The force's policy sets each limit,
 * the risk threshold, and whom an overdue deadline escalates to.
 */
export function createTrimDecider(deps: TrimDeciderDeps): Decider<TrimCommand, TrimEvent, TrimState> {
  return {
    initialState: initialTrimState,
    evolve,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(command: TrimCommand, state: TrimState, deps: TrimDeciderDeps): TrimEvent[] {
  switch (command.type) {
    case 'ActivateTrim':
      return activate(command, state, deps);
    case 'AllocatePractitioner':
      return allocate(command, state);
    case 'ReallocatePractitioner':
      return reallocate(command, state);
    case 'RecordTraumaInterventionBrief':
      return recordBrief(command, state);
    case 'RecordRiskAssessment':
      return recordAssessment(command, state, deps);
    case 'RecordReferralOpened':
      return recordReferralOpened(command, state);
    case 'CloseTrim':
      return close(command, state);
    case 'DeclineTrim':
      return decline(command, state);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown TRiM command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
