import type { ExitEvent } from './events';
import { history, NOTIFIED } from './testing/exit-fixtures';
import { describeExitEvent, type TimelineEntry } from './timeline';

const AT = '2026-03-10T14:00:00.000Z';
const deadline = { deadlineId: 'd-1', kind: 'exit-interview' };

const cases: readonly (readonly [string, ExitEvent, TimelineEntry])[] = [
  [
    'a resignation with an opt-out',
    { type: 'ExitLeavingNotified', data: NOTIFIED },
    {
      title: 'Leaving notified (resignation), leaving on 27 Mar 2026',
      detail: 'Sam Taylor, police officer, Public Protection Unit; asked not to speak to their line manager',
    },
  ],
  [
    'an ill-health retirement',
    {
      type: 'ExitLeavingNotified',
      data: { ...NOTIFIED, reason: 'ill_health_retirement', optOutOfLineManager: false, employmentType: 'pcso' },
    },
    {
      title: 'Leaving notified (ill-health retirement), leaving on 27 Mar 2026',
      detail: 'Sam Taylor, PCSO, Public Protection Unit',
    },
  ],
  [
    'an allocation',
    { type: 'ExitInterviewerAllocated', data: { interviewerId: 'u-i', allocatedAt: AT } },
    { title: 'Exit interviewer u-i allocated', detail: null },
  ],
  [
    'a reallocation',
    {
      type: 'ExitInterviewerReallocated',
      data: { fromInterviewerId: 'u-i', toInterviewerId: 'u-j', reason: 'On leave', reallocatedAt: AT },
    },
    { title: 'Exit interviewer changed from u-i to u-j', detail: 'On leave' },
  ],
  [
    'a completed survey',
    {
      type: 'ExitSurveyCompleted',
      data: { questionnaireId: 'exit-survey-v1', answers: { felt_valued: 2 }, completedAt: AT },
    },
    { title: 'Exit survey completed', detail: 'Questionnaire exit-survey-v1' },
  ],
  [
    'a declined survey',
    { type: 'ExitSurveyDeclined', data: { reason: null, declinedAt: AT } },
    { title: 'Declined the exit survey', detail: null },
  ],
  [
    'an interview, on London clocks in summer',
    {
      type: 'ExitInterviewHeld',
      data: { interviewerId: 'u-i', heldAt: '2026-06-10T13:30:00.000Z', summary: 'Private', recordedAt: AT },
    },
    { title: 'Exit interview held on 10 Jun 2026 14:30', detail: 'By u-i' },
  ],
  [
    'a declined interview',
    { type: 'ExitInterviewDeclined', data: { reason: 'Would rather not', declinedAt: AT } },
    { title: 'Declined the exit interview', detail: 'Would rather not' },
  ],
  [
    'drivers',
    {
      type: 'ExitDriversRecorded',
      data: { codes: ['workload', 'bullying_harassment_discrimination'], note: 'From the interview', recordedAt: AT },
    },
    { title: 'Drivers recorded: workload, bullying harassment discrimination', detail: 'From the interview' },
  ],
  [
    'a withdrawn resignation',
    {
      type: 'ExitRetained',
      data: {
        employmentType: 'police_officer',
        department: 'Response',
        interviewHeld: true,
        note: null,
        retainedAt: AT,
      },
    },
    { title: 'Resignation withdrawn: retained', detail: null },
  ],
  [
    'leaving',
    {
      type: 'ExitLeft',
      data: {
        leavingDate: '2026-03-27',
        reason: 'transfer_out',
        lengthOfService: '2-5y',
        interviewHeld: false,
        recordedAt: AT,
      },
    },
    { title: 'Left on 27 Mar 2026 (transfer out)', detail: null },
  ],
  [
    'a rejoiner with a new record',
    { type: 'ExitRejoinerLinked', data: { rejoinedAt: '2027-01-04', newPersonRecordId: 'P-3001', linkedAt: AT } },
    { title: 'Rejoined on 4 Jan 2027', detail: 'New person record P-3001' },
  ],
  [
    'the unowned interview deadline',
    { type: 'DeadlineScheduled', data: { ...deadline, dueAt: '2026-03-27T00:00:00.000Z', ownerId: null, ladder: [] } },
    { title: 'Exit interview due by 27 Mar 2026 00:00', detail: 'Owner: the retention team' },
  ],
  [
    'an escalation',
    { type: 'DeadlineEscalated', data: { ...deadline, level: 2, notify: 'team_manager', dueAt: AT } },
    { title: 'Exit interview deadline escalated to the retention team manager', detail: 'Was due 10 Mar 2026 14:00' },
  ],
];

describe('the exit timeline', () => {
  it.each(cases)('describes %s', (_label, event, expected) => {
    expect(describeExitEvent(event)).toEqual(expected);
  });

  it('never shows demographics, survey answers or the interview summary', () => {
    const text = [...history.rejoined(), ...history.retained()]
      .map((event) => JSON.stringify(describeExitEvent(event)))
      .join('\n');
    expect(text).not.toMatch(/35-44|female|Flexible shifts|Wants more flexible|felt_valued|would_recommend/i);
  });
});
