import type { TrimEvent } from './events';
import { command, history, spec, T } from './testing/trim-fixtures';

describe('linking the OH referral opened from TRiM', () => {
  const opened = (referralId: string) => command('RecordReferralOpened', { referralId }, T.linked);

  it('the referral asked for is linked, and the activation is then referred', () => {
    spec
      .given(history.referralRequested())
      .when(opened('ref-77'))
      .then([{ type: 'TrimReferralOpened', data: { referralId: 'ref-77', linkedAt: T.linked } }]);
    spec
      .given(history.referralRequested())
      .when(opened('ref-77'))
      .thenState({ status: 'referred', referralId: 'ref-77' });
  });

  it('the same referral again changes nothing, even after TRiM closed', () => {
    spec.given(history.referred('ref-77')).when(opened('ref-77')).thenNothing();
    const closed: TrimEvent = {
      type: 'TrimClosed',
      data: { outcome: 'referred_to_oh', note: null, closedAt: T.closed },
    };
    spec
      .given([...history.referred('ref-77'), closed])
      .when(opened('ref-77'))
      .thenNothing();
    spec
      .given([...history.referred('ref-77'), closed])
      .when(opened('ref-78'))
      .thenThrows('TRIM.CLOSED');
  });

  it('an activation links one referral only', () => {
    spec.given(history.referred('ref-77')).when(opened('ref-78')).thenThrows('TRIM.REFERRAL_ALREADY_LINKED');
  });

  it('a referral is linked only where one was asked for', () => {
    spec.given(history.awaitingClosure()).when(opened('ref-77')).thenThrows('TRIM.NO_REFERRAL_REQUESTED');
    spec.given(history.awaitingFollowUp()).when(opened('ref-77')).thenThrows('TRIM.NO_REFERRAL_REQUESTED');
    spec.given([]).when(opened('ref-77')).thenThrows('TRIM.NOT_FOUND');
    spec.given(history.referralRequested()).when(opened(' ')).thenThrows('TRIM.FIELD_REQUIRED', 'referralId');
  });
});
