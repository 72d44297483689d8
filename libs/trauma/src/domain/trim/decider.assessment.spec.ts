import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import type { RecordRiskAssessment } from './commands';
import { createTrimDecider } from './decider';
import { DEFAULT_TRIM_POLICY } from './policy';
import {
  assessed,
  calendar,
  command,
  DUE,
  HIGH,
  history,
  idFrom,
  LOW,
  met,
  PRACTITIONER,
  REFERRAL_REASON,
  scheduled,
  scores,
  spec,
  T,
} from './testing/trim-fixtures';
import type { TrimRiskScores } from './types';

const HIGH_ITEMS = ['life_threatened', 'shame_or_guilt', 'acute_stress_symptoms'] as const;
const NOTES = 'Nightmares since the incident; partner away on deployment.';

const assess = (
  kind: RecordRiskAssessment['data']['kind'],
  given: TrimRiskScores,
  practitionerRequestedReferral = false,
  now: string = kind === 'initial' ? T.initial : T.followUp,
): RecordRiskAssessment =>
  command('RecordRiskAssessment', { kind, scores: given, notes: NOTES, practitionerRequestedReferral }, now);

describe('the initial risk assessment', () => {
  // Follow-up due 28 days after the incident plus 5 working days.
  it('about 72 hours after the incident: scored by the decider, deadline met, follow-up scheduled', () => {
    spec
      .given(history.briefDelivered())
      .when(assess('initial', LOW))
      .then([
        {
          type: 'TrimRiskAssessmentRecorded',
          data: {
            kind: 'initial',
            practitionerId: PRACTITIONER,
            scores: LOW,
            total: 1,
            threshold: 3,
            atOrAboveThreshold: false,
            practitionerRequestedReferral: false,
            notes: NOTES,
            assessedAt: T.initial,
          },
        },
        met('initial-assessment', 'ActivateTrim', T.initial),
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('RecordRiskAssessment', 'follow-up-assessment'),
            kind: 'follow-up-assessment',
            // 28 days after 2 Mar 14:00 GMT is 30 Mar 15:00 BST; five working days on, skipping
            // Good Friday and Easter Monday, is Wed 8 Apr at close of business (17:00 BST)
            dueAt: '2026-04-08T16:00:00.000Z',
            ownerId: PRACTITIONER,
            ladder: [
              { level: 1, at: '2026-04-08T16:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-04-09T16:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-04-10T16:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('an initial score at the threshold is recorded as such, but the referral waits for the follow-up', () => {
    spec
      .given(history.briefDelivered())
      .when(assess('initial', HIGH, true))
      .thenState({
        status: 'awaiting_follow_up',
        initialAssessment: { total: 3, atOrAboveThreshold: true, practitionerRequestedReferral: true },
        referralRequest: null,
      });
  });

  it('an assessment after 96 hours meets its deadline late', () => {
    const late = '2026-03-06T14:00:01.000Z';
    spec
      .given(history.briefDelivered())
      .when(assess('initial', LOW, false, late))
      .then([
        assessed('initial', LOW, late),
        met('initial-assessment', 'ActivateTrim', late, true),
        scheduled('follow-up-assessment', 'RecordRiskAssessment', DUE.followUpAssessment, PRACTITIONER),
      ]);
  });

  it('the brief is not a precondition: an activation with a practitioner can be assessed without one', () => {
    spec.given(history.awaitingInitialAssessment()).when(assess('initial', LOW)).thenState({
      status: 'awaiting_follow_up',
      briefDeliveredAt: null,
    });
  });

  it('needs an allocated practitioner and happens once', () => {
    spec.given(history.awaitingPractitioner()).when(assess('initial', LOW)).thenThrows('TRIM.NO_PRACTITIONER');
    spec
      .given(history.awaitingFollowUp())
      .when(assess('initial', LOW))
      .thenThrows('TRIM.INITIAL_ASSESSMENT_ALREADY_RECORDED');
  });

  it('the confidential notes stay in the event, out of the decision state', () => {
    spec
      .given(history.briefDelivered())
      .when(assess('initial', LOW))
      .thenState((state) => !JSON.stringify(state).includes('Nightmares'));
  });
});

describe('the follow-up risk assessment', () => {
  it('below the threshold, with no request from the practitioner, TRiM waits to close', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(assess('follow_up', LOW))
      .then([
        assessed('follow_up', LOW, T.followUp),
        met('follow-up-assessment', 'RecordRiskAssessment', T.followUp),
      ]);
    spec.given(history.awaitingFollowUp()).when(assess('follow_up', LOW)).thenState({ status: 'awaiting_closure' });
  });

  it('at or above the threshold, the same decision asks for an OH referral', () => {
    spec
      .given(history.awaitingFollowUp(HIGH))
      .when(assess('follow_up', HIGH))
      .then([
        assessed('follow_up', HIGH, T.followUp),
        met('follow-up-assessment', 'RecordRiskAssessment', T.followUp),
        {
          type: 'TrimReferralRequested',
          data: {
            activationId: 'act-1',
            personId: 'P-1234',
            personName: 'Alex Morgan',
            employmentType: 'police_officer',
            department: 'Response',
            practitionerId: PRACTITIONER,
            reason: REFERRAL_REASON,
            followUpTotal: 3,
            threshold: 3,
            practitionerRequested: false,
            requestedAt: T.followUp,
          },
        },
      ]);
    spec
      .given(history.awaitingFollowUp(HIGH))
      .when(assess('follow_up', HIGH))
      .thenState({ status: 'referral_requested', referralRequest: { reason: REFERRAL_REASON } });
  });

  it('below the threshold, a practitioner who asks for a referral gets one', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(assess('follow_up', LOW, true))
      .thenState({
        status: 'referral_requested',
        referralRequest: { reason: 'The TRiM practitioner asked for a referral', requestedAt: T.followUp },
      });
  });

  it('both reasons are given when both hold', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(assess('follow_up', scores(...HIGH_ITEMS, 'avoidance'), true))
      .thenState({
        referralRequest: {
          reason:
            'TRiM follow-up risk assessment at or above the threshold; and the TRiM practitioner asked for a referral',
        },
        followUpAssessment: { total: 4 },
      });
  });

  it('the threshold is the force’s: with a threshold of 5 a total of 3 is below it', () => {
    const strict = deciderSpec(createTrimDecider({ policy: { ...DEFAULT_TRIM_POLICY, riskThreshold: 5 }, calendar }));
    strict
      .given(history.awaitingFollowUp())
      .when(assess('follow_up', HIGH))
      .thenState({
        status: 'awaiting_closure',
        followUpAssessment: { total: 3, threshold: 5, atOrAboveThreshold: false },
      });
  });

  it('comes only after the initial assessment, and only once', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(assess('follow_up', LOW))
      .thenThrows('TRIM.INITIAL_ASSESSMENT_REQUIRED');
    spec
      .given(history.awaitingPractitioner())
      .when(assess('follow_up', LOW))
      .thenThrows('TRIM.INITIAL_ASSESSMENT_REQUIRED');
    spec.given(history.awaitingClosure()).when(assess('follow_up', LOW)).thenThrows('TRIM.FOLLOW_UP_ALREADY_RECORDED');
    spec.given(history.referred()).when(assess('follow_up', LOW)).thenThrows('TRIM.FOLLOW_UP_ALREADY_RECORDED');
  });
});

