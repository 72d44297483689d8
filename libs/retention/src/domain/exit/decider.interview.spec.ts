import { command, history, INTERVIEW_DEADLINE, INTERVIEWER, spec, T, waived } from './testing/exit-fixtures';

const hold = (heldAt: string, now: string = T.interviewRecorded, summary: string | null = 'Shifts') =>
  command('RecordExitInterview', { heldAt: new Date(heldAt), summary }, now);
const decline = (reason: string | null = 'Would rather not') =>
  command('DeclineExitInterview', { reason }, T.allocated);

describe('the exit interview', () => {
  it('is recorded when it was held, by the allocated interviewer, meeting the deadline', () => {
    spec
      .given(history.surveyed())
      .when(hold(T.interviewHeld))
      .then([
        {
          type: 'ExitInterviewHeld',
          data: {
            interviewerId: INTERVIEWER,
            heldAt: T.interviewHeld,
            summary: 'Shifts',
            recordedAt: T.interviewRecorded,
          },
        },
        {
          type: 'DeadlineMet',
          data: { deadlineId: INTERVIEW_DEADLINE, kind: 'exit-interview', metAt: T.interviewHeld, late: false },
        },
      ]);
    spec.given(history.awaitingInterview()).when(hold(T.interviewHeld)).thenState({ status: 'awaiting_outcome' });
  });

  it('the survey need not come first', () => {
    spec
      .given(history.awaitingInterview())
      .when(hold(T.interviewHeld))
      .thenState({ status: 'awaiting_outcome', survey: null, interview: { outcome: 'held' } });
  });

  it('is held before the leaving date: the evening before is fine, the day itself is not', () => {
    spec
      .given(history.awaitingInterview())
      .when(hold('2026-03-26T23:59:00.000Z', '2026-03-27T08:00:00.000Z'))
      .thenState({ interview: { outcome: 'held', heldAt: '2026-03-26T23:59:00.000Z' } });
    spec
      .given(history.awaitingInterview())
      .when(hold('2026-03-27T00:00:00.000Z', '2026-03-27T08:00:00.000Z'))
      .thenThrows('EXIT.INTERVIEW_AFTER_LEAVING_DATE', 'heldAt');
  });

  it('is not recorded before it happens, nor dated before the notice', () => {
    spec
      .given(history.awaitingInterview())
      .when(hold('2026-03-10T17:00:00.000Z'))
      .thenThrows('EXIT.INTERVIEW_IN_FUTURE', 'heldAt');
    spec
      .given(history.awaitingInterview())
      .when(hold('2026-03-01T12:00:00.000Z'))
      .thenThrows('EXIT.INTERVIEW_BEFORE_NOTICE', 'heldAt');
    spec
      .given(history.awaitingInterview())
      .when(command('RecordExitInterview', { heldAt: new Date('nope'), summary: null }, T.interviewRecorded))
      .thenThrows('EXIT.INVALID_DATE', 'heldAt');
  });

  it('needs an interviewer, and is held once', () => {
    spec.given(history.notified()).when(hold(T.interviewHeld)).thenThrows('EXIT.NO_INTERVIEWER');
    spec.given(history.interviewed()).when(hold(T.interviewHeld)).thenThrows('EXIT.INTERVIEW_ALREADY_HELD');
  });

  it('may be declined, before or after allocation: recorded, and nobody chases it', () => {
    spec
      .given(history.notified())
      .when(decline())
      .then([
        { type: 'ExitInterviewDeclined', data: { reason: 'Would rather not', declinedAt: T.allocated } },
        waived('person declined the exit interview'),
      ]);
    spec
      .given(history.awaitingInterview())
      .when(decline(null))
      .thenState({ status: 'awaiting_outcome', interview: { outcome: 'declined' }, deadlines: {} });
  });

  it('a decline stands; an interview already held cannot be declined', () => {
    spec.given(history.interviewDeclined()).when(decline()).thenThrows('EXIT.INTERVIEW_DECLINED');
    spec.given(history.interviewed()).when(decline()).thenThrows('EXIT.INTERVIEW_ALREADY_HELD');
  });
});
