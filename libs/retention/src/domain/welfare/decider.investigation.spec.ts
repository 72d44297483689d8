import type { WelfareEvent } from './events';
import { command, history, met, scheduled, spec, T } from './testing/welfare-fixtures';

const report = (reportedAt: string, note: string | null = null, commandId?: string) =>
  command('RecordInvestigationProgressReport', { reportedAt: new Date(reportedAt), note }, reportedAt, commandId);
const conclude = (concludedAt: string = T.concluded, outcome = 'No case to answer') =>
  command('RecordInvestigationConcluded', { outcome, concludedAt: new Date(concludedAt) }, concludedAt);

const FIRST_REPORT = '2027-02-25T10:00:00.000Z';
const firstReported = (): WelfareEvent[] => [
  ...history.contacted(),
  {
    type: 'InvestigationProgressReported',
    data: { reportNumber: 1, reportedAt: FIRST_REPORT, note: 'Awaiting IOPC', recordedAt: FIRST_REPORT },
  },
  met('investigation-12-month', 'cmd-OpenWelfareCase', FIRST_REPORT),
  scheduled('investigation-6-month', 'cmd-first-report', '2027-08-25T10:00:00.000Z', null),
];

describe('investigation progress reports (Police (Conduct) Regulations 2020, reg. 19)', () => {
  it('a report meets the 12-month deadline, and the next is due 6 months after it', () => {
    spec
      .given(history.contacted())
      .when(report(FIRST_REPORT, 'Awaiting IOPC', 'cmd-first-report'))
      .then(firstReported().slice(history.contacted().length));
  });

  it('each later report meets the 6-monthly deadline and schedules the next', () => {
    const second = '2027-09-01T10:00:00.000Z';
    spec
      .given(firstReported())
      .when(report(second, null, 'cmd-second-report'))
      .then([
        {
          type: 'InvestigationProgressReported',
          data: { reportNumber: 2, reportedAt: second, note: null, recordedAt: second },
        },
        met('investigation-6-month', 'cmd-first-report', second, true),
        scheduled('investigation-6-month', 'cmd-second-report', '2028-03-01T10:00:00.000Z', null),
      ]);
  });

  it('a report comes after the investigation started and after the last report', () => {
    spec
      .given(history.contacted())
      .when(report('2026-03-01T10:00:00.000Z'))
      .thenThrows('WELFARE.DATE_OUT_OF_ORDER', 'reportedAt');
    spec
      .given(firstReported())
      .when(report('2027-02-24T10:00:00.000Z'))
      .thenThrows('WELFARE.DATE_OUT_OF_ORDER', 'reportedAt');
  });

  it('a concluded investigation is not reported on', () => {
    spec
      .given(history.concluded())
      .when(report('2026-06-02T10:00:00.000Z'))
      .thenThrows('WELFARE.INVESTIGATION_CONCLUDED');
  });
});

describe('the investigation concluding', () => {
  it('within the year it meets the report deadline on time, and contact goes on', () => {
    spec
      .given(history.contacted())
      .when(conclude())
      .then(history.concluded().slice(history.contacted().length));
    spec
      .given(history.contacted())
      .when(conclude())
      .thenState((state) => state.status === 'concluded' && state.deadlines.contact !== undefined);
  });

  it('after a missed report it meets the report deadline late', () => {
    const late = '2027-04-01T10:00:00.000Z'; // the 12-month report was due 2 March 2027
    spec
      .given(history.contacted())
      .when(conclude(late))
      .then([
        { type: 'InvestigationConcluded', data: { outcome: 'No case to answer', concludedAt: late, recordedAt: late } },
        met('investigation-12-month', 'cmd-OpenWelfareCase', late, true),
      ]);
  });

  it('an investigation may conclude before a WLO is assigned; one can still be assigned', () => {
    spec.given(history.opened()).when(conclude()).thenState({ status: 'concluded', wloId: null });
    spec
      .given([...history.opened(), ...history.concluded().slice(history.contacted().length)])
      .when(command('AssignWlo', { wloId: 'u-wlo' }, '2026-06-02T10:00:00.000Z'))
      .thenState({ status: 'concluded', wloId: 'u-wlo' });
  });

  it('an investigation concludes once, with an outcome, after it started', () => {
    spec.given(history.concluded()).when(conclude()).thenThrows('WELFARE.INVESTIGATION_CONCLUDED');
    spec.given(history.contacted()).when(conclude(T.concluded, ' ')).thenThrows('WELFARE.FIELD_REQUIRED', 'outcome');
    spec
      .given(history.contacted())
      .when(conclude('2026-03-01T10:00:00.000Z'))
      .thenThrows('WELFARE.DATE_OUT_OF_ORDER', 'concludedAt');
  });
});
