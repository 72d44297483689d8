import type { WelfareEvent } from './events';
import {
  ACTOR,
  command,
  DUE,
  history,
  idFrom,
  scheduled,
  spec,
  T,
  WLO,
} from './testing/welfare-fixtures';

const start = (startedAt: string = T.sickLeaveStarted, now: string = T.sickLeaveRecorded) =>
  command('RecordSickLeaveStarted', { startedAt: new Date(startedAt) }, now);
const end = (endedAt: string, now: string = endedAt) =>
  command('RecordSickLeaveEnded', { endedAt: new Date(endedAt) }, now);

describe('sick leave starting', () => {
  it('brings the next contact forward to 7 days from its start, and expects a home visit in 5 working days', () => {
    spec
      .given(history.contacted())
      .when(start())
      .then(history.onSickLeave().slice(history.contacted().length));
    spec.given(history.contacted()).when(start()).thenState({ sickLeaveSince: T.sickLeaveStarted });
  });

  it('never pushes a sooner contact later', () => {
    // The next contact is due 24 March; sick leave from 20 March would make it 27 March.
    spec
      .given(history.contacted())
      .when(start('2026-03-20T08:00:00.000Z', '2026-03-20T09:00:00.000Z'))
      .then([
        {
          type: 'SickLeaveStarted',
          data: { startedAt: '2026-03-20T08:00:00.000Z', recordedAt: '2026-03-20T09:00:00.000Z' },
        },
        scheduled('home-visit', 'cmd-RecordSickLeaveStarted', '2026-03-27T17:00:00.000Z', WLO),
      ]);
  });

  it('before a WLO is assigned, the shortened contact and the home visit are the coordinator’s', () => {
    spec
      .given(history.opened())
      .when(start('2026-03-05T08:00:00.000Z', '2026-03-05T09:00:00.000Z'))
      .then([
        {
          type: 'SickLeaveStarted',
          data: { startedAt: '2026-03-05T08:00:00.000Z', recordedAt: '2026-03-05T09:00:00.000Z' },
        },
        scheduled('contact', 'cmd-RecordSickLeaveStarted', '2026-03-12T08:00:00.000Z', null),
        scheduled('home-visit', 'cmd-RecordSickLeaveStarted', '2026-03-12T17:00:00.000Z', null),
      ]);
  });

  it('sick leave starts once, and has started by the time it is recorded', () => {
    spec.given(history.onSickLeave()).when(start()).thenThrows('WELFARE.ALREADY_ON_SICK_LEAVE');
    spec
      .given(history.contacted())
      .when(start('2026-03-16T09:00:01.000Z'))
      .thenThrows('WELFARE.DATE_IN_FUTURE', 'startedAt');
    spec.given(history.closed()).when(start()).thenThrows('WELFARE.CLOSED');
  });
});

describe('sick leave ending', () => {
  it('a home visit not yet made is no longer expected; the open contact keeps its date', () => {
    const ended = '2026-03-18T09:00:00.000Z';
    spec
      .given(history.onSickLeave())
      .when(end(ended))
      .then([
        { type: 'SickLeaveEnded', data: { endedAt: ended, recordedAt: ended } },
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: idFrom('cmd-RecordSickLeaveStarted', 'home-visit'),
            kind: 'home-visit',
            reason: 'sick leave ended before a home visit',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
    spec
      .given(history.onSickLeave())
      .when(end(ended))
      .thenState((state) => {
        if (state.status !== 'active') return false;
        return state.sickLeaveSince === null && state.deadlines.contact?.dueAt === DUE.contactOnSickLeave;
      });
  });

  it('after the home visit, ending sick leave is recorded alone, and contact returns to every 14 days', () => {
    const ended = '2026-03-25T09:00:00.000Z';
    const endedEvent: WelfareEvent = { type: 'SickLeaveEnded', data: { endedAt: ended, recordedAt: ended } };
    spec.given(history.homeVisited()).when(end(ended)).then([endedEvent]);
    const called = '2026-03-25T10:00:00.000Z';
    const call = command(
      'LogWelfareContact',
      { contactedAt: new Date(called), type: 'phone', concerns: null, signposting: [] },
      called,
      'cmd-call',
    );
    spec
      .given([...history.homeVisited(), endedEvent])
      .when(call)
      .thenState((state) => state.status === 'active' && state.deadlines.contact?.dueAt === '2026-04-08T10:00:00.000Z');
  });

  it('only sick leave that started can end, after it started', () => {
    spec.given(history.contacted()).when(end('2026-03-18T09:00:00.000Z')).thenThrows('WELFARE.NOT_ON_SICK_LEAVE');
    spec
      .given(history.onSickLeave())
      .when(end('2026-03-16T07:59:00.000Z', '2026-03-18T09:00:00.000Z'))
      .thenThrows('WELFARE.DATE_OUT_OF_ORDER', 'endedAt');
  });
});
