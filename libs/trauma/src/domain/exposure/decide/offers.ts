import { deterministicId } from '@casework/core/ids';
import type { RecordOfferResponse, RecordSupportOffer } from '../commands';
import { conflict, invalid } from '../errors';
import type { SupportTaskEvent } from '../events';
import type { SupportTaskState } from '../state';
import { optionalText, requireOpen } from './guards';

/**
 * Support is offered in person, after a conversation: no offer before a contact that
 * reached the person. Several kinds may be on offer at once (a staged response), but not
 * the same kind twice while the first is unanswered.
 */
export function recordOffer(command: RecordSupportOffer, state: SupportTaskState): SupportTaskEvent[] {
  const task = requireOpen(state);
  if (task.status === 'awaiting_contact') {
    throw conflict('SUPPORT_TASK.NO_CONTACT', 'No offer before the coordinator has reached the person');
  }
  const { data, now, commandId } = command;
  if (task.offers.some((o) => o.offer === data.offer && o.response === null)) {
    throw conflict('SUPPORT_TASK.OFFER_PENDING', `${data.offer} is already on offer and awaiting an answer`);
  }
  return [
    {
      type: 'SupportTaskOfferRecorded',
      data: {
        offerId: deterministicId(commandId, 'offer'),
        offer: data.offer,
        note: optionalText(data.note),
        offeredAt: now.toISOString(),
      },
    },
  ];
}

/** The person's answer, once per offer. A declined offer is recorded and respected. */
export function recordOfferResponse(command: RecordOfferResponse, state: SupportTaskState): SupportTaskEvent[] {
  const task = requireOpen(state);
  if (task.offers.length === 0) throw conflict('SUPPORT_TASK.NO_OFFER', 'No response before support is offered');
  const { data, now } = command;
  const offer = task.offers.find((o) => o.offerId === data.offerId);
  if (!offer) throw invalid('SUPPORT_TASK.UNKNOWN_OFFER', `Offer ${data.offerId} is not on this task`, 'offerId');
  if (offer.response !== null) {
    throw conflict('SUPPORT_TASK.RESPONSE_ALREADY_RECORDED', `The answer to the ${offer.offer} offer is on record`);
  }
  return [
    {
      type: 'SupportTaskOfferResponseRecorded',
      data: {
        offerId: data.offerId,
        response: data.response,
        reason: optionalText(data.reason),
        respondedAt: now.toISOString(),
      },
    },
  ];
}
