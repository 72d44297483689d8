import type { ReferralEvent } from './events';
import { describeReferralEvent, type TimelineEntry } from './timeline';
import { history, SUBMISSION } from './testing/referral-fixtures';

const DUE = '2026-03-03T17:00:00.000Z';
const deadline = { deadlineId: 'd-1', kind: 'triage' };

const cases: readonly (readonly [string, ReferralEvent, TimelineEntry])[] = [
  [
    'a submission',
    { type: 'ReferralSubmitted', data: { ...SUBMISSION, urgency: 'urgent', source: 'trim' } },
    {
      title: 'Urgent mental health referral submitted (from TRiM)',
      detail: 'Alex Morgan, police officer, Response; referred by u-manager',
    },
  ],
  [
    'a triage',
    { type: 'ReferralTriaged', data: { priority: 'high', advisorId: 'u-123', triagedAt: DUE } },
    { title: 'Triaged as high priority and assigned to advisor u-123', detail: null },
  ],
  [
    'a consent',
    { type: 'ReferralConsentRecorded', data: { consentGiven: true, recordedAt: DUE } },
    { title: 'Consent to the referral given', detail: null },
  ],
  [
    'a refusal',
    { type: 'ReferralConsentRecorded', data: { consentGiven: false, recordedAt: DUE } },
    { title: 'Consent to the referral refused', detail: null },
  ],
  [
    'an offer, on London clocks in summer',
    {
      type: 'ReferralAppointmentOffered',
      data: {
        appointmentId: 'a-1',
        scheduledFor: '2026-06-10T13:30:00.000Z',
        mode: 'in_person',
        clinicianId: 'u-doc',
        offeredAt: DUE,
      },
    },
    { title: 'In person appointment offered for 10 Jun 2026 14:30', detail: 'With clinician u-doc' },
  ],
  [
    'a booking',
    { type: 'ReferralAppointmentBooked', data: { appointmentId: 'a-1' } },
    { title: 'Appointment booked', detail: null },
  ],
  [
    'an attendance',
    { type: 'ReferralAppointmentAttended', data: { appointmentId: 'a-1', attendedAt: DUE } },
    { title: 'Appointment attended', detail: null },
  ],
  [
    'a missed appointment',
    { type: 'ReferralAppointmentMissed', data: { appointmentId: 'a-1', missedCount: 1, recordedAt: DUE } },
    { title: 'Did not attend the appointment', detail: '1 missed appointment so far' },
  ],
  [
    'an outcome',
    {
      type: 'ReferralOutcomeRecorded',
      data: {
        appointmentId: 'a-1',
        fitness: 'fit_with_adjustments',
        limitedDuties: 'adjusted',
        recommendations: ['reasonable_adjustments', 'smp_referral'],
        smpQuestions: null,
        clinicalNotes: 'Disclosed a diagnosis of PTSD.',
        recordedAt: DUE,
      },
    },
    {
      title: 'Outcome recorded: fit with adjustments (adjusted duties)',
      detail: 'Recommended: reasonable adjustments, referral to a Selected Medical Practitioner',
    },
  ],
  [
    'report consent withheld',
    { type: 'ReferralReportConsentRecorded', data: { consentGiven: false, recordedAt: DUE } },
    { title: 'Consent to release the report withheld', detail: null },
  ],
  [
    'a release',
    { type: 'ReferralReportReleased', data: { releasedTo: 'u-manager', releasedAt: DUE } },
    { title: 'Report released to u-manager', detail: null },
  ],
  [
    'a review',
    { type: 'ReferralReviewScheduled', data: { reviewDate: '2026-09-01', scheduledAt: DUE } },
    { title: 'Review scheduled for 1 Sep 2026', detail: null },
  ],
  [
    'a closure',
    { type: 'ReferralClosed', data: { reason: 'did_not_attend', note: null, closedAt: DUE } },
    { title: 'Referral closed: did not attend', detail: null },
  ],
  [
    'a reopening',
    { type: 'ReferralReopened', data: { reason: 'Symptoms returned', reopenedAt: DUE } },
    { title: 'Referral reopened', detail: 'Symptoms returned' },
  ],
  [
    'a reassignment',
    { type: 'ReferralReassigned', data: { fromAdvisorId: 'u-1', toAdvisorId: 'u-2', reason: null, reassignedAt: DUE } },
    { title: 'Reassigned from advisor u-1 to advisor u-2', detail: null },
  ],
  [
    'a cancellation',
    { type: 'ReferralCancelled', data: { reason: 'Duplicate', cancelledAt: DUE } },
    { title: 'Referral cancelled', detail: 'Duplicate' },
  ],
  [
    'a scheduled deadline',
    {
      type: 'DeadlineScheduled',
      data: { ...deadline, kind: 'first-appointment', dueAt: DUE, ownerId: null, ladder: [] },
    },
    { title: 'First appointment due by 3 Mar 2026 17:00', detail: 'Unassigned' },
  ],
  [
    'a deadline met late',
    { type: 'DeadlineMet', data: { ...deadline, metAt: DUE, late: true } },
    { title: 'Triage deadline met late', detail: null },
  ],
  [
    'a waiver',
    { type: 'DeadlineWaived', data: { ...deadline, reason: 'cancelled: Duplicate', waivedBy: 'u-9' } },
    { title: 'Triage deadline waived by u-9', detail: 'cancelled: Duplicate' },
  ],
  [
    'an overdue deadline',
    { type: 'DeadlineOverdue', data: { ...deadline, level: 1, notify: 'owner', dueAt: DUE } },
    { title: 'Triage deadline overdue (was due 3 Mar 2026 17:00)', detail: null },
  ],
  [
    'an escalation',
    {
      type: 'DeadlineEscalated',
      data: { ...deadline, kind: 'outcome-report', level: 3, notify: 'head_of_wellbeing', dueAt: DUE },
    },
    { title: 'Outcome report deadline escalated to the head of wellbeing', detail: 'Was due 3 Mar 2026 17:00' },
  ],
];

describe('the referral timeline', () => {
  it.each(cases)('describes %s', (_label, event, expected) => {
    expect(describeReferralEvent(event)).toEqual(expected);
  });

  it('never shows clinical notes, whatever the story', () => {
    const lines = history.reportReleased().map((event) => JSON.stringify(describeReferralEvent(event)));
    expect(lines.join('\n')).not.toContain('flashbacks');
  });
});
