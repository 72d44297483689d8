import type { Decider } from '@casework/core/domain/decider';
import type { ReferralCommand } from './commands';
import { book, offer, recordAttendance } from './decide/appointments';
import type { ReferralDeciderDeps } from './decide/deadlines';
import { reassign, recordConsent, submit, triage } from './decide/intake';
import { cancel, close, escalate, reopen, waive } from './decide/lifecycle';
import { recordOutcome } from './decide/outcome';
import { recordReportConsent, releaseReport, scheduleReview } from './decide/report';
import type { ReferralEvent } from './events';
import { evolve, initialReferralState, type ReferralState } from './state';

export type { ReferralDeciderDeps } from './decide/deadlines';

/**
 * An occupational health referral, from submission to closure.
 *
 *   none ─Submit→ awaiting_triage ─Triage→ awaiting_consent ─RecordConsent(yes)→ awaiting_appointment
 *   awaiting_appointment ─OfferAppointment→ appointment_offered ─BookAppointment→ appointment_booked
 *   appointment_offered|booked ─RecordAttendance(attended)→ awaiting_outcome
 *                              ─RecordAttendance(missed)→ awaiting_appointment, or closed at the DNA limit
 *   awaiting_outcome ─RecordOutcome→ report_consent_pending ─RecordReportConsent→ report_ready | report_withheld
 *   report_ready ─ReleaseReport→ report_released
 *   report_released|report_withheld|under_review ─ScheduleReview→ under_review
 *   any open status ─CloseReferral→ closed ─ReopenReferral→ awaiting_triage
 *   any open status ─CancelReferral→ cancelled (final)
 *   RecordConsent(no) closes at once. ReassignReferral works on any open referral after
 *   triage, WaiveDeadline on any open one, EscalateDeadline (a timer) on any that exists.
 *
 * Each stage that has a time limit schedules a deadline in the case's own stream (triage,
 * first-appointment, outcome-report) and meets it when the stage is done; the force's
 * policy sets how long each may take and whom an overdue one escalates to.
 */
export function createReferralDecider(
  deps: ReferralDeciderDeps,
): Decider<ReferralCommand, ReferralEvent, ReferralState> {
  return {
    initialState: initialReferralState,
    evolve,
    decide: (command, state) => decide(command, state, deps),
  };
}

function decide(command: ReferralCommand, state: ReferralState, deps: ReferralDeciderDeps): ReferralEvent[] {
  switch (command.type) {
    case 'SubmitReferral':
      return submit(command, state, deps);
    case 'TriageReferral':
      return triage(command, state, deps);
    case 'RecordConsent':
      return recordConsent(command, state);
    case 'OfferAppointment':
      return offer(command, state);
    case 'BookAppointment':
      return book(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state, deps);
    case 'RecordOutcome':
      return recordOutcome(command, state);
    case 'RecordReportConsent':
      return recordReportConsent(command, state);
    case 'ReleaseReport':
      return releaseReport(command, state);
    case 'ScheduleReview':
      return scheduleReview(command, state, deps);
    case 'CloseReferral':
      return close(command, state);
    case 'ReopenReferral':
      return reopen(command, state, deps);
    case 'ReassignReferral':
      return reassign(command, state);
    case 'CancelReferral':
      return cancel(command, state);
    case 'WaiveDeadline':
      return waive(command, state);
    case 'EscalateDeadline':
      return escalate(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`Unknown referral command ${JSON.stringify((exhaustive as { type?: unknown }).type)}`);
    }
  }
}
