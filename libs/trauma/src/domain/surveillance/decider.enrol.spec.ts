import type { EnrolInSurveillance } from './commands';
import { command, due, ENROLMENT, history, idFrom, SCREENING_ID, spec, T } from './testing/surveillance-fixtures';

const enrol = (overrides: Partial<EnrolInSurveillance['data']> = {}, now: string = T.enrolled, commandId?: string) =>
  command(
    'EnrolInSurveillance',
    { ...ENROLMENT, enrolledAt: new Date(ENROLMENT.enrolledAt), ...overrides },
    now,
    commandId,
  );

describe('enrolling in psychological surveillance', () => {
  it('a level 1 role takes a baseline screening at once, overdue at close of business ten working days later', () => {
    spec
      .given([])
      .when(enrol())
      .then([
        { type: 'SurveillanceEnrolled', data: ENROLMENT },
        {
          type: 'SurveillanceScreeningScheduled',
          data: { level: 1, dueAt: '2026-03-02T09:00:00.000Z', reason: 'enrolment', scheduledAt: T.enrolled },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('EnrolInSurveillance', 'screening'),
            kind: 'screening',
            dueAt: '2026-03-16T17:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-16T17:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-23T17:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-30T16:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it.each([2, 3] as const)('a level %s role is first screened a year after enrolment', (level) => {
    spec
      .given([])
      .when(enrol({ level, role: 'Call Handler', department: 'Force Contact' }))
      .then([
        {
          type: 'SurveillanceEnrolled',
          data: { ...ENROLMENT, level, role: 'Call Handler', department: 'Force Contact' },
        },
        ...due('EnrolInSurveillance', level, '2027-03-02T09:00:00.000Z', 'enrolment', T.enrolled),
      ]);
  });

  it('a back-dated enrolment counts from when the person took up the role', () => {
    spec
      .given([])
      .when(enrol({ level: 3, enrolledAt: new Date('2025-11-03T09:00:00.000Z') }))
      .thenState({ status: 'enrolled', level: 3, nextScreening: { level: 3, dueAt: '2026-11-03T09:00:00.000Z' } });
  });

  it('someone already on the register is not enrolled twice, whether screened or not', () => {
    spec.given(history.enrolled()).when(enrol()).thenThrows('SURVEILLANCE.ALREADY_ENROLLED');
    spec.given(history.notRequired()).when(enrol()).thenThrows('SURVEILLANCE.ALREADY_ENROLLED');
  });

  it('someone who left can enrol again on the same record, keeping their screening history', () => {
    const back = '2026-06-01T09:00:00.000Z';
    spec
      .given(history.left())
      .when(enrol({ enrolledAt: new Date(back), role: 'Covert Online Investigator' }, back, 'cmd-re-enrol'))
      .thenState({
        status: 'enrolled',
        role: 'Covert Online Investigator',
        enrolledAt: back,
        lastScreening: { screeningId: SCREENING_ID, completedAt: T.screened },
        nextScreening: { level: 1, dueAt: back },
      });
  });

  it('the record is one person’s: re-enrolling someone else on it is refused', () => {
    spec
      .given(history.left())
      .when(enrol({ personId: 'P-9999' }))
      .thenThrows('SURVEILLANCE.WRONG_PERSON', 'personId');
  });

  it.each(['personId', 'personName', 'department', 'role'] as const)('an enrolment needs a %s', (field) => {
    spec
      .given([])
      .when(enrol({ [field]: '' }))
      .thenThrows('SURVEILLANCE.FIELD_REQUIRED', field);
  });

  it('an enrolment needs a real date', () => {
    spec
      .given([])
      .when(enrol({ enrolledAt: new Date('not a date') }))
      .thenThrows('SURVEILLANCE.INVALID_DATE', 'enrolledAt');
  });
});
