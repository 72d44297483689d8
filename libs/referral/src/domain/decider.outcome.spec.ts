import type { RecordOutcome } from './commands';
import type { ReferralEvent } from './events';
import { APPOINTMENT_ID, command, history, idFrom, spec, T } from './testing/referral-fixtures';

const outcome = (overrides: Partial<RecordOutcome['data']> = {}): RecordOutcome =>
  command(
    'RecordOutcome',
    {
      appointmentId: APPOINTMENT_ID,
      fitness: 'restricted_duties',
      limitedDuties: 'recuperative',
      recommendations: ['psychological_therapy', 'phased_return'],
      smpQuestions: null,
      clinicalNotes: 'Nightmares; avoids driving.',
      ...overrides,
    },
    T.outcome,
  );

/** The same story for a member of police staff, who is never referred to an SMP. */
const asStaff = (events: ReferralEvent[]): ReferralEvent[] =>
  events.map((e) =>
    e.type === 'ReferralSubmitted' ? { ...e, data: { ...e.data, employmentType: 'police_staff' } } : e,
  );

const SMP_ANSWERS = {
  unfitForOrdinaryDuties: true,
  permanentlyUnfitForOrdinaryDuties: true,
  unfitForRegularEmployment: false,
  permanentlyUnfitForRegularEmployment: false,
};

describe('recording the outcome', () => {
  it('the outcome meets the outcome-report deadline and waits for consent to release the report', () => {
    spec
      .given(history.awaitingOutcome())
      .when(outcome())
      .then([
        {
          type: 'ReferralOutcomeRecorded',
          data: {
            appointmentId: APPOINTMENT_ID,
            fitness: 'restricted_duties',
            limitedDuties: 'recuperative',
            recommendations: ['psychological_therapy', 'phased_return'],
            smpQuestions: null,
            clinicalNotes: 'Nightmares; avoids driving.',
            recordedAt: T.outcome,
          },
        },
        {
          type: 'DeadlineMet',
          data: {
            deadlineId: idFrom('RecordAttendance', 'outcome-report'),
            kind: 'outcome-report',
            metAt: T.outcome,
            late: false,
          },
        },
      ]);
  });

  it('clinical notes stay in the event and never reach the decision state', () => {
    spec
      .given(history.awaitingOutcome())
      .when(outcome())
      .thenState((state) => state.status === 'report_consent_pending' && !JSON.stringify(state).includes('Nightmares'));
  });

  it('an officer recommended for ill-health retirement carries the SMP answers', () => {
    const smp = outcome({
      fitness: 'unfit',
      limitedDuties: null,
      recommendations: ['smp_referral'],
      smpQuestions: SMP_ANSWERS,
      clinicalNotes: '',
    });
    spec
      .given(history.awaitingOutcome())
      .when(smp)
      .thenState({ outcome: { recommendations: ['smp_referral'], smpQuestions: SMP_ANSWERS } });
  });

  it('an outcome cannot be recorded before an attended appointment', () => {
    spec.given(history.appointmentBooked()).when(outcome()).thenThrows('REFERRAL.NO_ATTENDED_APPOINTMENT');
    spec.given(history.awaitingConsent()).when(outcome()).thenThrows('REFERRAL.NO_ATTENDED_APPOINTMENT');
  });

  it('the outcome is recorded once', () => {
    spec.given(history.reportConsentPending()).when(outcome()).thenThrows('REFERRAL.OUTCOME_ALREADY_RECORDED');
  });

  it('the outcome is for the attended appointment', () => {
    spec
      .given(history.awaitingOutcome())
      .when(outcome({ appointmentId: 'appt-other' }))
      .thenThrows('REFERRAL.UNKNOWN_APPOINTMENT', 'appointmentId');
  });

  it.each([
    [
      'restricted duties say which limited duties',
      { fitness: 'restricted_duties', limitedDuties: null },
      'REFERRAL.LIMITED_DUTIES_REQUIRED',
    ],
    [
      'fitness with adjustments says which limited duties',
      { fitness: 'fit_with_adjustments', limitedDuties: null },
      'REFERRAL.LIMITED_DUTIES_REQUIRED',
    ],
    [
      'a fit colleague has no limited duties',
      { fitness: 'fit', limitedDuties: 'recuperative' },
      'REFERRAL.LIMITED_DUTIES_NOT_APPLICABLE',
    ],
    [
      'an unfit colleague has no limited duties',
      { fitness: 'unfit', limitedDuties: 'adjusted' },
      'REFERRAL.LIMITED_DUTIES_NOT_APPLICABLE',
    ],
    [
      'management-restricted duties are not an OH outcome',
      { limitedDuties: 'management_restricted' },
      'REFERRAL.LIMITED_DUTIES_NOT_CLINICAL',
    ],
  ] as const)('%s', (_rule, overrides, code) => {
    spec.given(history.awaitingOutcome()).when(outcome(overrides)).thenThrows(code, 'limitedDuties');
  });

  it.each([
    ['at least one recommendation is made', [], 'REFERRAL.RECOMMENDATION_REQUIRED'],
    ['no recommendation is made twice', ['counselling', 'counselling'], 'REFERRAL.DUPLICATE_RECOMMENDATION'],
    ['no further action stands alone', ['no_further_action', 'counselling'], 'REFERRAL.CONTRADICTORY_RECOMMENDATIONS'],
  ] as const)('%s', (_rule, recommendations, code) => {
    spec.given(history.awaitingOutcome()).when(outcome({ recommendations })).thenThrows(code, 'recommendations');
  });

  it('police staff are not referred to an SMP: they follow the LGPS pathway', () => {
    spec
      .given(asStaff(history.awaitingOutcome()))
      .when(outcome({ recommendations: ['smp_referral'] }))
      .thenThrows('REFERRAL.SMP_OFFICERS_ONLY', 'recommendations');
    spec
      .given(asStaff(history.awaitingOutcome()))
      .when(outcome({ recommendations: ['ill_health_retirement'], smpQuestions: SMP_ANSWERS }))
      .thenThrows('REFERRAL.SMP_OFFICERS_ONLY', 'smpQuestions');
  });

  it('SMP answers come only with an SMP referral or ill-health retirement', () => {
    spec
      .given(history.awaitingOutcome())
      .when(outcome({ smpQuestions: SMP_ANSWERS }))
      .thenThrows('REFERRAL.SMP_QUESTIONS_NOT_APPLICABLE', 'smpQuestions');
  });

  it('SMP answers must agree with each other', () => {
    const permanentButFit = { ...SMP_ANSWERS, unfitForOrdinaryDuties: false };
    spec
      .given(history.awaitingOutcome())
      .when(outcome({ recommendations: ['ill_health_retirement'], smpQuestions: permanentButFit }))
      .thenThrows('REFERRAL.INCONSISTENT_SMP_ANSWERS', 'smpQuestions');
  });
});
