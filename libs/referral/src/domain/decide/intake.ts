import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { RecordConsent, ReassignReferral, SubmitReferral, TriageReferral } from '../commands';
import { firstAppointmentDueAt, REFERRAL_DEADLINES, triageDueAt } from '../deadline-policy';
import { conflict, invalid } from '../errors';
import type { ReferralEvent } from '../events';
import type { ReferralState } from '../state';
import { scheduleReferralDeadline, type ReferralDeciderDeps } from './deadlines';
import { closeEvents } from './lifecycle';
import { notTriaged, optionalText, requireOpen, requireText } from './guards';

/** A new referral waits, unassigned, for triage within the force's triage deadline. */
export function submit(command: SubmitReferral, state: ReferralState, deps: ReferralDeciderDeps): ReferralEvent[] {
  if (state.status !== 'none') throw conflict('REFERRAL.ALREADY_EXISTS', 'This referral has already been submitted');
  const { data, now, actor, commandId } = command;
  for (const field of ['referralId', 'subjectId', 'subjectName', 'department', 'reason'] as const) {
    requireText(data[field], field);
  }
  return [
    {
      type: 'ReferralSubmitted',
      data: {
        referralId: data.referralId,
        subjectId: data.subjectId,
        subjectName: data.subjectName,
        employmentType: data.employmentType,
        department: data.department,
        role: optionalText(data.role),
        source: data.source,
        category: data.category,
        urgency: data.urgency,
        reason: data.reason,
        referredBy: optionalText(data.referredBy) ?? actor.userId,
        lineManagerId: optionalText(data.lineManagerId),
        linkedCaseId: optionalText(data.linkedCaseId),
        submittedAt: now.toISOString(),
      },
    },
    scheduleReferralDeadline(deps, {
      kind: REFERRAL_DEADLINES.triage,
      commandId,
      dueAt: triageDueAt(deps.policy, deps.calendar, data.urgency, now),
      ownerId: null,
    }),
  ];
}

/**
 * Triage sets a priority and an advisor, who then owns the first-appointment deadline.
 * That deadline runs from when the referral arrived, not from triage: a slow triage
 * must not buy the appointment more time.
 */
export function triage(command: TriageReferral, state: ReferralState, deps: ReferralDeciderDeps): ReferralEvent[] {
  const referral = requireOpen(state);
  if (referral.status !== 'awaiting_triage') {
    throw conflict('REFERRAL.ALREADY_TRIAGED', 'The referral has already been triaged; reassign it instead');
  }
  const { data, now, commandId } = command;
  const advisorId = requireText(data.advisorId, 'advisorId');
  return [
    { type: 'ReferralTriaged', data: { priority: data.priority, advisorId, triagedAt: now.toISOString() } },
    ...meetDeadline(referral.deadlines, REFERRAL_DEADLINES.triage, now),
    scheduleReferralDeadline(deps, {
      kind: REFERRAL_DEADLINES.firstAppointment,
      commandId,
      dueAt: firstAppointmentDueAt(deps.policy, deps.calendar, referral.urgency, new Date(referral.openedAt)),
      ownerId: advisorId,
    }),
  ];
}

/** Nothing happens without the subject's consent; a refusal ends the referral there. */
export function recordConsent(command: RecordConsent, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  if (referral.status === 'awaiting_triage') throw notTriaged();
  if (referral.status !== 'awaiting_consent') {
    throw conflict('REFERRAL.CONSENT_ALREADY_RECORDED', 'Consent to the referral has already been recorded');
  }
  const { consentGiven } = command.data;
  const recorded: ReferralEvent = {
    type: 'ReferralConsentRecorded',
    data: { consentGiven, recordedAt: command.now.toISOString() },
  };
  return consentGiven ? [recorded] : [recorded, ...closeEvents(referral, 'consent_refused', null, command)];
}

/**
 * Open deadlines keep the owner they were scheduled with: re-scheduling them would
 * restart their escalation ladder. Whoever tells "the owner" reads the current advisor.
 */
export function reassign(command: ReassignReferral, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  if (referral.status === 'awaiting_triage') throw notTriaged();
  const toAdvisorId = requireText(command.data.toAdvisorId, 'toAdvisorId');
  if (toAdvisorId === referral.advisorId) {
    throw invalid('REFERRAL.SAME_ADVISOR', `The referral is already assigned to ${toAdvisorId}`, 'toAdvisorId');
  }
  return [
    {
      type: 'ReferralReassigned',
      data: {
        fromAdvisorId: referral.advisorId,
        toAdvisorId,
        reason: optionalText(command.data.reason),
        reassignedAt: command.now.toISOString(),
      },
    },
  ];
}
