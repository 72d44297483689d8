import type { RecordContact } from './commands';
import { COORDINATOR, command, FIRST_CONTACT_DUE, history, met, spec, T } from './testing/support-task-fixtures';

describe('assigning a coordinator', () => {
  const assign = (coordinatorId: string) => command('AssignCoordinator', { coordinatorId }, T.assigned);

  it('a task is assigned to a coordinator', () => {
    spec
      .given(history.awaitingContact())
      .when(assign(COORDINATOR))
      .then([
        {
          type: 'SupportTaskCoordinatorAssigned',
          data: { fromCoordinatorId: null, coordinatorId: COORDINATOR, assignedAt: T.assigned },
        },
      ]);
  });

  it('a task can be reassigned at any open stage, and says from whom', () => {
    spec
      .given(history.offered())
      .when(assign('u-other'))
      .then([
        {
          type: 'SupportTaskCoordinatorAssigned',
          data: { fromCoordinatorId: COORDINATOR, coordinatorId: 'u-other', assignedAt: T.assigned },
        },
      ]);
  });

  it('assigning the same coordinator again, or nobody, is refused', () => {
    spec
      .given(history.assigned())
      .when(assign(COORDINATOR))
      .thenThrows('SUPPORT_TASK.SAME_COORDINATOR', 'coordinatorId');
    spec.given(history.awaitingContact()).when(assign('  ')).thenThrows('SUPPORT_TASK.FIELD_REQUIRED', 'coordinatorId');
  });
});

describe('recording contact', () => {
  const contact = (data: Partial<RecordContact['data']> = {}, now: string = T.contacted) =>
    command(
      'RecordContact',
      { method: 'in_person', reached: true, note: 'Met at the start of late shift', ...data },
      now,
    );

  it('reaching the person meets the first-contact deadline', () => {
    spec
      .given(history.assigned())
      .when(contact())
      .then([
        {
          type: 'SupportTaskContactRecorded',
          data: {
            method: 'in_person',
            reached: true,
            note: 'Met at the start of late shift',
            contactedAt: T.contacted,
          },
        },
        met(T.contacted),
      ]);
  });

  it('reaching the person after the due time meets the deadline late', () => {
    spec
      .given(history.assigned())
      .when(contact({ method: 'telephone', note: null }, '2026-03-05T09:00:00.000Z'))
      .then([
        {
          type: 'SupportTaskContactRecorded',
          data: { method: 'telephone', reached: true, note: null, contactedAt: '2026-03-05T09:00:00.000Z' },
        },
        met('2026-03-05T09:00:00.000Z', true),
      ]);
  });

  it('an attempt that did not reach the person is on record, but the clock keeps running', () => {
    spec
      .given(history.assigned())
      .when(contact({ method: 'telephone', reached: false, note: 'No answer' }, T.attempted))
      .then([
        {
          type: 'SupportTaskContactRecorded',
          data: { method: 'telephone', reached: false, note: 'No answer', contactedAt: T.attempted },
        },
      ]);
    spec
      .given(history.attempted())
      .when(contact())
      .thenState({ status: 'in_contact', contactCount: 2, firstReachedAt: T.contacted });
    spec
      .given(history.attempted())
      .when(contact())
      .thenState((state) => state.status === 'in_contact' && Object.keys(state.deadlines).length === 0);
  });

  it('later contacts are recorded without touching deadlines, and a blank note is no note', () => {
    spec
      .given(history.offered())
      .when(contact({ method: 'video', note: '  ' }, T.responded))
      .then([
        {
          type: 'SupportTaskContactRecorded',
          data: { method: 'video', reached: true, note: null, contactedAt: T.responded },
        },
      ]);
  });

  it('contact is the coordinator’s: none before one is assigned', () => {
    spec.given(history.awaitingContact()).when(contact()).thenThrows('SUPPORT_TASK.NOT_ASSIGNED');
  });

  it('the first-contact deadline is the one the ledger tracks', () => {
    spec
      .given(history.assigned())
      .when(contact({ reached: false }, T.attempted))
      .thenState(
        (state) => state.status === 'awaiting_contact' && state.deadlines['first-contact']?.dueAt === FIRST_CONTACT_DUE,
      );
  });
});
