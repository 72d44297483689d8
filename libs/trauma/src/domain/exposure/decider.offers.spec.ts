import { deterministicId } from '@casework/core/ids';
import type { RecordOfferResponse } from './commands';
import { command, history, OFFER_ID, spec, T } from './testing/support-task-fixtures';

describe('offering support', () => {
  const offer = (kind: 'peer_support' | 'trim_assessment' | 'eap', commandId?: string) =>
    command('RecordSupportOffer', { offer: kind, note: 'Peer supporter from the same team' }, T.offered, commandId);

  it('once the person has been reached, support can be offered', () => {
    spec
      .given(history.inContact())
      .when(offer('peer_support'))
      .then([
        {
          type: 'SupportTaskOfferRecorded',
          data: {
            offerId: OFFER_ID,
            offer: 'peer_support',
            note: 'Peer supporter from the same team',
            offeredAt: T.offered,
          },
        },
      ]);
  });

  it('no offer before the coordinator has reached the person, however many attempts', () => {
    spec.given(history.assigned()).when(offer('eap')).thenThrows('SUPPORT_TASK.NO_CONTACT');
    spec.given(history.attempted()).when(offer('eap')).thenThrows('SUPPORT_TASK.NO_CONTACT');
  });

  it('several kinds of support may be on offer at once, but not the same kind twice while unanswered', () => {
    spec
      .given(history.offered())
      .when(offer('trim_assessment', 'cmd-second-offer'))
      .thenState((state) => state.status === 'in_contact' && state.offers.length === 2);
    spec.given(history.offered()).when(offer('peer_support', 'cmd-again')).thenThrows('SUPPORT_TASK.OFFER_PENDING');
  });

  it('a declined kind of support can be offered again later', () => {
    spec
      .given(history.declined())
      .when(offer('peer_support', 'cmd-reoffer'))
      .then([
        {
          type: 'SupportTaskOfferRecorded',
          data: {
            offerId: deterministicId('cmd-reoffer', 'offer'),
            offer: 'peer_support',
            note: 'Peer supporter from the same team',
            offeredAt: T.offered,
          },
        },
      ]);
  });
});

describe('recording the answer to an offer', () => {
  const respond = (data: Partial<RecordOfferResponse['data']> = {}) =>
    command('RecordOfferResponse', { offerId: OFFER_ID, response: 'accepted', reason: null, ...data }, T.responded);

  it('an offer is accepted', () => {
    spec
      .given(history.offered())
      .when(respond())
      .then([
        {
          type: 'SupportTaskOfferResponseRecorded',
          data: { offerId: OFFER_ID, response: 'accepted', reason: null, respondedAt: T.responded },
        },
      ]);
  });

  it('an offer is declined, with the reason when the person gives one', () => {
    spec
      .given(history.offered())
      .when(respond({ response: 'declined', reason: 'Has support at home' }))
      .thenState({
        offers: [
          {
            offerId: OFFER_ID,
            offer: 'peer_support',
            offeredAt: T.offered,
            response: { response: 'declined', reason: 'Has support at home' },
          },
        ],
      });
  });

  it('no answer before anything is offered', () => {
    spec.given(history.inContact()).when(respond()).thenThrows('SUPPORT_TASK.NO_OFFER');
  });

  it('the answer must be to an offer on this task, and is recorded once', () => {
    spec
      .given(history.offered())
      .when(respond({ offerId: 'offer-x' }))
      .thenThrows('SUPPORT_TASK.UNKNOWN_OFFER', 'offerId');
    spec
      .given(history.accepted())
      .when(respond({ response: 'declined' }))
      .thenThrows('SUPPORT_TASK.RESPONSE_ALREADY_RECORDED');
  });
});
