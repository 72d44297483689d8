import type { WelfareEvent } from './events';
import { contactLogged, OPENED } from './testing/welfare-fixtures';
import { describeWelfareEvent, type TimelineEntry } from './timeline';

const AT = '2026-03-10T15:00:00.000Z';

const cases: readonly (readonly [string, WelfareEvent, TimelineEntry])[] = [
  [
    'an opening, with the suspension',
    { type: 'WelfareCaseOpened', data: OPENED },
    {
      title: 'Welfare liaison opened (gross misconduct investigation)',
      detail: 'Alex Morgan, police officer, Response; investigation PSD-2026-017 started 2 Mar 2026; suspended',
    },
  ],
  [
    'an opening for a PCSO not suspended',
    { type: 'WelfareCaseOpened', data: { ...OPENED, employmentType: 'pcso', kind: 'complaint', suspended: false } },
    {
      title: 'Welfare liaison opened (complaint investigation)',
      detail: 'Alex Morgan, PCSO, Response; investigation PSD-2026-017 started 2 Mar 2026',
    },
  ],
  [
    'an assignment',
    { type: 'WloAssigned', data: { wloId: 'u-wlo', assignedAt: AT } },
    { title: 'Welfare liaison officer u-wlo assigned', detail: null },
  ],
  [
    'a reassignment',
    { type: 'WloReassigned', data: { fromWloId: 'u-a', toWloId: 'u-b', reason: 'On leave', reassignedAt: AT } },
    { title: 'Reassigned from WLO u-a to WLO u-b', detail: 'On leave' },
  ],
  [
    'a contact, without its concerns',
    contactLogged('c-1', '2026-06-10T13:30:00.000Z', AT, { type: 'home_visit', signposting: ['eap', 'gp'] }),
    {
      title: 'Home visit on 10 Jun 2026 14:30',
      detail: 'By WLO u-wlo; signposted to the Employee Assistance Programme, their GP',
    },
  ],
  [
    'a contact with no signposting',
    contactLogged('c-2', AT, AT, { type: 'video', signposting: [] }),
    { title: 'Video call on 10 Mar 2026 15:00', detail: 'By WLO u-wlo' },
  ],
  [
    'sick leave starting',
    { type: 'SickLeaveStarted', data: { startedAt: '2026-03-16T08:00:00.000Z', recordedAt: AT } },
    { title: 'Sickness absence began on 16 Mar 2026', detail: null },
  ],
  [
    'sick leave ending',
    { type: 'SickLeaveEnded', data: { endedAt: '2026-03-25T09:00:00.000Z', recordedAt: AT } },
    { title: 'Sickness absence ended on 25 Mar 2026', detail: null },
  ],
  [
    'a progress report',
    {
      type: 'InvestigationProgressReported',
      data: { reportNumber: 1, reportedAt: '2027-02-25T10:00:00.000Z', note: 'Awaiting IOPC', recordedAt: AT },
    },
    { title: 'Investigation progress report 1 made on 25 Feb 2027', detail: 'Awaiting IOPC' },
  ],
  [
    'the conclusion',
    {
      type: 'InvestigationConcluded',
      data: { outcome: 'No case to answer', concludedAt: '2026-06-01T10:00:00.000Z', recordedAt: AT },
    },
    { title: 'Investigation concluded on 1 Jun 2026', detail: 'No case to answer' },
  ],
  [
    'the closure',
    {
      type: 'WelfareCaseClosed',
      data: { exitPlan: 'Phased return', debriefHeldAt: '2026-06-10T10:00:00.000Z', closedAt: AT },
    },
    { title: 'Welfare liaison closed', detail: 'Debrief held on 10 Jun 2026; exit plan: Phased return' },
  ],
  [
    'an unowned contact deadline',
    {
      type: 'DeadlineScheduled',
      data: { deadlineId: 'd-1', kind: 'contact', dueAt: '2026-03-17T10:00:00.000Z', ownerId: null, ladder: [] },
    },
    { title: 'Welfare contact due by 17 Mar 2026 10:00', detail: 'Owner: the welfare coordinator' },
  ],
  [
    'a report deadline escalated',
    {
      type: 'DeadlineEscalated',
      data: {
        deadlineId: 'd-2',
        kind: 'investigation-12-month',
        level: 2,
        notify: 'team_manager',
        dueAt: '2027-03-02T09:00:00.000Z',
      },
    },
    {
      title: '12-month investigation progress report deadline escalated to the welfare coordinator',
      detail: 'Was due 2 Mar 2027 09:00',
    },
  ],
];

describe('welfare liaison timeline', () => {
  it.each(cases)('describes %s', (_name, event, expected) => {
    expect(describeWelfareEvent(event)).toEqual(expected);
  });

  it('never shows what the colleague said', () => {
    const line = describeWelfareEvent(contactLogged('c-3', AT, AT, { concerns: 'Marriage under strain' }));
    expect(JSON.stringify(line)).not.toContain('Marriage');
  });
});
