import type { TrimEvent } from './events';
import { ACTIVATION, assessed, HIGH, history, LOW, REFERRAL_REASON } from './testing/trim-fixtures';
import { describeTrimEvent, type TimelineEntry } from './timeline';

const AT = '2026-03-03T17:00:00.000Z';
const deadline = { deadlineId: 'd-1', kind: 'trauma-brief' };

const cases: readonly (readonly [string, TrimEvent, TimelineEntry])[] = [
  [
    'an activation after an incident',
    { type: 'TrimActivated', data: ACTIVATION },
    {
      title: 'TRiM activated (after an incident)',
      detail: 'Alex Morgan, police officer, Response; activated by u-supervisor; incident inc-9 on 2 Mar 2026 14:00',
    },
  ],
  [
    'a self referral',
    {
      type: 'TrimActivated',
      data: {
        ...ACTIVATION,
        source: 'self_referral',
        incidentId: null,
        incidentOccurredAt: null,
        employmentType: 'pcso',
      },
    },
    { title: 'TRiM activated (self referral)', detail: 'Alex Morgan, PCSO, Response; activated by u-supervisor' },
  ],
  [
    'an allocation',
    { type: 'PractitionerAllocated', data: { practitionerId: 'u-p', allocatedAt: AT } },
    { title: 'TRiM practitioner u-p allocated', detail: null },
  ],
  [
    'a reallocation',
    {
      type: 'PractitionerReallocated',
      data: { fromPractitionerId: 'u-p', toPractitionerId: 'u-q', reason: 'On leave', reallocatedAt: AT },
    },
    { title: 'Reallocated from practitioner u-p to practitioner u-q', detail: 'On leave' },
  ],
  [
    'a brief, on London clocks in summer',
    {
      type: 'TraumaInterventionBriefDelivered',
      data: { practitionerId: 'u-p', deliveredAt: '2026-06-10T13:30:00.000Z', recordedAt: AT },
    },
    { title: 'Trauma intervention brief delivered on 10 Jun 2026 14:30', detail: 'By practitioner u-p' },
  ],
  [
    'an initial assessment at the threshold',
    assessed('initial', HIGH, AT),
    { title: 'Initial risk assessment recorded: at or above threshold', detail: null },
  ],
  [
    'a follow-up below it, with a request for referral',
    assessed('follow_up', LOW, AT, true),
    { title: 'Follow-up risk assessment recorded: below threshold', detail: 'The practitioner asked for a referral' },
  ],
  [
    'a referral request',
    history.referralRequested().at(-1) as TrimEvent,
    { title: 'Referral to occupational health requested', detail: REFERRAL_REASON },
  ],
  [
    'a linked referral',
    { type: 'TrimReferralOpened', data: { referralId: 'ref-77', linkedAt: AT } },
    { title: 'OH referral ref-77 opened', detail: null },
  ],
  [
    'a closure',
    { type: 'TrimClosed', data: { outcome: 'referred_to_clinical_care', note: 'GP appointment booked', closedAt: AT } },
    { title: 'TRiM closed: referred to clinical care', detail: 'GP appointment booked' },
  ],
  [
    'a decline',
    { type: 'TrimDeclined', data: { stage: 'initial_assessment', reason: 'Not ready to talk', declinedAt: AT } },
    { title: 'Declined TRiM (the initial risk assessment)', detail: 'Not ready to talk' },
  ],
  [
    'an unowned deadline',
    { type: 'DeadlineScheduled', data: { ...deadline, dueAt: AT, ownerId: null, ladder: [] } },
    { title: 'Trauma intervention brief due by 3 Mar 2026 17:00', detail: 'Owner: the TRiM coordinator' },
  ],
  [
    "a practitioner's deadline",
    {
      type: 'DeadlineScheduled',
      data: { ...deadline, kind: 'follow-up-assessment', dueAt: AT, ownerId: 'u-p', ladder: [] },
    },
    { title: 'Follow-up risk assessment due by 3 Mar 2026 17:00', detail: 'Owner: u-p' },
  ],
  [
    'a deadline met late',
    { type: 'DeadlineMet', data: { ...deadline, kind: 'initial-assessment', metAt: AT, late: true } },
    { title: 'Initial risk assessment deadline met late', detail: null },
  ],
  [
    'a waiver',
    { type: 'DeadlineWaived', data: { ...deadline, reason: 'person declined TRiM', waivedBy: 'u-9' } },
    { title: 'Trauma intervention brief deadline waived by u-9', detail: 'person declined TRiM' },
  ],
  [
    'an overdue deadline',
    { type: 'DeadlineOverdue', data: { ...deadline, level: 1, notify: 'owner', dueAt: AT } },
    { title: 'Trauma intervention brief deadline overdue (was due 3 Mar 2026 17:00)', detail: null },
  ],
  [
    'an escalation',
    { type: 'DeadlineEscalated', data: { ...deadline, level: 2, notify: 'team_manager', dueAt: AT } },
    {
      title: 'Trauma intervention brief deadline escalated to the TRiM coordinator',
      detail: 'Was due 3 Mar 2026 17:00',
    },
  ],
];

describe('the TRiM timeline', () => {
  it.each(cases)('describes %s', (_label, event, expected) => {
    expect(describeTrimEvent(event)).toEqual(expected);
  });

  it('never shows the notes, the item scores or the totals, whatever the story', () => {
    const text = [...history.referred(), ...history.declined()]
      .map((event) => JSON.stringify(describeTrimEvent(event)))
      .join('\n');
    expect(text).not.toContain('Nightmares');
    expect(text).not.toMatch(/life_threatened|shame|\b3\/10\b|total|score/i);
  });
});
