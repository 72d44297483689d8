import type { SurveillanceEvent } from './events';
import { describeSurveillanceEvent, type TimelineEntry } from './timeline';
import { ENROLMENT } from './testing/surveillance-fixtures';

const AT = '2026-09-24T16:00:00.000Z';
const deadline = { deadlineId: 'd-1', kind: 'screening' };

const cases: readonly (readonly [string, SurveillanceEvent, TimelineEntry])[] = [
  [
    'an enrolment',
    { type: 'SurveillanceEnrolled', data: ENROLMENT },
    {
      title: 'Enrolled in psychological surveillance at level 1',
      detail: 'Sam Patel, Digital Media Investigator, Online Child Sexual Exploitation Team',
    },
  ],
  [
    'a screening falling due, on the London calendar',
    {
      type: 'SurveillanceScreeningScheduled',
      data: { level: 2, dueAt: '2027-03-09T23:30:00.000Z', reason: 'screening_completed', scheduledAt: AT },
    },
    { title: 'Level 2 screening due 9 Mar 2027', detail: 'Next screening after the last one' },
  ],
  [
    'a screening brought forward',
    { type: 'SurveillanceScreeningScheduled', data: { level: 1, dueAt: AT, reason: 'role_changed', scheduledAt: AT } },
    { title: 'Level 1 screening due 24 Sep 2026', detail: 'Brought forward by a change of role' },
  ],
  [
    'a completed screening',
    {
      type: 'SurveillanceScreeningCompleted',
      data: {
        screeningId: 's-1',
        level: 3,
        provider: 'internal',
        result: 'follow_up_recommended',
        completedAt: AT,
        recordedAt: AT,
      },
    },
    { title: 'Screening completed (internal questionnaire)', detail: 'Follow-up recommended' },
  ],
  [
    'a change of role and level',
    {
      type: 'SurveillanceRoleChanged',
      data: { fromRole: 'Call Handler', toRole: 'Neighbourhood Officer', fromLevel: 3, toLevel: null, changedAt: AT },
    },
    { title: 'Role changed from Call Handler to Neighbourhood Officer', detail: 'level 3 → no screening' },
  ],
  [
    'a change of role within a level',
    {
      type: 'SurveillanceRoleChanged',
      data: { fromRole: 'Call Handler', toRole: 'Dispatcher', fromLevel: 3, toLevel: 3, changedAt: AT },
    },
    { title: 'Role changed from Call Handler to Dispatcher', detail: null },
  ],
  [
    'leaving',
    { type: 'SurveillanceLeft', data: { reason: 'Left the force', leftAt: AT } },
    { title: 'Left psychological surveillance', detail: 'Left the force' },
  ],
  [
    'a deadline, on London clocks in summer',
    { type: 'DeadlineScheduled', data: { ...deadline, dueAt: AT, ownerId: null, ladder: [] } },
    { title: 'Screening overdue from 24 Sep 2026 17:00', detail: null },
  ],
  [
    'a deadline met late',
    { type: 'DeadlineMet', data: { ...deadline, metAt: AT, late: true } },
    { title: 'Screening deadline met late', detail: null },
  ],
  [
    'a waiver',
    { type: 'DeadlineWaived', data: { ...deadline, reason: 'role changed', waivedBy: 'u-1' } },
    { title: 'Screening deadline waived by u-1', detail: 'role changed' },
  ],
  [
    'an overdue screening',
    { type: 'DeadlineOverdue', data: { ...deadline, level: 1, notify: 'owner', dueAt: AT } },
    { title: 'Screening overdue (was due 24 Sep 2026 17:00)', detail: null },
  ],
  [
    'an escalation',
    { type: 'DeadlineEscalated', data: { ...deadline, level: 2, notify: 'team_manager', dueAt: AT } },
    { title: 'Overdue screening escalated to the wellbeing team manager', detail: 'Was due 24 Sep 2026 17:00' },
  ],
];

describe('the surveillance timeline', () => {
  it.each(cases)('describes %s', (_name, event, expected) => {
    expect(describeSurveillanceEvent(event)).toEqual(expected);
  });
});
