import type { ActionToAgree } from './commands';
import { STAY_DEADLINES } from './policy';
import { ACTIONS, command, history, INTERVIEWER, met, scheduled, spec, DUE, T } from './testing/stay-fixtures';

const TO_AGREE: readonly ActionToAgree[] = ACTIONS.map(({ actionId: _id, ...action }) => action);

describe('agreeing actions', () => {
  const agree = (actions: readonly ActionToAgree[] = TO_AGREE) => command('AgreeStayActions', { actions }, T.agreed);

  it('each action gets an id from the command; the interviewer’s follow-up is due 30 working days on', () => {
    spec
      .given(history.awaitingActions())
      .when(agree())
      .then([
        { type: 'StayActionsAgreed', data: { actions: ACTIONS, agreedAt: T.agreed } },
        scheduled(STAY_DEADLINES.followUp, 'AgreeStayActions', DUE.followUp, INTERVIEWER),
      ]);
    spec
      .given(history.awaitingActions())
      .when(agree())
      .thenState({ status: 'awaiting_follow_up', actionsAgreedAt: T.agreed });
  });

  it('every action has a description, an owner and a due date from today', () => {
    const first = TO_AGREE[0]!;
    const withFirst = (change: Partial<ActionToAgree>) => agree([{ ...first, ...change }]);
    spec.given(history.awaitingActions()).when(agree([])).thenThrows('STAY.FIELD_REQUIRED', 'actions');
    spec
      .given(history.awaitingActions())
      .when(withFirst({ description: '' }))
      .thenThrows('STAY.FIELD_REQUIRED', 'actions[0].description');
    spec
      .given(history.awaitingActions())
      .when(withFirst({ ownerId: ' ' }))
      .thenThrows('STAY.FIELD_REQUIRED', 'actions[0].ownerId');
    spec
      .given(history.awaitingActions())
      .when(withFirst({ dueDate: '31/03/2026' }))
      .thenThrows('STAY.INVALID_DATE', 'actions[0].dueDate');
    spec
      .given(history.awaitingActions())
      .when(withFirst({ dueDate: '2026-03-09' }))
      .thenThrows('STAY.ACTION_DUE_IN_PAST', 'actions[0].dueDate');
    spec
      .given(history.awaitingActions())
      .when(withFirst({ dueDate: '2026-03-10' }))
      .thenState({ status: 'awaiting_follow_up' });
  });

  it('actions follow the interview, and are agreed once', () => {
    spec.given(history.awaitingInterview()).when(agree()).thenThrows('STAY.INTERVIEW_NOT_HELD');
    spec.given(history.awaitingFollowUp()).when(agree()).thenThrows('STAY.ACTIONS_ALREADY_AGREED');
    spec.given(history.closed()).when(agree()).thenThrows('STAY.CLOSED');
  });
});

describe('completing an action', () => {
  const complete = (actionId: string, now: string = T.actionDone) => command('CompleteAction', { actionId }, now);
  const first = ACTIONS[0]!.actionId;

  it('an agreed action is marked done, the others stay open', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(complete(first))
      .then([{ type: 'StayActionCompleted', data: { actionId: first, completedAt: T.actionDone } }]);
    spec
      .given(history.followUpHeld())
      .when(complete(first, '2026-05-01T09:00:00.000Z'))
      .thenState(
        (state) =>
          state.status === 'follow_up_held' &&
          state.actions[0]?.completedAt === '2026-05-01T09:00:00.000Z' &&
          state.actions[1]?.completedAt === null,
      );
  });

  it('only a known, open action, once', () => {
    spec.given(history.awaitingActions()).when(complete(first)).thenThrows('STAY.ACTIONS_NOT_AGREED');
    spec.given(history.awaitingFollowUp()).when(complete('nope')).thenThrows('STAY.UNKNOWN_ACTION', 'actionId');
    spec
      .given([
        ...history.awaitingFollowUp(),
        { type: 'StayActionCompleted', data: { actionId: first, completedAt: T.actionDone } },
      ])
      .when(complete(first))
      .thenThrows('STAY.ACTION_ALREADY_COMPLETED');
    spec.given(history.closed()).when(complete(first)).thenThrows('STAY.CLOSED');
  });
});

describe('recording the follow-up', () => {
  const followUp = (heldAt: string = T.followUp, note: string | null = 'Study time in place') =>
    command('RecordStayFollowUp', { heldAt: new Date(heldAt), note }, T.followUp);

  it('the follow-up meets its deadline when it was held', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(followUp())
      .then([
        {
          type: 'StayFollowUpHeld',
          data: { interviewerId: INTERVIEWER, note: 'Study time in place', heldAt: T.followUp, recordedAt: T.followUp },
        },
        met(STAY_DEADLINES.followUp, 'AgreeStayActions', T.followUp),
      ]);
    spec
      .given(history.awaitingFollowUp())
      .when(followUp(T.followUp, ' '))
      .thenState({ status: 'follow_up_held', followUpHeldAt: T.followUp });
  });

  it('it follows the agreed actions, is held between them and now, and once', () => {
    spec.given(history.awaitingActions()).when(followUp()).thenThrows('STAY.ACTIONS_NOT_AGREED');
    spec
      .given(history.awaitingFollowUp())
      .when(followUp('2026-03-10T09:00:00.000Z'))
      .thenThrows('STAY.DATE_TOO_EARLY', 'heldAt');
    spec
      .given(history.awaitingFollowUp())
      .when(followUp('2026-04-21T09:00:00.000Z'))
      .thenThrows('STAY.DATE_IN_FUTURE', 'heldAt');
    spec.given(history.followUpHeld()).when(followUp()).thenThrows('STAY.FOLLOW_UP_ALREADY_HELD');
  });
});
