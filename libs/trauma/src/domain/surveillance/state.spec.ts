import { fold } from '@casework/core/domain/decider';
import type { SurveillanceEvent } from './events';
import { surveillanceId, surveillanceStreamId } from './events';
import { evolveSurveillance, initialSurveillanceState, type SurveillanceState } from './state';
import { DUE, ENROLMENT, history, idFrom, PERSON_ID, SCREENING_ID, T } from './testing/surveillance-fixtures';

const replay = (events: readonly SurveillanceEvent[]): SurveillanceState =>
  fold({ evolve: evolveSurveillance, initialState: initialSurveillanceState }, events);

describe('surveillance state', () => {
  it.each([
    ['enrolled', history.enrolled()],
    ['enrolled', history.screened()],
    ['not_required', history.notRequired()],
    ['left', history.left()],
  ] as const)('folds to %s', (status, events) => {
    expect(replay(events).status).toBe(status);
  });

  it('carries the person, their level, the last screening, the next due date and its deadline', () => {
    expect(replay(history.screened())).toEqual({
      status: 'enrolled',
      personId: PERSON_ID,
      personName: 'Sam Patel',
      department: 'Online Child Sexual Exploitation Team',
      role: 'Digital Media Investigator',
      level: 1,
      enrolledAt: T.enrolled,
      lastScreening: {
        screeningId: SCREENING_ID,
        level: 1,
        provider: 'external',
        result: 'no_concerns',
        completedAt: T.screened,
      },
      nextScreening: { level: 1, dueAt: DUE.afterScreening },
      deadlines: {
        screening: expect.objectContaining({
          deadlineId: idFrom('RecordScreening', 'screening'),
          dueAt: '2026-09-24T16:00:00.000Z',
          level: 0,
        }),
      },
    });
  });

  it('someone who left keeps their last level and says why they left', () => {
    expect(replay(history.left())).toMatchObject({
      status: 'left',
      level: 1,
      nextScreening: null,
      departure: { reason: 'Left the force', leftAt: T.left },
    });
    expect(replay(history.left())).toHaveProperty('deadlines', {});
  });

  it('ignores what cannot apply: events before an enrolment, and a second enrolment', () => {
    const screened = history.screened();
    expect(replay(screened.slice(1))).toEqual({ status: 'none' });
    const twice = [
      ...screened,
      { type: 'SurveillanceEnrolled', data: { ...ENROLMENT, level: 3 } } as SurveillanceEvent,
    ];
    expect(replay(twice)).toEqual(replay(screened));
  });

  it('each person has one stream for good, named by a UUID derived from their person id', () => {
    expect(surveillanceStreamId('force-a', PERSON_ID)).toBe(`surveillance-${surveillanceId('force-a', PERSON_ID)}`);
    expect(surveillanceId('force-a', PERSON_ID)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(surveillanceId('force-a', 'P-2002')).not.toBe(surveillanceId('force-a', PERSON_ID));
    expect(surveillanceId('force-b', PERSON_ID)).not.toBe(surveillanceId('force-a', PERSON_ID));
  });
});
