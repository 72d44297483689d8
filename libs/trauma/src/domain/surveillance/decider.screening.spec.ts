import type { RecordScreening } from './commands';
import type { SurveillanceEvent } from './events';
import { command, due, DUE, history, idFrom, SCREENING_ID, spec, T } from './testing/surveillance-fixtures';

const screen = (data: Partial<RecordScreening['data']> = {}, now: string = T.recorded) =>
  command(
    'RecordScreening',
    { completedAt: new Date(T.screened), provider: 'external', result: 'no_concerns', ...data },
    now,
  );

const BASELINE_DEADLINE = idFrom('EnrolInSurveillance', 'screening');

describe('recording a screening', () => {
  it('a completed screening meets the deadline and the next falls due six months after it was done', () => {
    spec
      .given(history.enrolled())
      .when(screen())
      .then([
        {
          type: 'SurveillanceScreeningCompleted',
          data: {
            screeningId: SCREENING_ID,
            level: 1,
            provider: 'external',
            result: 'no_concerns',
            completedAt: T.screened,
            recordedAt: T.recorded,
          },
        },
        {
          type: 'DeadlineMet',
          data: { deadlineId: BASELINE_DEADLINE, kind: 'screening', metAt: T.screened, late: false },
        },
        {
          type: 'SurveillanceScreeningScheduled',
          data: { level: 1, dueAt: '2026-09-10T10:00:00.000Z', reason: 'screening_completed', scheduledAt: T.recorded },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('RecordScreening', 'screening'),
            kind: 'screening',
            dueAt: '2026-09-24T16:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-09-24T16:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-10-01T16:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-10-08T16:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('a screening done after the grace period meets the deadline late; the next is due from when it was done', () => {
    const late = '2026-03-20T10:00:00.000Z';
    spec
      .given(history.enrolled())
      .when(screen({ completedAt: new Date(late), result: 'follow_up_recommended' }, late))
      .then([
        {
          type: 'SurveillanceScreeningCompleted',
          data: {
            screeningId: SCREENING_ID,
            level: 1,
            provider: 'external',
            result: 'follow_up_recommended',
            completedAt: late,
            recordedAt: late,
          },
        },
        { type: 'DeadlineMet', data: { deadlineId: BASELINE_DEADLINE, kind: 'screening', metAt: late, late: true } },
        ...due('RecordScreening', 1, '2026-09-20T10:00:00.000Z', 'screening_completed', late),
      ]);
  });

  it('an early screening brings the next one forward', () => {
    const early = '2026-07-01T09:00:00.000Z';
    spec
      .given(history.screened())
      .when(screen({ completedAt: new Date(early), provider: 'internal' }, early))
      .thenState({
        nextScreening: { level: 1, dueAt: '2027-01-01T09:00:00.000Z' },
        lastScreening: { completedAt: early },
      });
  });

  it('with no deadline open (it was waived), the screening is still recorded and the next scheduled', () => {
    const waivedBaseline: SurveillanceEvent = {
      type: 'DeadlineWaived',
      data: { deadlineId: BASELINE_DEADLINE, kind: 'screening', reason: 'On maternity leave', waivedBy: 'u-1' },
    };
    spec
      .given([...history.enrolled(), waivedBaseline])
      .when(screen())
      .thenState((state) => state.status === 'enrolled' && state.nextScreening?.dueAt === DUE.afterScreening);
  });

  it('level 2 is screened by an external provider and level 3 by the internal questionnaire', () => {
    spec
      .given(history.enrolled({ level: 2 }))
      .when(screen({ provider: 'internal' }))
      .thenThrows('SURVEILLANCE.PROVIDER_NOT_ALLOWED', 'provider');
    spec
      .given(history.enrolled({ level: 3 }))
      .when(screen({ provider: 'external' }))
      .thenThrows('SURVEILLANCE.PROVIDER_NOT_ALLOWED', 'provider');
    spec
      .given(history.enrolled({ level: 3 }))
      .when(screen({ provider: 'internal' }))
      .thenState({ lastScreening: { level: 3, provider: 'internal' } });
  });

  it('a screening is recorded once it has happened, with a real date', () => {
    spec
      .given(history.enrolled())
      .when(screen({ completedAt: new Date('2026-03-11T09:00:00.001Z') }))
      .thenThrows('SURVEILLANCE.COMPLETED_IN_FUTURE', 'completedAt');
    spec
      .given(history.enrolled())
      .when(screen({ completedAt: new Date('') }))
      .thenThrows('SURVEILLANCE.INVALID_DATE', 'completedAt');
  });

  it('screenings are recorded in order: none at or before the last one on record', () => {
    spec
      .given(history.screened())
      .when(screen({}, '2026-07-01T09:00:00.000Z'))
      .thenThrows('SURVEILLANCE.SCREENING_OUT_OF_ORDER', 'completedAt');
  });

  it('no screening is recorded for a role that needs none, nor for someone who left', () => {
    spec.given(history.notRequired()).when(screen({}, T.left)).thenThrows('SURVEILLANCE.NOT_REQUIRED');
    spec.given(history.left()).when(screen({}, T.left)).thenThrows('SURVEILLANCE.LEFT');
  });
});