describe('risk scores', () => {
  const withScores = (given: unknown) => assess('initial', given as TrimRiskScores);

  it('every one of the ten items is scored: a missing one is named', () => {
    const { avoidance: _missing, ...nine } = LOW;
    spec
      .given(history.briefDelivered())
      .when(withScores(nine))
      .thenThrows('TRIM.RISK_SCORE_MISSING', 'scores.avoidance');
  });

  it('an item that is not on the TRiM form is named, before any item it may have been meant for', () => {
    const { avoidance: _misspelt, ...nine } = LOW;
    spec
      .given(history.briefDelivered())
      .when(withScores({ ...nine, avoidence: 1 }))
      .thenThrows('TRIM.UNKNOWN_RISK_ITEM', 'scores.avoidence');
    spec
      .given(history.briefDelivered())
      .when(withScores({ ...LOW, sleep_problems: 0 }))
      .thenThrows('TRIM.UNKNOWN_RISK_ITEM', 'scores.sleep_problems');
  });

  it.each([2, -1, true, '1', null])('an item is scored 0 or 1, not %p', (score) => {
    const thrown = score === null ? 'TRIM.RISK_SCORE_MISSING' : 'TRIM.INVALID_RISK_SCORE';
    spec
      .given(history.briefDelivered())
      .when(withScores({ ...LOW, blames_others: score }))
      .thenThrows(thrown, 'scores.blames_others');
  });

  it('scores must be given at all', () => {
    spec.given(history.briefDelivered()).when(withScores(null)).thenThrows('TRIM.FIELD_REQUIRED', 'scores');
    spec.given(history.briefDelivered()).when(withScores([1, 0])).thenThrows('TRIM.FIELD_REQUIRED', 'scores');
  });
});
