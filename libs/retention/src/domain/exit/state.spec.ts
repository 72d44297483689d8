import { fold } from '@casework/core/domain/decider';
import type { ExitEvent } from './events';
import { evolve, initialExitState, type ExitState } from './state';
import { history, INTERVIEW_DEADLINE, INTERVIEWER, LEAVING_DATE, NOTIFIED, T } from './testing/exit-fixtures';

const replay = (events: readonly ExitEvent[]): ExitState => fold({ evolve, initialState: initialExitState }, events);

describe('exit state', () => {
  it.each([
    ['awaiting_interviewer', history.notified()],
    ['awaiting_interview', history.awaitingInterview()],
    ['awaiting_interview', history.surveyed()],
    ['awaiting_outcome', history.interviewed()],
    ['awaiting_outcome', history.interviewDeclined()],
    ['awaiting_outcome', history.driversRecorded()],
    ['retained', history.retained()],
    ['left', history.left()],
    ['left', history.rejoined()],
  ] as const)('the story folds to %s', (status, events) => {
    expect(replay(events).status).toBe(status);
  });

  it('carries the person, the notice, the interviewer, outcomes without their answers, and the deadlines', () => {
    expect(replay(history.surveyed())).toEqual({
      status: 'awaiting_interview',
      exitId: 'exit-1',
      person: {
        personId: 'P-2001',
        name: 'Sam Taylor',
        employmentType: 'police_officer',
        department: 'Public Protection Unit',
        lineManagerId: 'u-line-manager',
        startDate: '2015-09-01',
      },
      demographics: { ageBand: '35-44', sex: 'female' },
      reason: 'resignation',
      leavingDate: LEAVING_DATE,
      optOutOfLineManager: true,
      notifiedBy: 'u-retention',
      notifiedAt: T.notified,
      interviewerId: INTERVIEWER,
      interview: null,
      survey: { outcome: 'completed', questionnaireId: 'exit-survey-v1', completedAt: T.surveyed },
      drivers: null,
      deadlines: {
        'exit-interview': expect.objectContaining({ deadlineId: INTERVIEW_DEADLINE, ownerId: null, level: 0 }),
      },
    });
  });

  it('a settled exit records how it ended', () => {
    expect(replay(history.rejoined())).toMatchObject({
      leftOn: LEAVING_DATE,
      drivers: ['flexibility', 'workload'],
      interview: { outcome: 'held', interviewerId: INTERVIEWER, heldAt: T.interviewHeld },
      rejoiner: { rejoinedAt: '2027-01-04', newPersonRecordId: 'P-3001' },
    });
    expect(replay(history.retained())).toMatchObject({ status: 'retained', retainedAt: T.withdrawn });
  });

  it('nothing but a notice applies before there is one, and a second notice changes nothing', () => {
    expect(
      replay([{ type: 'ExitInterviewerAllocated', data: { interviewerId: INTERVIEWER, allocatedAt: T.allocated } }]),
    ).toEqual({ status: 'none' });
    const second: ExitEvent = { type: 'ExitLeavingNotified', data: { ...NOTIFIED, name: 'Someone Else' } };
    const again = replay([...history.notified(), second]);
    expect(again).toMatchObject({ status: 'awaiting_interviewer', person: { name: 'Sam Taylor' } });
  });

  it('an interview recorded on a settled exit never reopens it', () => {
    const late: ExitEvent = { type: 'ExitInterviewDeclined', data: { reason: null, declinedAt: T.linked } };
    expect(replay([...history.left(), late])).toMatchObject({ status: 'left', interview: { outcome: 'declined' } });
  });
});
