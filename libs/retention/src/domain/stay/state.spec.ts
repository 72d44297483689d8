import type { StayEvent } from './events';
import { evolve, initialStayState, openActions, type StayState } from './state';
import { ACTIONS, history, REQUEST, T } from './testing/stay-fixtures';

const fold = (events: readonly StayEvent[]): StayState => events.reduce(evolve, initialStayState);

describe('stay-interview state', () => {
  it('each stage of the story moves the status along its path', () => {
    expect(fold(history.awaitingInterviewer()).status).toBe('awaiting_interviewer');
    expect(fold(history.awaitingInterview()).status).toBe('awaiting_interview');
    expect(fold(history.awaitingActions()).status).toBe('awaiting_actions');
    expect(fold(history.awaitingFollowUp()).status).toBe('awaiting_follow_up');
    expect(fold(history.followUpHeld()).status).toBe('follow_up_held');
    expect(fold(history.closed()).status).toBe('closed');
    expect(fold(history.declined()).status).toBe('declined');
    expect(fold(history.cancelled()).status).toBe('cancelled');
  });

  it('an ended case keeps its facts', () => {
    const closed = fold(history.closed());
    expect(closed).toMatchObject({
      status: 'closed',
      person: { personId: REQUEST.personId, isStudentOfficer: true },
      interviewerId: 'u-retention',
      outcome: { outcome: 'stayed', decidedAt: T.decided },
      deadlines: {},
    });
  });

  it('events before the request, and a second request, change nothing', () => {
    const allocated: StayEvent = {
      type: 'StayInterviewerAllocated',
      data: { interviewerId: 'u-x', allocatedAt: T.allocated },
    };
    expect(evolve(initialStayState, allocated)).toBe(initialStayState);
    const requested = fold(history.awaitingInterview());
    expect(evolve(requested, { type: 'StayInterviewRequested', data: { ...REQUEST, personId: 'other' } })).toBe(
      requested,
    );
  });

  it('open actions are those agreed and not yet done', () => {
    const done: StayEvent = {
      type: 'StayActionCompleted',
      data: { actionId: ACTIONS[1]!.actionId, completedAt: T.actionDone },
    };
    const state = fold([...history.awaitingFollowUp(), done]);
    if (state.status === 'none') throw new Error('expected a stay interview');
    expect(openActions(state).map((action) => action.actionId)).toEqual([ACTIONS[0]!.actionId]);
  });
});
