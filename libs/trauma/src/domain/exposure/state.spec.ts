import { fold } from '@casework/core/domain/decider';
import type { SupportTaskEvent } from './events';
import { evolveSupportTask, initialSupportTaskState, pendingOffers, type SupportTaskState } from './state';
import {
  COORDINATOR,
  FIRST_CONTACT_DUE,
  HISTORY,
  history,
  OFFER_ID,
  PERSON_ID,
  RAISED,
  T,
  TASK_ID,
} from './testing/support-task-fixtures';

const replay = (events: readonly SupportTaskEvent[]): SupportTaskState =>
  fold({ evolve: evolveSupportTask, initialState: initialSupportTaskState }, events);

describe('support-task state', () => {
  it.each([
    ['awaiting_contact', history.awaitingContact()],
    ['awaiting_contact', history.attempted()],
    ['in_contact', history.inContact()],
    ['in_contact', history.declined()],
    ['closed', history.closed()],
    ['closed', history.closedUnreached()],
  ] as const)('folds to %s', (status, events) => {
    expect(replay(events).status).toBe(status);
  });

  it('carries the person, the exposure history, contact, offers and open deadlines; never contact notes', () => {
    expect(replay(history.offered())).toEqual({
      status: 'in_contact',
      taskId: TASK_ID,
      person: { personId: PERSON_ID, personName: 'Alex Morgan', department: 'Roads Policing' },
      triggeringExposureId: 'e-3',
      exposures: HISTORY,
      summary: RAISED.summary,
      raisedAt: T.raised,
      coordinatorId: COORDINATOR,
      contactCount: 2,
      firstReachedAt: T.contacted,
      offers: [{ offerId: OFFER_ID, offer: 'peer_support', offeredAt: T.offered, response: null }],
      deadlines: {},
    });
    expect(JSON.stringify(replay(history.offered()))).not.toContain('voicemail');
  });

  it('keeps the first-contact deadline open until someone reaches the person', () => {
    const state = replay(history.attempted());
    expect(state.status === 'awaiting_contact' && state.deadlines['first-contact']).toMatchObject({
      dueAt: FIRST_CONTACT_DUE,
      level: 0,
    });
  });

  it('lists the offers still awaiting an answer', () => {
    const offered = replay(history.offered());
    const accepted = replay(history.accepted());
    expect(offered.status !== 'none' && pendingOffers(offered).map((o) => o.offerId)).toEqual([OFFER_ID]);
    expect(accepted.status !== 'none' && pendingOffers(accepted)).toEqual([]);
  });

  it('ignores what cannot apply: events before the task was raised, and a second raise', () => {
    const [raisedEvent] = history.awaitingContact();
    const assigned = history.assigned()[2]!;
    expect(replay([assigned])).toEqual({ status: 'none' });
    const once = replay(history.assigned());
    expect(
      replay([
        ...history.assigned(),
        { ...raisedEvent!, data: { ...RAISED, personName: 'Someone Else' } } as SupportTaskEvent,
      ]),
    ).toEqual(once);
  });

  it('keeps a closed task closed, with how it ended', () => {
    expect(replay(history.closed())).toMatchObject({
      status: 'closed',
      closure: { outcome: 'support_accepted', note: null, closedAt: T.closed },
    });
  });
});
