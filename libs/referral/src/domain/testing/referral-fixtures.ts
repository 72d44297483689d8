import { deterministicId } from '@casework/core/ids';
import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { scheduleDeadline } from '@casework/timers/domain/deadline-ledger';
import type { ReferralCommand } from '../commands';
import { createReferralDecider } from '../decider';
import { DEFAULT_REFERRAL_POLICY, escalationLadder } from '../deadline-policy';
import type { ReferralEvent, ReferralSubmittedData } from '../events';
import type { Actor } from '../types';

/**
 * One referral's story on fixed dates, for given/when/then specs. March 2026 is all GMT
 * (British Summer Time starts on the 29th), so London times read the same as the UTC
 * ones written here. Mon 2 March is submission day.
 */
export const calendar = new LondonWorkingCalendar({ holidays: ['2026-04-03', '2026-04-06', '2026-05-04'] });
export const policy = DEFAULT_REFERRAL_POLICY;
export const decider = createReferralDecider({ policy, calendar });
export const spec = deciderSpec(decider);

export const REFERRAL_ID = 'ref-1';
export const ADVISOR = 'u-advisor';
export const ACTOR: Actor = { userId: 'u-oh-admin', role: 'oh_admin' };

export const T = {
  submitted: '2026-03-02T09:00:00.000Z',
  triaged: '2026-03-03T10:00:00.000Z',
  consented: '2026-03-03T11:00:00.000Z',
  offered: '2026-03-04T09:00:00.000Z',
  appointment: '2026-03-10T14:00:00.000Z',
  booked: '2026-03-04T09:30:00.000Z',
  attended: '2026-03-10T15:00:00.000Z',
  outcome: '2026-03-11T10:00:00.000Z',
  reportConsent: '2026-03-11T11:00:00.000Z',
  released: '2026-03-12T09:00:00.000Z',
  reviewScheduled: '2026-03-12T10:00:00.000Z',
  closed: '2026-03-13T10:00:00.000Z',
} as const;

export type CommandOf<Type extends ReferralCommand['type']> = Extract<ReferralCommand, { type: Type }>;

/** A command sent by the OH admin; its id defaults to `cmd-<type>`. */
export function command<Type extends ReferralCommand['type']>(
  type: Type,
  data: CommandOf<Type>['data'],
  now: string,
  commandId: string = `cmd-${type}`,
): CommandOf<Type> {
  return { type, data, now: new Date(now), commandId, actor: ACTOR } as CommandOf<Type>;
}

/** The id the decider derives for what the command with `cmd-<type>` created. */
export function idFrom(type: ReferralCommand['type'], what: string): string {
  return deterministicId(`cmd-${type}`, what);
}

export const APPOINTMENT_ID = idFrom('OfferAppointment', 'appointment');

export const SUBMISSION: ReferralSubmittedData = {
  referralId: REFERRAL_ID,
  subjectId: 'P-1234',
  subjectName: 'Alex Morgan',
  employmentType: 'police_officer',
  department: 'Response',
  role: 'Response Officer',
  source: 'management',
  category: 'mental_health',
  urgency: 'routine',
  reason: 'Low mood after a fatal collision',
  referredBy: 'u-manager',
  lineManagerId: 'u-manager',
  linkedCaseId: null,
  submittedAt: T.submitted,
};

/** A deadline as the decider schedules it, the ladder computed by the (separately tested) policy. */
export function scheduled(
  kind: string,
  by: ReferralCommand['type'],
  dueAt: string,
  ownerId: string | null,
): ReferralEvent {
  return scheduleDeadline({
    deadlineId: idFrom(by, kind),
    kind,
    dueAt: new Date(dueAt),
    ownerId,
    escalations: escalationLadder(policy, calendar, new Date(dueAt)),
  });
}

export function met(kind: string, by: ReferralCommand['type'], metAt: string, late = false): ReferralEvent {
  return { type: 'DeadlineMet', data: { deadlineId: idFrom(by, kind), kind, metAt, late } };
}

/** Routine due times on the story's dates. */
export const DUE = {
  triage: '2026-03-04T17:00:00.000Z',
  firstAppointment: '2026-03-16T17:00:00.000Z',
  outcomeReport: '2026-03-12T17:00:00.000Z',
} as const;

