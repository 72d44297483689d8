import type { RaiseSupportTask } from './commands';
import { DEFAULT_EXPOSURE_POLICY } from './exposure-policy';
import { supportTaskId, supportTaskRequest, thresholdCrossing } from './exposure-register';
import {
  command,
  EXPOSURES,
  FIRST_CONTACT_DEADLINE,
  HISTORY,
  history,
  RAISED,
  scheduled,
  spec,
  T,
  TASK_ID,
} from './testing/support-task-fixtures';

const raise = (overrides: Partial<RaiseSupportTask['data']> = {}, now: string = T.raised): RaiseSupportTask => {
  const { raisedAt: _raisedAt, ...data } = RAISED;
  return command('RaiseSupportTask', { ...data, ...overrides }, now);
};

describe('raising a proactive-support task', () => {
  it('a raised task waits, unassigned, for first contact by close of business two working days later', () => {
    spec
      .given([])
      .when(raise())
      .then([
        { type: 'SupportTaskRaised', data: RAISED },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: FIRST_CONTACT_DEADLINE,
            kind: 'first-contact',
            dueAt: '2026-03-04T17:00:00.000Z',
            ownerId: null,
            ladder: [
              { level: 1, at: '2026-03-04T17:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-05T17:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-06T17:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('a task raised on a Friday evening starts its clock on Monday: contact is due on Wednesday', () => {
    spec
      .given([])
      .when(raise({}, '2026-03-06T19:00:00.000Z'))
      .then([
        { type: 'SupportTaskRaised', data: { ...RAISED, raisedAt: '2026-03-06T19:00:00.000Z' } },
        scheduled('first-contact', 'RaiseSupportTask', '2026-03-11T17:00:00.000Z'),
      ]);
  });

  it('a threshold crossing turns straight into a task the decider accepts', () => {
    const crossing = thresholdCrossing(EXPOSURES, new Date(T.raised), DEFAULT_EXPOSURE_POLICY, []);
    if (!crossing.raise) throw new Error('expected a crossing');
    const data = supportTaskRequest(crossing, { personName: 'Alex Morgan', department: 'Roads Policing' });
    spec
      .given([])
      .when(command('RaiseSupportTask', data, T.raised))
      .thenState({ status: 'awaiting_contact', taskId: TASK_ID, triggeringExposureId: 'e-3', coordinatorId: null });
  });

  it('raising the same task again records nothing, open or closed, even with a longer history', () => {
    const longer = raise({ exposures: [...HISTORY, { ...HISTORY[2]!, exposureId: 'e-4' }] }, T.closed);
    spec.given(history.awaitingContact()).when(raise()).thenNothing();
    spec.given(history.awaitingContact()).when(longer).thenNothing();
    spec.given(history.closed()).when(raise()).thenNothing();
  });

  it('a stream holding a different task under this id refuses the raise', () => {
    spec
      .given(history.awaitingContact({ triggeringExposureId: 'e-2' }))
      .when(raise())
      .thenThrows('SUPPORT_TASK.ALREADY_EXISTS');
  });

  it('the task id must come from the person and the triggering exposure, so one crossing is one task', () => {
    spec
      .given([])
      .when(raise({ taskId: supportTaskId('P-1234', 'e-2') }))
      .thenThrows('SUPPORT_TASK.TASK_ID_MISMATCH', 'taskId');
  });

  it('the exposure history must include the triggering exposure', () => {
    spec
      .given([])
      .when(raise({ exposures: HISTORY.slice(0, 2) }))
      .thenThrows('SUPPORT_TASK.TRIGGER_NOT_IN_HISTORY', 'exposures');
  });

  it.each(['taskId', 'personId', 'personName', 'department', 'triggeringExposureId'] as const)(
    'a task needs a %s',
    (field) => {
      spec
        .given([])
        .when(raise({ [field]: ' ' }))
        .thenThrows('SUPPORT_TASK.FIELD_REQUIRED', field);
    },
  );
});
