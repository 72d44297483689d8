import { deciderSpec } from '@casework/core/domain/testing/decider-spec';
import type { RecordStayInterview } from './commands';
import { createStayDecider } from './decider';
import { STAY_DEADLINES } from './policy';
import { calendar, command, DUE, HELD, history, met, policy, spec, T } from './testing/stay-fixtures';

describe('recording the stay interview', () => {
  const held = (overrides: Partial<RecordStayInterview['data']> = {}, now: string = T.heldRecorded) =>
    command(
      'RecordStayInterview',
      {
        heldAt: new Date(T.held),
        themes: HELD.themes,
        intentToLeave: 'considering',
        recommendations: HELD.recommendations,
        ...overrides,
      },
      now,
    );

  it('the interview records themes, intent and recommendations, and meets its deadline when it was held', () => {
    spec
      .given(history.awaitingInterview())
      .when(held())
      .then([{ type: 'StayInterviewHeld', data: HELD }, met(STAY_DEADLINES.interview, 'RequestStayInterview', T.held)]);
    spec
      .given(history.awaitingInterview())
      .when(held())
      .thenState({ status: 'awaiting_actions', interview: { themes: HELD.themes } });
  });

  it('an interview held after the deadline meets it late', () => {
    const late = '2026-03-17T10:00:00.000Z';
    spec
      .given(history.awaitingInterview())
      .when(held({ heldAt: new Date(late) }, late))
      .thenState((state) => state.status === 'awaiting_actions' && Object.keys(state.deadlines).length === 0);
    spec
      .given(history.awaitingInterview())
      .when(held({ heldAt: new Date(late) }, late))
      .then([
        { type: 'StayInterviewHeld', data: { ...HELD, heldAt: late, recordedAt: late } },
        met(STAY_DEADLINES.interview, 'RequestStayInterview', late, true),
      ]);
    expect(Date.parse(late)).toBeGreaterThan(Date.parse(DUE.interview));
  });

  it('themes come from the force’s taxonomy; an unknown one names the themes field', () => {
    spec
      .given(history.awaitingInterview())
      .when(held({ themes: ['pay', 'parking'] }))
      .thenThrows('STAY.UNKNOWN_THEME', 'themes');
    spec
      .given(history.awaitingInterview())
      .when(held({ themes: [] }))
      .thenThrows('STAY.FIELD_REQUIRED', 'themes');
    const custom = { ...policy, themes: [...policy.themes, { code: 'shift_pattern', label: 'Shift pattern' }] };
    deciderSpec(createStayDecider({ policy: custom, calendar }))
      .given(history.awaitingInterview())
      .when(held({ themes: ['shift_pattern'] }))
      .thenState({ interview: { themes: ['shift_pattern'] } });
  });

  it('a theme named twice is recorded once', () => {
    spec
      .given(history.awaitingInterview())
      .when(held({ themes: ['pay', 'workload', 'pay'] }))
      .thenState({ interview: { themes: ['pay', 'workload'] } });
  });

  it('recommendations may be none, but none may be blank', () => {
    spec
      .given(history.awaitingInterview())
      .when(held({ recommendations: [] }))
      .thenState({ interview: { recommendations: [] } });
    spec
      .given(history.awaitingInterview())
      .when(held({ recommendations: ['Mentor', ' '] }))
      .thenThrows('STAY.FIELD_REQUIRED', 'recommendations[1]');
  });

  it('it was held between the request and now', () => {
    spec
      .given(history.awaitingInterview())
      .when(held({ heldAt: new Date('2026-03-09T17:00:00.000Z') }))
      .thenThrows('STAY.DATE_IN_FUTURE', 'heldAt');
    spec
      .given(history.awaitingInterview())
      .when(held({ heldAt: new Date('2026-03-01T09:00:00.000Z') }))
      .thenThrows('STAY.DATE_TOO_EARLY', 'heldAt');
    spec
      .given(history.awaitingInterview())
      .when(held({ heldAt: new Date('nonsense') }))
      .thenThrows('STAY.INVALID_DATE', 'heldAt');
  });

  it('an interview needs an interviewer, and is recorded once', () => {
    spec.given(history.awaitingInterviewer()).when(held()).thenThrows('STAY.NO_INTERVIEWER');
    spec.given(history.awaitingActions()).when(held()).thenThrows('STAY.INTERVIEW_ALREADY_HELD');
    spec.given(history.declined()).when(held()).thenThrows('STAY.DECLINED');
    spec.given([]).when(held()).thenThrows('STAY.NOT_FOUND');
  });
});
