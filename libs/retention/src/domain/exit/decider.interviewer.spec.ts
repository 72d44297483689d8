import { command, history, INTERVIEWER, LINE_MANAGER, spec, T } from './testing/exit-fixtures';

const allocate = (interviewerId: string) => command('AllocateExitInterviewer', { interviewerId }, T.allocated);
const reallocate = (interviewerId: string, reason = 'On leave that week') =>
  command('ReallocateExitInterviewer', { interviewerId, reason }, T.surveyed);

describe('allocating the exit interviewer', () => {
  it('an interviewer is allocated, and the exit awaits the interview', () => {
    spec
      .given(history.notified())
      .when(allocate(INTERVIEWER))
      .then([{ type: 'ExitInterviewerAllocated', data: { interviewerId: INTERVIEWER, allocatedAt: T.allocated } }]);
    spec.given(history.notified()).when(allocate(INTERVIEWER)).thenState({ status: 'awaiting_interview' });
  });

  it('never the line manager the person opted out of', () => {
    spec
      .given(history.notified())
      .when(allocate(LINE_MANAGER))
      .thenThrows('EXIT.INTERVIEWER_IS_LINE_MANAGER', 'interviewerId');
  });

  it('the line manager may interview someone who did not opt out', () => {
    spec
      .given(history.notified({ optOutOfLineManager: false }))
      .when(allocate(LINE_MANAGER))
      .thenState({ interviewerId: LINE_MANAGER });
  });

  it('one interviewer at a time, only while the interview is ahead', () => {
    spec.given(history.awaitingInterview()).when(allocate('u-other')).thenThrows('EXIT.INTERVIEWER_ALREADY_ALLOCATED');
    spec.given(history.interviewDeclined()).when(allocate(INTERVIEWER)).thenThrows('EXIT.INTERVIEW_DECLINED');
    spec.given(history.left()).when(allocate(INTERVIEWER)).thenThrows('EXIT.LEFT');
    spec.given([]).when(allocate(INTERVIEWER)).thenThrows('EXIT.NOT_FOUND');
    spec.given(history.notified()).when(allocate('')).thenThrows('EXIT.FIELD_REQUIRED', 'interviewerId');
  });
});

describe('reallocating the exit interviewer', () => {
  it('hands the interview to someone else, with a reason', () => {
    spec
      .given(history.awaitingInterview())
      .when(reallocate('u-other'))
      .then([
        {
          type: 'ExitInterviewerReallocated',
          data: {
            fromInterviewerId: INTERVIEWER,
            toInterviewerId: 'u-other',
            reason: 'On leave that week',
            reallocatedAt: T.surveyed,
          },
        },
      ]);
  });

  it('refuses the line manager opted out of, the same interviewer, or no reason', () => {
    spec
      .given(history.awaitingInterview())
      .when(reallocate(LINE_MANAGER))
      .thenThrows('EXIT.INTERVIEWER_IS_LINE_MANAGER', 'interviewerId');
    const given = history.awaitingInterview();
    spec.given(given).when(reallocate(INTERVIEWER)).thenThrows('EXIT.SAME_INTERVIEWER', 'interviewerId');
    spec.given(given).when(reallocate('u-other', ' ')).thenThrows('EXIT.FIELD_REQUIRED', 'reason');
  });

  it('needs an interviewer to replace, and an interview still ahead', () => {
    spec.given(history.notified()).when(reallocate('u-other')).thenThrows('EXIT.NO_INTERVIEWER');
    spec.given(history.interviewed()).when(reallocate('u-other')).thenThrows('EXIT.INTERVIEW_ALREADY_HELD');
  });
});
