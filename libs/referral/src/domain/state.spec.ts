import { fold } from '@casework/core/domain/decider';
import type { ReferralEvent } from './events';
import { evolve, initialReferralState, type ReferralState } from './state';
import { ADVISOR, APPOINTMENT_ID, history, T } from './testing/referral-fixtures';

const replay = (events: readonly ReferralEvent[]): ReferralState =>
  fold({ evolve, initialState: initialReferralState }, events);

describe('referral state', () => {
  it.each([
    ['awaiting_triage', history.awaitingTriage()],
    ['awaiting_consent', history.awaitingConsent()],
    ['awaiting_appointment', history.awaitingAppointment()],
    ['appointment_offered', history.appointmentOffered()],
    ['appointment_booked', history.appointmentBooked()],
    ['awaiting_outcome', history.awaitingOutcome()],
    ['report_consent_pending', history.reportConsentPending()],
    ['report_ready', history.reportReady()],
    ['report_withheld', history.reportWithheld()],
    ['report_released', history.reportReleased()],
    ['under_review', history.underReview()],
    ['closed', history.closed()],
    ['cancelled', history.cancelled()],
  ] as const)('the story up to %s folds to that status', (status, events) => {
    expect(replay(events).status).toBe(status);
  });

  it('carries the case facts, the appointments and the open deadlines', () => {
    expect(replay(history.awaitingOutcome())).toEqual({
      status: 'awaiting_outcome',
      referralId: 'ref-1',
      subject: { subjectId: 'P-1234', subjectName: 'Alex Morgan', role: 'Response Officer' },
      employmentType: 'police_officer',
      department: 'Response',
      category: 'mental_health',
      urgency: 'routine',
      source: 'management',
      advisorId: ADVISOR,
      priority: 'medium',
      submittedAt: T.submitted,
      openedAt: T.submitted,
      dnaCount: 0,
      appointments: [
        {
          appointmentId: APPOINTMENT_ID,
          scheduledFor: T.appointment,
          mode: 'video',
          clinicianId: 'u-clinician',
          status: 'attended',
        },
      ],
      outcome: null,
      reviewDate: null,
      deadlines: { 'outcome-report': expect.objectContaining({ kind: 'outcome-report', ownerId: ADVISOR, level: 0 }) },
    });
  });

  it('keeps the outcome without its clinical notes', () => {
    const state = replay(history.reportConsentPending());
    expect(state.status !== 'none' && state.outcome).toEqual({
      appointmentId: APPOINTMENT_ID,
      fitness: 'fit_with_adjustments',
      limitedDuties: 'adjusted',
      recommendations: ['reasonable_adjustments', 'counselling'],
      smpQuestions: null,
      recordedAt: T.outcome,
    });
  });

  it('a closed referral records why; reopening clears that and the missed-appointment count', () => {
    const closed = replay(history.closed());
    expect(closed.status === 'closed' && closed.closure).toEqual({
      reason: 'completed',
      note: null,
      closedAt: T.closed,
    });
    const reopened = replay([
      ...history.closed(),
      { type: 'ReferralReopened', data: { reason: 'Symptoms returned', reopenedAt: '2026-04-01T10:00:00.000Z' } },
    ]);
    expect(reopened).not.toHaveProperty('closure');
    expect(reopened).toMatchObject({ status: 'awaiting_triage', openedAt: '2026-04-01T10:00:00.000Z', dnaCount: 0 });
  });

  it('nothing but a submission applies to a referral that does not exist', () => {
    expect(replay([{ type: 'ReferralReportReleased', data: { releasedTo: 'u-1', releasedAt: T.released } }])).toEqual({
      status: 'none',
    });
  });
});
