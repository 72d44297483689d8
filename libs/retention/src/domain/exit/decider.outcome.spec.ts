import type { ExitEvent } from './events';
import { command, history, LEAVING_DATE, spec, T, waived } from './testing/exit-fixtures';

const withdraw = (now: string = T.withdrawn, note: string | null = 'Stays on flexible shifts') =>
  command('WithdrawResignation', { note }, now);
const leave = (leavingDate: string | null = null, now: string = T.left) =>
  command('RecordLeft', { leavingDate }, now);
const rejoin = (rejoinedAt: string, newPersonRecordId?: string | null, now: string = T.linked) =>
  command('LinkRejoiner', { rejoinedAt, newPersonRecordId }, now);

describe('a resignation withdrawn: retained', () => {
  it('the person stays; the event carries what the retention report needs', () => {
    spec
      .given(history.interviewed())
      .when(withdraw())
      .then([
        {
          type: 'ExitRetained',
          data: {
            employmentType: 'police_officer',
            department: 'Public Protection Unit',
            interviewHeld: true,
            note: 'Stays on flexible shifts',
            retainedAt: T.withdrawn,
          },
        },
      ]);
  });

  it('before the interview, the open deadline is waived', () => {
    spec
      .given(history.awaitingInterview())
      .when(withdraw(T.withdrawn, null))
      .then([
        {
          type: 'ExitRetained',
          data: {
            employmentType: 'police_officer',
            department: 'Public Protection Unit',
            interviewHeld: false,
            note: null,
            retainedAt: T.withdrawn,
          },
        },
        waived('resignation withdrawn'),
      ]);
  });

  it('only a resignation, and only before the leaving date', () => {
    spec.given(history.notified({ reason: 'retirement' })).when(withdraw()).thenThrows('EXIT.NOT_A_RESIGNATION');
    spec.given(history.interviewed()).when(withdraw('2026-03-26T23:59:00.000Z')).thenState({ status: 'retained' });
    spec.given(history.interviewed()).when(withdraw('2026-03-27T00:00:00.000Z')).thenThrows('EXIT.LEAVING_DATE_PASSED');
  });

  it('once retained, the exit is settled', () => {
    spec.given(history.retained()).when(withdraw()).thenThrows('EXIT.RETAINED');
    spec.given(history.retained()).when(leave()).thenThrows('EXIT.RETAINED');
  });
});

describe('leaving', () => {
  it('records the final leaving date, the reason and the length of service', () => {
    spec
      .given(history.driversRecorded())
      .when(leave())
      .then([
        {
          type: 'ExitLeft',
          data: {
            leavingDate: LEAVING_DATE,
            reason: 'resignation',
            lengthOfService: '10-20y',
            interviewHeld: true,
            recordedAt: T.left,
          },
        },
      ]);
  });

  it('without an interview, the missed deadline is waived', () => {
    spec
      .given(history.awaitingInterview())
      .when(leave())
      .then([
        {
          type: 'ExitLeft',
          data: {
            leavingDate: LEAVING_DATE,
            reason: 'resignation',
            lengthOfService: '10-20y',
            interviewHeld: false,
            recordedAt: T.left,
          },
        },
        waived(`person left on ${LEAVING_DATE}`),
      ]);
  });

  it('the final date may differ from the one notified', () => {
    spec
      .given(history.interviewed())
      .when(leave('2026-03-13', '2026-03-16T09:00:00.000Z'))
      .thenState({ status: 'left', leftOn: '2026-03-13', leavingDate: LEAVING_DATE });
  });

  it('is recorded on or after the leaving date, which is not before the notice', () => {
    const given = history.interviewed();
    const eveningBefore = '2026-03-26T23:00:00.000Z';
    spec.given(given).when(leave(null, eveningBefore)).thenThrows('EXIT.LEAVING_DATE_IN_FUTURE', 'leavingDate');
    spec.given(given).when(leave('2026-03-01')).thenThrows('EXIT.LEAVING_DATE_BEFORE_NOTICE', 'leavingDate');
    spec.given(given).when(leave('27/03/2026')).thenThrows('EXIT.INVALID_DATE', 'leavingDate');
    spec.given(history.left()).when(leave()).thenThrows('EXIT.LEFT');
  });
});

describe('a leaver who rejoins', () => {
  const linked = (rejoinedAt: string, newPersonRecordId: string | null): ExitEvent => ({
    type: 'ExitRejoinerLinked',
    data: { rejoinedAt, newPersonRecordId, linkedAt: T.linked },
  });

  it('is linked to the exit they left by', () => {
    spec.given(history.left()).when(rejoin('2027-01-04', 'P-3001')).then([linked('2027-01-04', 'P-3001')]);
    spec.given(history.left()).when(rejoin('2027-01-04')).then([linked('2027-01-04', null)]);
    spec
      .given(history.left())
      .when(rejoin('2027-01-04', 'P-3001'))
      .thenState({ status: 'left', rejoiner: { rejoinedAt: '2027-01-04', newPersonRecordId: 'P-3001' } });
  });

  it('linking the same rejoining again changes nothing; a different one is a conflict', () => {
    spec.given(history.rejoined()).when(rejoin('2027-01-04', 'P-3001')).thenNothing();
    spec.given(history.rejoined()).when(rejoin('2027-01-05', 'P-3001')).thenThrows('EXIT.REJOINER_ALREADY_LINKED');
    spec.given(history.rejoined()).when(rejoin('2027-01-04')).thenThrows('EXIT.REJOINER_ALREADY_LINKED');
  });

  it('rejoining comes after leaving, and has happened', () => {
    spec.given(history.left()).when(rejoin(LEAVING_DATE)).thenThrows('EXIT.REJOINED_BEFORE_LEAVING', 'rejoinedAt');
    spec.given(history.left()).when(rejoin('2027-02-01')).thenThrows('EXIT.REJOINED_IN_FUTURE', 'rejoinedAt');
    spec.given(history.left()).when(rejoin('2027-13-01')).thenThrows('EXIT.INVALID_DATE', 'rejoinedAt');
  });

  it('only someone who left can rejoin', () => {
    spec.given(history.interviewed()).when(rejoin('2027-01-04')).thenThrows('EXIT.NOT_LEFT');
    spec.given(history.retained()).when(rejoin('2027-01-04')).thenThrows('EXIT.NOT_LEFT');
    spec.given([]).when(rejoin('2027-01-04')).thenThrows('EXIT.NOT_FOUND');
  });
});
