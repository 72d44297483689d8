import type { RecordStayOutcome } from './commands';
import { STAY_DEADLINES } from './policy';
import { command, history, spec, T, waived } from './testing/stay-fixtures';

describe('recording whether the person stayed', () => {
  const outcome = (data: Partial<RecordStayOutcome['data']> = {}) =>
    command('RecordStayOutcome', { outcome: 'stayed', leavingDate: null, note: null, ...data }, T.decided);

  it('months after the follow-up, the person stayed: the case closes', () => {
    spec
      .given(history.followUpHeld())
      .when(outcome({ note: 'Transferred to days' }))
      .then([
        {
          type: 'StayOutcomeRecorded',
          data: { outcome: 'stayed', leavingDate: null, note: 'Transferred to days', decidedAt: T.decided },
        },
      ]);
    spec
      .given(history.followUpHeld())
      .when(outcome())
      .thenState({ status: 'closed', outcome: { outcome: 'stayed' } });
  });

  it('the person left, on a leaving date; the follow-up no longer due is waived', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(outcome({ outcome: 'left', leavingDate: '2026-04-17' }))
      .then([
        {
          type: 'StayOutcomeRecorded',
          data: { outcome: 'left', leavingDate: '2026-04-17', note: null, decidedAt: T.decided },
        },
        waived(STAY_DEADLINES.followUp, 'AgreeStayActions', 'stay interview closed: the person left'),
      ]);
  });

  it('an outcome may come straight after the interview, with no actions agreed', () => {
    spec.given(history.awaitingActions()).when(outcome()).thenState({ status: 'closed' });
  });

  it('a leaver has a leaving date; someone who stayed has none', () => {
    spec
      .given(history.followUpHeld())
      .when(outcome({ outcome: 'left' }))
      .thenThrows('STAY.FIELD_REQUIRED', 'leavingDate');
    spec
      .given(history.followUpHeld())
      .when(outcome({ outcome: 'left', leavingDate: '2026-13-01' }))
      .thenThrows('STAY.INVALID_DATE', 'leavingDate');
    spec
      .given(history.followUpHeld())
      .when(outcome({ leavingDate: '2026-04-17' }))
      .thenThrows('STAY.LEAVING_DATE_NOT_ALLOWED', 'leavingDate');
  });

  it('an outcome follows the interview, and is recorded once', () => {
    spec.given(history.awaitingInterview()).when(outcome()).thenThrows('STAY.INTERVIEW_NOT_HELD');
    spec.given(history.closed()).when(outcome()).thenThrows('STAY.CLOSED');
  });
});

describe('declining the stay interview', () => {
  const decline = (reason = 'Sorted it out with the tutor') => command('DeclineStayInterview', { reason }, T.held);

  it('the person says no before the interview: the case ends and its deadline is waived', () => {
    spec.given(history.awaitingInterview()).when(decline()).then(history.declined().slice(-2));
    spec.given(history.awaitingInterview()).when(decline()).thenState({ status: 'declined', deadlines: {} });
  });

  it('a decline needs a reason, and comes before the interview', () => {
    spec.given(history.awaitingInterviewer()).when(decline(' ')).thenThrows('STAY.FIELD_REQUIRED', 'reason');
    spec.given(history.awaitingActions()).when(decline()).thenThrows('STAY.INTERVIEW_ALREADY_HELD');
    spec.given(history.declined()).when(decline()).thenThrows('STAY.DECLINED');
  });
});

describe('withdrawing a stay interview', () => {
  const cancel = (reason = 'Withdrawn by the person', now: string = T.allocated) =>
    command('CancelStayInterview', { reason }, now);

  it('withdrawn at any open stage, waiving whatever is due', () => {
    spec.given(history.awaitingInterviewer()).when(cancel()).then(history.cancelled().slice(-2));
    spec
      .given(history.awaitingFollowUp())
      .when(cancel('Changed their mind', T.actionDone))
      .then([
        { type: 'StayInterviewCancelled', data: { reason: 'Changed their mind', cancelledAt: T.actionDone } },
        waived(STAY_DEADLINES.followUp, 'AgreeStayActions', 'stay interview withdrawn'),
      ]);
  });

  it('a withdrawal needs a reason and an open case', () => {
    spec.given(history.awaitingInterviewer()).when(cancel('')).thenThrows('STAY.FIELD_REQUIRED', 'reason');
    spec.given(history.cancelled()).when(cancel()).thenThrows('STAY.CANCELLED');
    spec.given(history.closed()).when(cancel()).thenThrows('STAY.CLOSED');
    spec.given([]).when(cancel()).thenThrows('STAY.NOT_FOUND');
  });
});
