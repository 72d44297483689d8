import type { CloseSupportTask } from './commands';
import type { SupportTaskEvent } from './events';
import { ACTOR, command, FIRST_CONTACT_DEADLINE, history, OFFER_ID, spec, T } from './testing/support-task-fixtures';

const close = (outcome: CloseSupportTask['data']['outcome'], note: string | null = null) =>
  command('CloseSupportTask', { outcome, note }, T.closed);

const closed = (outcome: CloseSupportTask['data']['outcome'], note: string | null = null): SupportTaskEvent => ({
  type: 'SupportTaskClosed',
  data: { outcome, note, closedAt: T.closed },
});

describe('closing a support task', () => {
  it('closes as support accepted once an offer is accepted', () => {
    spec
      .given(history.accepted())
      .when(close('support_accepted'))
      .then([closed('support_accepted')]);
  });

  it('closes as support declined when offers were declined and none accepted', () => {
    spec
      .given(history.declined())
      .when(close('support_declined', 'Will self-refer if needed'))
      .then([closed('support_declined', 'Will self-refer if needed')]);
  });

  it('closes as no support needed only once someone has reached the person', () => {
    spec
      .given(history.inContact())
      .when(close('no_support_needed'))
      .then([closed('no_support_needed')]);
    spec
      .given(history.attempted())
      .when(close('no_support_needed'))
      .thenThrows('SUPPORT_TASK.OUTCOME_NOT_ALLOWED', 'outcome');
  });

  it('closes as unable to contact only if nobody got through, waiving the first-contact deadline', () => {
    spec
      .given(history.attempted())
      .when(close('unable_to_contact'))
      .then([
        closed('unable_to_contact'),
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: FIRST_CONTACT_DEADLINE,
            kind: 'first-contact',
            reason: 'support task closed: unable to contact',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
    spec
      .given(history.inContact())
      .when(close('unable_to_contact'))
      .thenThrows('SUPPORT_TASK.OUTCOME_NOT_ALLOWED', 'outcome');
  });

  it('the outcome must agree with the answers on record', () => {
    spec
      .given(history.offered())
      .when(close('support_accepted'))
      .thenThrows('SUPPORT_TASK.OUTCOME_NOT_ALLOWED', 'outcome');
    spec
      .given(history.offered())
      .when(close('support_declined'))
      .thenThrows('SUPPORT_TASK.OUTCOME_NOT_ALLOWED', 'outcome');
    spec
      .given(history.accepted())
      .when(close('support_declined'))
      .thenThrows('SUPPORT_TASK.OUTCOME_NOT_ALLOWED', 'outcome');
  });

  it('an accepted offer wins over a declined one, and unanswered offers do not block closing', () => {
    const mixed: SupportTaskEvent[] = [
      ...history.accepted(),
      {
        type: 'SupportTaskOfferRecorded',
        data: { offerId: 'offer-2', offer: 'eap', note: null, offeredAt: T.responded },
      },
    ];
    spec
      .given(mixed)
      .when(close('support_accepted'))
      .then([closed('support_accepted')]);
    expect(mixed.some((e) => e.type === 'SupportTaskOfferResponseRecorded' && e.data.offerId === OFFER_ID)).toBe(true);
  });

  it('closing for any other reason needs a note saying why', () => {
    spec
      .given(history.assigned())
      .when(close('other', 'Left the force'))
      .thenState({
        status: 'closed',
        closure: { outcome: 'other', note: 'Left the force', closedAt: T.closed },
      });
    spec
      .given(history.assigned())
      .when(close('other', 'Left the force'))
      .thenState((state) => state.status === 'closed' && Object.keys(state.deadlines).length === 0);
    spec.given(history.assigned()).when(close('other', ' ')).thenThrows('SUPPORT_TASK.FIELD_REQUIRED', 'note');
  });
});
