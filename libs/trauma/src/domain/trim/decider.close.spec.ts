import type { CloseTrim } from './commands';
import type { TrimEvent } from './events';
import {
  ACTOR,
  assessed,
  command,
  DUE,
  history,
  idFrom,
  LOW,
  met,
  PRACTITIONER,
  scheduled,
  spec,
  T,
} from './testing/trim-fixtures';

const close = (outcome: CloseTrim['data']['outcome'], note: string | null = null) =>
  command('CloseTrim', { outcome, note }, T.closed);

describe('closing a TRiM activation', () => {
  it('after a follow-up below the threshold, TRiM closes with no further action', () => {
    spec
      .given(history.awaitingClosure())
      .when(close('no_further_action', 'Coping well; knows how to self-refer'))
      .then([
        {
          type: 'TrimClosed',
          data: { outcome: 'no_further_action', note: 'Coping well; knows how to self-refer', closedAt: T.closed },
        },
      ]);
    spec
      .given(history.awaitingClosure())
      .when(close('no_further_action', '  '))
      .thenState({ status: 'closed', closure: { outcome: 'no_further_action', note: null, closedAt: T.closed } });
  });

  it('closing waives any deadline still open, such as a brief that never happened', () => {
    const withoutBrief: TrimEvent[] = [
      ...history.awaitingInitialAssessment(),
      assessed('initial', LOW, T.initial),
      met('initial-assessment', 'ActivateTrim', T.initial),
      scheduled('follow-up-assessment', 'RecordRiskAssessment', DUE.followUpAssessment, PRACTITIONER),
      assessed('follow_up', LOW, T.followUp),
      met('follow-up-assessment', 'RecordRiskAssessment', T.followUp),
    ];
    spec
      .given(withoutBrief)
      .when(close('no_further_action'))
      .then([
        { type: 'TrimClosed', data: { outcome: 'no_further_action', note: null, closedAt: T.closed } },
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: idFrom('ActivateTrim', 'trauma-brief'),
            kind: 'trauma-brief',
            reason: 'TRiM closed: no further action',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
  });

  it('a referred activation closes as referred to OH once the referral is linked', () => {
    spec
      .given(history.referred())
      .when(close('referred_to_oh'))
      .then([{ type: 'TrimClosed', data: { outcome: 'referred_to_oh', note: null, closedAt: T.closed } }]);
    spec.given(history.referralRequested()).when(close('referred_to_oh')).thenThrows('TRIM.REFERRAL_NOT_OPENED');
  });

  it('a referral asked for may instead go to clinical care, before or after the OH referral opens', () => {
    spec.given(history.referralRequested()).when(close('referred_to_clinical_care')).thenState({ status: 'closed' });
    spec.given(history.referred()).when(close('referred_to_clinical_care')).thenState({ status: 'closed' });
  });

  it('the outcome matches what the follow-up decided', () => {
    spec
      .given(history.referred())
      .when(close('no_further_action'))
      .thenThrows('TRIM.CLOSE_OUTCOME_NOT_ALLOWED', 'outcome');
    spec
      .given(history.awaitingClosure())
      .when(close('referred_to_oh'))
      .thenThrows('TRIM.CLOSE_OUTCOME_NOT_ALLOWED', 'outcome');
    spec
      .given(history.awaitingClosure())
      .when(close('referred_to_clinical_care'))
      .thenThrows('TRIM.CLOSE_OUTCOME_NOT_ALLOWED', 'outcome');
  });

  it('TRiM closes only after its follow-up assessment; earlier, the person declines', () => {
    spec.given(history.awaitingPractitioner()).when(close('no_further_action')).thenThrows('TRIM.FOLLOW_UP_REQUIRED');
    spec.given(history.awaitingFollowUp()).when(close('no_further_action')).thenThrows('TRIM.FOLLOW_UP_REQUIRED');
  });

  it('a closed activation cannot be closed again', () => {
    spec.given(history.closed()).when(close('no_further_action')).thenThrows('TRIM.CLOSED');
    spec.given([]).when(close('no_further_action')).thenThrows('TRIM.NOT_FOUND');
  });
});
