import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { RecordOutcome } from '../commands';
import { REFERRAL_DEADLINES } from '../deadline-policy';
import { conflict, invalid } from '../errors';
import type { ReferralEvent } from '../events';
import type { ReferralState } from '../state';
import type { EmploymentType, Fitness, LimitedDutiesType, Recommendation, SmpQuestions } from '../types';
import { isBefore, requireOpen } from './guards';
import { requireCurrentAppointment } from './appointments';

/** The assessment's outcome, recorded for the appointment that was attended. */
export function recordOutcome(command: RecordOutcome, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  if (isBefore(referral.status, 'awaiting_outcome')) {
    throw conflict('REFERRAL.NO_ATTENDED_APPOINTMENT', 'No outcome before an attended appointment');
  }
  if (referral.status !== 'awaiting_outcome') {
    throw conflict('REFERRAL.OUTCOME_ALREADY_RECORDED', 'The outcome has already been recorded');
  }
  const { data, now } = command;
  requireCurrentAppointment(referral, data.appointmentId);
  checkRecommendations(data.recommendations, referral.employmentType);
  checkLimitedDuties(data.fitness, data.limitedDuties);
  if (data.smpQuestions !== null) checkSmpQuestions(data.smpQuestions, data.recommendations, referral.employmentType);
  return [
    {
      type: 'ReferralOutcomeRecorded',
      data: {
        appointmentId: data.appointmentId,
        fitness: data.fitness,
        limitedDuties: data.limitedDuties,
        recommendations: data.recommendations,
        smpQuestions: data.smpQuestions,
        clinicalNotes: data.clinicalNotes,
        recordedAt: now.toISOString(),
      },
    },
    ...meetDeadline(referral.deadlines, REFERRAL_DEADLINES.outcomeReport, now),
  ];
}

/** At least one, none twice, and "no further action" only on its own. */
function checkRecommendations(recommendations: readonly Recommendation[], employmentType: EmploymentType): void {
  const field = 'recommendations';
  if (recommendations.length === 0) {
    throw invalid('REFERRAL.RECOMMENDATION_REQUIRED', 'Record at least one recommendation', field);
  }
  const duplicate = recommendations.find((r, i) => recommendations.indexOf(r) !== i);
  if (duplicate) throw invalid('REFERRAL.DUPLICATE_RECOMMENDATION', `${duplicate} is recommended twice`, field);
  if (recommendations.includes('no_further_action') && recommendations.length > 1) {
    throw invalid(
      'REFERRAL.CONTRADICTORY_RECOMMENDATIONS',
      'no_further_action cannot come with other recommendations',
      field,
    );
  }
  if (recommendations.includes('smp_referral') && employmentType !== 'police_officer') {
    throw invalid(
      'REFERRAL.SMP_OFFICERS_ONLY',
      'Only police officers are referred to an SMP; staff follow the LGPS pathway',
      field,
    );
  }
}

/**
 * Restricted duties and fitness with adjustments say which limited duties apply; fit and
 * unfit have none. Management-restricted duties are a management call, never OH's.
 */
function checkLimitedDuties(fitness: Fitness, limitedDuties: LimitedDutiesType | null): void {
  const field = 'limitedDuties';
  const limited = fitness === 'restricted_duties' || fitness === 'fit_with_adjustments';
  if (limited && limitedDuties === null) {
    throw invalid('REFERRAL.LIMITED_DUTIES_REQUIRED', `Say which limited duties apply when ${fitness}`, field);
  }
  if (!limited && limitedDuties !== null) {
    throw invalid('REFERRAL.LIMITED_DUTIES_NOT_APPLICABLE', `Limited duties do not apply when ${fitness}`, field);
  }
  if (limitedDuties === 'management_restricted') {
    throw invalid('REFERRAL.LIMITED_DUTIES_NOT_CLINICAL', 'Management-restricted duties are not an OH outcome', field);
  }
}

/**
 * The SMP's four questions belong to a police officer's ill-health retirement, and their
 * answers must agree: "permanently unfit" implies "unfit", and what holds for any regular
 * employment holds for ordinary police duties too.
 */
function checkSmpQuestions(
  answers: SmpQuestions,
  recommendations: readonly Recommendation[],
  employmentType: EmploymentType,
): void {
  const field = 'smpQuestions';
  if (!recommendations.includes('smp_referral') && !recommendations.includes('ill_health_retirement')) {
    throw invalid(
      'REFERRAL.SMP_QUESTIONS_NOT_APPLICABLE',
      'SMP questions are answered only with an SMP referral or ill-health retirement',
      field,
    );
  }
  if (employmentType !== 'police_officer') {
    throw invalid('REFERRAL.SMP_OFFICERS_ONLY', 'SMP questions apply to police officers only', field);
  }
  const consistent =
    (!answers.permanentlyUnfitForOrdinaryDuties || answers.unfitForOrdinaryDuties) &&
    (!answers.permanentlyUnfitForRegularEmployment || answers.unfitForRegularEmployment) &&
    (!answers.unfitForRegularEmployment || answers.unfitForOrdinaryDuties) &&
    (!answers.permanentlyUnfitForRegularEmployment || answers.permanentlyUnfitForOrdinaryDuties);
  if (!consistent) throw invalid('REFERRAL.INCONSISTENT_SMP_ANSWERS', 'The SMP answers contradict each other', field);
}
