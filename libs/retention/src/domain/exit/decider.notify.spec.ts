import type { NotifyLeaving } from './commands';
import { command, interviewDeadline, NOTICE, NOTIFIED, spec, T } from './testing/exit-fixtures';

const notify = (data: Partial<NotifyLeaving['data']> = {}, now: string = T.notified) =>
  command('NotifyLeaving', { ...NOTICE, ...data }, now);
const person = (changes: Partial<NotifyLeaving['data']['person']>) => ({ person: { ...NOTICE.person, ...changes } });

describe('notifying that someone is leaving', () => {
  it('records the person, what reports need, and starts the exit interview clock', () => {
    spec.given([]).when(notify()).then([{ type: 'ExitLeavingNotified', data: NOTIFIED }, interviewDeadline()]);
  });

  it('waits for an interviewer, unowned until one is allocated', () => {
    spec
      .given([])
      .when(notify())
      .thenState({
        status: 'awaiting_interviewer',
        interviewerId: null,
        deadlines: { 'exit-interview': { ownerId: null } },
      });
  });

  it('records only the demographics the person chose to give, "prefer not to say" included', () => {
    spec
      .given([])
      .when(notify({ demographics: { ethnicity: 'prefer_not_to_say', sex: undefined } }))
      .thenState({ demographics: { ethnicity: 'prefer_not_to_say' } });
    spec.given([]).when(notify({ demographics: {} })).thenState({ demographics: {} });
  });

  it('refuses a demographic code outside its list, or a field not recorded here', () => {
    const odd = (demographics: unknown) => notify({ demographics } as Partial<NotifyLeaving['data']>);
    spec.given([]).when(odd({ ageBand: '40' })).thenThrows('EXIT.UNKNOWN_CODE', 'demographics.ageBand');
    spec.given([]).when(odd({ religion: 'none' })).thenThrows('EXIT.UNKNOWN_CODE', 'demographics.religion');
  });

  it('a notice on the leaving date itself leaves no day for an interview, so no deadline', () => {
    spec
      .given([])
      .when(notify({ leavingDate: '2026-03-02' }))
      .then([{ type: 'ExitLeavingNotified', data: { ...NOTIFIED, leavingDate: '2026-03-02' } }]);
  });

  it('the leaving date is a real date, not before the notice (on London clocks) nor the start of service', () => {
    spec.given([]).when(notify({ leavingDate: '2026-02-30' })).thenThrows('EXIT.INVALID_DATE', 'leavingDate');
    spec
      .given([])
      .when(notify({ leavingDate: '2026-03-01' }))
      .thenThrows('EXIT.LEAVING_DATE_BEFORE_NOTICE', 'leavingDate');
    // 23:30 UTC on 31 May is already 1 June in London (BST)
    spec
      .given([])
      .when(notify({ leavingDate: '2026-05-31' }, '2026-05-31T23:30:00.000Z'))
      .thenThrows('EXIT.LEAVING_DATE_BEFORE_NOTICE', 'leavingDate');
    spec
      .given([])
      .when(notify({ ...person({ startDate: '2026-04-01' }) }))
      .thenThrows('EXIT.LEAVING_BEFORE_START', 'leavingDate');
  });

  it('an opt-out needs the line manager it is about', () => {
    spec
      .given([])
      .when(notify(person({ lineManagerId: null })))
      .thenThrows('EXIT.FIELD_REQUIRED', 'person.lineManagerId');
    spec
      .given([])
      .when(notify({ ...person({ lineManagerId: null }), optOutOfLineManager: false }))
      .thenState({ person: { lineManagerId: null }, optOutOfLineManager: false });
  });

  it('names the missing or unknown person field', () => {
    spec.given([]).when(notify(person({ name: ' ' }))).thenThrows('EXIT.FIELD_REQUIRED', 'person.name');
    spec
      .given([])
      .when(notify(person({ startDate: '1 Sep 2015' })))
      .thenThrows('EXIT.INVALID_DATE', 'person.startDate');
    spec
      .given([])
      .when(notify(person({ employmentType: 'contractor' as never })))
      .thenThrows('EXIT.UNKNOWN_CODE', 'person.employmentType');
    spec.given([]).when(notify({ reason: 'redundancy' as never })).thenThrows('EXIT.UNKNOWN_CODE', 'reason');
  });

  it('an exit is notified once', () => {
    spec.given([{ type: 'ExitLeavingNotified', data: NOTIFIED }]).when(notify()).thenThrows('EXIT.ALREADY_NOTIFIED');
  });
});