/** The events of a routine referral up to each status, each stage building on the last. */
export const history = {
  awaitingTriage: (overrides: Partial<ReferralSubmittedData> = {}): ReferralEvent[] => [
    { type: 'ReferralSubmitted', data: { ...SUBMISSION, ...overrides } },
    scheduled('triage', 'SubmitReferral', DUE.triage, null),
  ],
  awaitingConsent: (): ReferralEvent[] => [
    ...history.awaitingTriage(),
    { type: 'ReferralTriaged', data: { priority: 'medium', advisorId: ADVISOR, triagedAt: T.triaged } },
    met('triage', 'SubmitReferral', T.triaged),
    scheduled('first-appointment', 'TriageReferral', DUE.firstAppointment, ADVISOR),
  ],
  awaitingAppointment: (): ReferralEvent[] => [
    ...history.awaitingConsent(),
    { type: 'ReferralConsentRecorded', data: { consentGiven: true, recordedAt: T.consented } },
  ],
  appointmentOffered: (): ReferralEvent[] => [
    ...history.awaitingAppointment(),
    {
      type: 'ReferralAppointmentOffered',
      data: {
        appointmentId: APPOINTMENT_ID,
        scheduledFor: T.appointment,
        mode: 'video',
        clinicianId: 'u-clinician',
        offeredAt: T.offered,
      },
    },
    met('first-appointment', 'TriageReferral', T.offered),
  ],
  appointmentBooked: (): ReferralEvent[] => [
    ...history.appointmentOffered(),
    { type: 'ReferralAppointmentBooked', data: { appointmentId: APPOINTMENT_ID } },
  ],
  awaitingOutcome: (): ReferralEvent[] => [
    ...history.appointmentBooked(),
    { type: 'ReferralAppointmentAttended', data: { appointmentId: APPOINTMENT_ID, attendedAt: T.attended } },
    scheduled('outcome-report', 'RecordAttendance', DUE.outcomeReport, ADVISOR),
  ],
  reportConsentPending: (): ReferralEvent[] => [
    ...history.awaitingOutcome(),
    {
      type: 'ReferralOutcomeRecorded',
      data: {
        appointmentId: APPOINTMENT_ID,
        fitness: 'fit_with_adjustments',
        limitedDuties: 'adjusted',
        recommendations: ['reasonable_adjustments', 'counselling'],
        smpQuestions: null,
        clinicalNotes: 'Sleeping poorly since the collision; flashbacks on night shifts.',
        recordedAt: T.outcome,
      },
    },
    met('outcome-report', 'RecordAttendance', T.outcome),
  ],
  reportReady: (): ReferralEvent[] => [
    ...history.reportConsentPending(),
    { type: 'ReferralReportConsentRecorded', data: { consentGiven: true, recordedAt: T.reportConsent } },
  ],
  reportWithheld: (): ReferralEvent[] => [
    ...history.reportConsentPending(),
    { type: 'ReferralReportConsentRecorded', data: { consentGiven: false, recordedAt: T.reportConsent } },
  ],
  reportReleased: (): ReferralEvent[] => [
    ...history.reportReady(),
    { type: 'ReferralReportReleased', data: { releasedTo: 'u-manager', releasedAt: T.released } },
  ],
  underReview: (): ReferralEvent[] => [
    ...history.reportReleased(),
    { type: 'ReferralReviewScheduled', data: { reviewDate: '2026-09-01', scheduledAt: T.reviewScheduled } },
  ],
  closed: (): ReferralEvent[] => [
    ...history.reportReleased(),
    { type: 'ReferralClosed', data: { reason: 'completed', note: null, closedAt: T.closed } },
  ],
  cancelled: (): ReferralEvent[] => [
    ...history.awaitingConsent(),
    { type: 'ReferralCancelled', data: { reason: 'Duplicate of ref-0', cancelledAt: T.closed } },
    {
      type: 'DeadlineWaived',
      data: {
        deadlineId: idFrom('TriageReferral', 'first-appointment'),
        kind: 'first-appointment',
        reason: 'cancelled: Duplicate of ref-0',
        waivedBy: ACTOR.userId,
      },
    },
  ],
};
