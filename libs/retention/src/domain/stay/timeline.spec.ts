import type { StayEvent } from './events';
import { ACTIONS, HELD, REQUEST } from './testing/stay-fixtures';
import { describeStayEvent, type TimelineEntry } from './timeline';

const AT = '2026-03-03T17:00:00.000Z';

const cases: readonly (readonly [string, StayEvent, TimelineEntry])[] = [
  [
    'a self referral by a student officer',
    { type: 'StayInterviewRequested', data: REQUEST },
    {
      title: 'Stay interview requested (self referral)',
      detail:
        'Sam Patel, police officer (student), Response; requested by P-2001; intent to leave: considering. ' +
        'Struggling to balance shifts with the degree course',
    },
  ],
  [
    'a line-manager referral for a PCSO',
    {
      type: 'StayInterviewRequested',
      data: {
        ...REQUEST,
        source: 'line_manager',
        employmentType: 'pcso',
        isStudentOfficer: false,
        intentToLeave: 'actively_looking',
        requestedBy: 'u-sergeant',
      },
    },
    {
      title: 'Stay interview requested (line-manager referral)',
      detail:
        'Sam Patel, PCSO, Response; requested by u-sergeant; intent to leave: actively looking. ' +
        'Struggling to balance shifts with the degree course',
    },
  ],
  [
    'an allocation',
    { type: 'StayInterviewerAllocated', data: { interviewerId: 'u-r', allocatedAt: AT } },
    { title: 'Interviewer u-r allocated', detail: null },
  ],
  [
    'a reassignment',
    {
      type: 'StayInterviewerReassigned',
      data: { fromInterviewerId: 'u-r', toInterviewerId: 'u-s', reason: 'On leave', reassignedAt: AT },
    },
    { title: 'Reassigned from interviewer u-r to interviewer u-s', detail: 'On leave' },
  ],
  [
    'an interview, on London clocks in summer',
    {
      type: 'StayInterviewHeld',
      data: { ...HELD, themes: ['bullying_harassment_discrimination', 'pay'], heldAt: '2026-06-10T13:30:00.000Z' },
    },
    {
      title: 'Stay interview held on 10 Jun 2026 14:30',
      detail: 'Themes: bullying harassment discrimination, pay; intent to leave: considering; 1 recommendation',
    },
  ],
  [
    'agreed actions',
    { type: 'StayActionsAgreed', data: { actions: ACTIONS, agreedAt: AT } },
    {
      title: '2 actions agreed',
      detail:
        'Agree protected study time with the tutor (u-sergeant, due 31 Mar 2026); ' +
        'Refer to the student officer support network (u-retention, due 20 Mar 2026)',
    },
  ],
  [
    'a completed action',
    { type: 'StayActionCompleted', data: { actionId: 'a-1', completedAt: AT } },
    { title: 'Action a-1 done', detail: null },
  ],
  [
    'a follow-up',
    { type: 'StayFollowUpHeld', data: { interviewerId: 'u-r', note: 'Going well', heldAt: AT, recordedAt: AT } },
    { title: 'Follow-up held on 3 Mar 2026 17:00', detail: 'Going well' },
  ],
  [
    'a leaver',
    {
      type: 'StayOutcomeRecorded',
      data: { outcome: 'left', leavingDate: '2026-09-30', note: 'Joined the ambulance service', decidedAt: AT },
    },
    { title: 'Outcome: left on 30 Sep 2026', detail: 'Joined the ambulance service' },
  ],
  [
    'someone who stayed',
    { type: 'StayOutcomeRecorded', data: { outcome: 'stayed', leavingDate: null, note: null, decidedAt: AT } },
    { title: 'Outcome: stayed', detail: null },
  ],
  [
    'a decline',
    { type: 'StayInterviewDeclined', data: { reason: 'No longer needed', declinedAt: AT } },
    { title: 'Declined the stay interview', detail: 'No longer needed' },
  ],
  [
    'a withdrawal',
    { type: 'StayInterviewCancelled', data: { reason: 'Withdrawn by the person', cancelledAt: AT } },
    { title: 'Stay interview withdrawn', detail: 'Withdrawn by the person' },
  ],
  [
    'an unowned interview deadline',
    {
      type: 'DeadlineScheduled',
      data: { deadlineId: 'd-1', kind: 'stay-interview', dueAt: '2026-03-16T17:00:00.000Z', ownerId: null, ladder: [] },
    },
    { title: 'Stay interview due by 16 Mar 2026 17:00', detail: 'Owner: the retention team' },
  ],
  [
    'an escalated follow-up',
    {
      type: 'DeadlineEscalated',
      data: {
        deadlineId: 'd-2',
        kind: 'stay-follow-up',
        level: 2,
        notify: 'team_manager',
        dueAt: '2026-04-23T16:00:00.000Z',
      },
    },
    {
      title: 'Stay interview follow-up deadline escalated to the retention team manager',
      detail: 'Was due 23 Apr 2026 17:00',
    },
  ],
];

describe('the stay-interview timeline', () => {
  it.each(cases)('describes %s', (_name, event, expected) => {
    expect(describeStayEvent(event)).toEqual(expected);
  });
});
