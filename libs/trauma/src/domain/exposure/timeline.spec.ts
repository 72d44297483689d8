import type { SupportTaskEvent } from './events';
import { describeSupportTaskEvent, type TimelineEntry } from './timeline';
import { RAISED } from './testing/support-task-fixtures';

const DUE = '2026-06-03T16:00:00.000Z';
const deadline = { deadlineId: 'd-1', kind: 'first-contact' };

const cases: readonly (readonly [string, SupportTaskEvent, TimelineEntry])[] = [
  [
    'a raised task, with the register at that moment',
    { type: 'SupportTaskRaised', data: RAISED },
    {
      title: 'Proactive support task raised after 3 exposures',
      detail: 'Alex Morgan, Roads Policing; 2 in 30 days (weight 2), 3 in 90 days (weight 3), 3 in 365 days (weight 3)',
    },
  ],
  [
    'an assignment',
    {
      type: 'SupportTaskCoordinatorAssigned',
      data: { fromCoordinatorId: null, coordinatorId: 'u-1', assignedAt: DUE },
    },
    { title: 'Assigned to coordinator u-1', detail: null },
  ],
  [
    'a reassignment',
    {
      type: 'SupportTaskCoordinatorAssigned',
      data: { fromCoordinatorId: 'u-1', coordinatorId: 'u-2', assignedAt: DUE },
    },
    { title: 'Reassigned from coordinator u-1 to u-2', detail: null },
  ],
  [
    'a contact',
    {
      type: 'SupportTaskContactRecorded',
      data: { method: 'in_person', reached: true, note: 'Met after briefing', contactedAt: DUE },
    },
    { title: 'Contact made (in person)', detail: 'Met after briefing' },
  ],
  [
    'an attempt',
    { type: 'SupportTaskContactRecorded', data: { method: 'telephone', reached: false, note: null, contactedAt: DUE } },
    { title: 'Contact attempted, not reached (telephone)', detail: null },
  ],
  [
    'an offer',
    { type: 'SupportTaskOfferRecorded', data: { offerId: 'o-1', offer: 'eap', note: null, offeredAt: DUE } },
    { title: 'Offered the Employee Assistance Programme', detail: null },
  ],
  [
    'a declined offer',
    {
      type: 'SupportTaskOfferResponseRecorded',
      data: { offerId: 'o-1', response: 'declined', reason: 'Not now', respondedAt: DUE },
    },
    { title: 'Offer declined', detail: 'Not now' },
  ],
  [
    'a closure',
    { type: 'SupportTaskClosed', data: { outcome: 'support_accepted', note: null, closedAt: DUE } },
    { title: 'Support task closed: support accepted', detail: null },
  ],
  [
    'a deadline, on London clocks in summer',
    { type: 'DeadlineScheduled', data: { ...deadline, dueAt: DUE, ownerId: null, ladder: [] } },
    { title: 'First contact due by 3 Jun 2026 17:00', detail: 'Unassigned' },
  ],
  [
    'a deadline met late',
    { type: 'DeadlineMet', data: { ...deadline, metAt: DUE, late: true } },
    { title: 'First contact deadline met late', detail: null },
  ],
  [
    'a waiver',
    { type: 'DeadlineWaived', data: { ...deadline, reason: 'On leave', waivedBy: 'u-1' } },
    { title: 'First contact deadline waived by u-1', detail: 'On leave' },
  ],
  [
    'an overdue deadline',
    { type: 'DeadlineOverdue', data: { ...deadline, level: 1, notify: 'owner', dueAt: DUE } },
    { title: 'First contact deadline overdue (was due 3 Jun 2026 17:00)', detail: null },
  ],
  [
    'an escalation',
    { type: 'DeadlineEscalated', data: { ...deadline, level: 3, notify: 'head_of_wellbeing', dueAt: DUE } },
    { title: 'First contact deadline escalated to the head of wellbeing', detail: 'Was due 3 Jun 2026 17:00' },
  ],
];

describe('the support-task timeline', () => {
  it.each(cases)('describes %s', (_name, event, expected) => {
    expect(describeSupportTaskEvent(event)).toEqual(expected);
  });
});
