import { command, history, INTERVIEWER, LINE_MANAGER, PERSON, spec, T } from './testing/stay-fixtures';

describe('allocating the interviewer', () => {
  const allocate = (interviewerId: string) => command('AllocateStayInterviewer', { interviewerId }, T.allocated);

  it('someone from the retention team is allocated, and the interview waits to be held', () => {
    spec
      .given(history.awaitingInterviewer())
      .when(allocate(INTERVIEWER))
      .then([{ type: 'StayInterviewerAllocated', data: { interviewerId: INTERVIEWER, allocatedAt: T.allocated } }]);
    spec
      .given(history.awaitingInterviewer())
      .when(allocate(INTERVIEWER))
      .thenState({ status: 'awaiting_interview', interviewerId: INTERVIEWER });
  });

  it('never the person’s own line manager, nor the person', () => {
    spec
      .given(history.awaitingInterviewer())
      .when(allocate(LINE_MANAGER))
      .thenThrows('STAY.INTERVIEWER_IS_LINE_MANAGER', 'interviewerId');
    spec
      .given(history.awaitingInterviewer())
      .when(allocate(PERSON))
      .thenThrows('STAY.INTERVIEWER_IS_PERSON', 'interviewerId');
  });

  it('allocation needs a request and an interviewer; a second one is a reassignment', () => {
    spec.given([]).when(allocate(INTERVIEWER)).thenThrows('STAY.NOT_FOUND');
    spec.given(history.awaitingInterviewer()).when(allocate('')).thenThrows('STAY.FIELD_REQUIRED', 'interviewerId');
    spec.given(history.awaitingInterview()).when(allocate('u-other')).thenThrows('STAY.INTERVIEWER_ALREADY_ALLOCATED');
    spec.given(history.cancelled()).when(allocate(INTERVIEWER)).thenThrows('STAY.CANCELLED');
  });
});

describe('reassigning the interviewer', () => {
  const reassign = (interviewerId: string, reason = 'Interviewer on leave') =>
    command('ReassignStayInterviewer', { interviewerId, reason }, T.held);

  it('the new interviewer takes over, with the reason on record; open deadlines keep their owner', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(reassign('u-other'))
      .then([
        {
          type: 'StayInterviewerReassigned',
          data: {
            fromInterviewerId: INTERVIEWER,
            toInterviewerId: 'u-other',
            reason: 'Interviewer on leave',
            reassignedAt: T.held,
          },
        },
      ]);
    spec
      .given(history.awaitingFollowUp())
      .when(reassign('u-other'))
      .thenState(
        (state) =>
          state.status === 'awaiting_follow_up' &&
          state.interviewerId === 'u-other' &&
          state.deadlines['stay-follow-up']?.ownerId === INTERVIEWER,
      );
  });

  it('the same rules as allocation: not the line manager, not the person', () => {
    spec
      .given(history.awaitingInterview())
      .when(reassign(LINE_MANAGER))
      .thenThrows('STAY.INTERVIEWER_IS_LINE_MANAGER', 'interviewerId');
    spec
      .given(history.awaitingInterview())
      .when(reassign(PERSON))
      .thenThrows('STAY.INTERVIEWER_IS_PERSON', 'interviewerId');
  });

  it('only an allocated interview is reassigned, to someone else, for a reason', () => {
    spec.given(history.awaitingInterviewer()).when(reassign('u-other')).thenThrows('STAY.NO_INTERVIEWER');
    spec
      .given(history.awaitingInterview())
      .when(reassign(INTERVIEWER))
      .thenThrows('STAY.SAME_INTERVIEWER', 'interviewerId');
    spec.given(history.awaitingInterview()).when(reassign('u-other', ' ')).thenThrows('STAY.FIELD_REQUIRED', 'reason');
    spec.given(history.closed()).when(reassign('u-other')).thenThrows('STAY.CLOSED');
  });
});
