import type { IncidentEvent } from './events';
import { describeIncidentEvent, type TimelineEntry } from './timeline';
import { exposed, history, JO, RECORDED } from './testing/incident-fixtures';

const AT = '2026-06-10T13:30:00.000Z';
const deadline = { deadlineId: 'd-1', kind: 'defusion' };

const cases: readonly (readonly [string, IncidentEvent, TimelineEntry])[] = [
  [
    'a record, on London clocks in summer',
    { type: 'IncidentRecorded', data: { ...RECORDED, occurredAt: AT } },
    {
      title: 'Incident recorded: Fatal road collision (severity 2)',
      detail: 'Occurred 10 Jun 2026 14:30 at A59, Longton bypass; Response; recorded by u-sergeant',
    },
  ],
  [
    'an exposure with a job role',
    exposed({ ...JO, role: 'Senior Call Handler' }),
    { title: 'Jo Evans recorded as exposed (call handler)', detail: 'Senior Call Handler, Control Room' },
  ],
  [
    'an exposure without one',
    exposed(JO),
    { title: 'Jo Evans recorded as exposed (call handler)', detail: 'Control Room' },
  ],
  [
    'a removal',
    {
      type: 'ColleagueExposureRemoved',
      data: { incidentId: 'inc-1', personId: 'P-3', name: 'Jo Evans', reason: 'Not on duty that night', removedAt: AT },
    },
    { title: 'Jo Evans removed from the colleagues exposed', detail: 'Not on duty that night' },
  ],
  [
    'a demobilisation',
    {
      type: 'DemobilisationHeld',
      data: {
        ledBy: { personId: 'u-peer', lead: 'trained_peer' },
        attendees: ['P-1'],
        defusionNeeded: false,
        heldAt: AT,
      },
    },
    { title: 'Demobilisation held, led by trained peer u-peer', detail: '1 person attended; no defusion needed' },
  ],
  [
    'a defusion, counting (not naming) who needs more support',
    {
      type: 'DefusionHeld',
      data: {
        format: 'group',
        peerDefuserId: 'u-peer',
        attendees: ['P-1', 'P-2'],
        needingMoreSupport: ['P-2'],
        heldAt: AT,
      },
    },
    { title: 'Group defusion held by peer defuser u-peer', detail: '2 people attended; 1 person needs more support' },
  ],
  [
    'an ESTIM with OH',
    {
      type: 'EstimHeld',
      data: {
        attendees: ['P-2'],
        includesOh: true,
        referredOn: [
          { personId: 'P-2', pathway: 'trim' },
          { personId: 'P-2', pathway: 'occupational_health' },
        ],
        heldAt: AT,
      },
    },
    { title: 'ESTIM held with occupational health', detail: '1 person attended; 2 referrals on' },
  ],
  [
    'monitoring starting',
    { type: 'MonitoringStarted', data: { monitored: ['P-2', 'P-3'], startedAt: AT } },
    { title: 'Monitoring started', detail: '2 people monitored' },
  ],
  [
    'monitoring concluding with a referral',
    {
      type: 'MonitoringConcluded',
      data: { outcome: 'referred_on', referredOn: [{ personId: 'P-2', pathway: 'gp' }], concludedAt: AT },
    },
    { title: 'Monitoring concluded: referred on', detail: '1 referral on' },
  ],
  [
    'monitoring concluding without one',
    { type: 'MonitoringConcluded', data: { outcome: 'declined_support', referredOn: [], concludedAt: AT } },
    { title: 'Monitoring concluded: support declined', detail: null },
  ],
  [
    'a skipped stage',
    { type: 'EstipStageSkipped', data: { stage: 'estim', reason: 'Nobody needed it', skippedAt: AT } },
    { title: 'ESTIM skipped', detail: 'Nobody needed it' },
  ],
  [
    'a TRiM planning meeting, counting (not naming) who was offered an assessment',
    {
      type: 'TrimPlanningMeetingHeld',
      data: {
        incidentId: 'inc-1',
        occurredAt: AT,
        chairedBy: 'u-trim',
        offeredRiskAssessment: [{ personId: 'P-1', name: 'Alex Morgan', department: 'Response' }],
        heldAt: AT,
      },
    },
    { title: 'TRiM planning meeting held, chaired by u-trim', detail: '1 person offered a TRiM risk assessment' },
  ],
  [
    'a closure',
    { type: 'IncidentClosed', data: { reason: 'ESTIP complete', closedAt: AT } },
    { title: 'Incident closed', detail: 'ESTIP complete' },
  ],
  [
    'a scheduled deadline',
    {
      type: 'DeadlineScheduled',
      data: { ...deadline, kind: 'trim-planning', dueAt: '2026-03-04T03:00:00.000Z', ownerId: null, ladder: [] },
    },
    { title: 'TRiM planning meeting due by 4 Mar 2026 03:00', detail: 'Unassigned' },
  ],
  [
    'an owned deadline',
    {
      type: 'DeadlineScheduled',
      data: { ...deadline, kind: 'demobilisation', dueAt: '2026-03-02T15:00:00.000Z', ownerId: 'u-sgt', ladder: [] },
    },
    { title: 'Demobilisation due by 2 Mar 2026 15:00', detail: 'Owner: u-sgt' },
  ],
  [
    'a deadline met late',
    { type: 'DeadlineMet', data: { ...deadline, metAt: AT, late: true } },
    { title: 'Defusion deadline met late', detail: null },
  ],
  [
    'a waiver',
    { type: 'DeadlineWaived', data: { ...deadline, reason: 'defusion skipped: no peer', waivedBy: 'u-9' } },
    { title: 'Defusion deadline waived by u-9', detail: 'defusion skipped: no peer' },
  ],
  [
    'an overdue deadline',
    { type: 'DeadlineOverdue', data: { ...deadline, level: 1, notify: 'owner', dueAt: '2026-03-05T03:00:00.000Z' } },
    { title: 'Defusion deadline overdue (was due 5 Mar 2026 03:00)', detail: null },
  ],
  [
    'an escalation',
    {
      type: 'DeadlineEscalated',
      data: { ...deadline, level: 2, notify: 'team_manager', dueAt: '2026-03-05T03:00:00.000Z' },
    },
    { title: 'Defusion deadline escalated to the wellbeing team manager', detail: 'Was due 5 Mar 2026 03:00' },
  ],
];

describe('the incident timeline', () => {
  it.each(cases)('describes %s', (_label, event, expected) => {
    expect(describeIncidentEvent(event)).toEqual(expected);
  });

  it('never names who needs support, was referred on or was offered TRiM, nor repeats the summary', () => {
    const story = [...history.monitoringConcluded(), ...history.trimPlanned().slice(history.demobilised().length)];
    const supportTypes = [
      'DefusionHeld',
      'EstimHeld',
      'MonitoringStarted',
      'MonitoringConcluded',
      'TrimPlanningMeetingHeld',
    ];
    const support = story.filter((e) => supportTypes.includes(e.type));
    const lines = support.map((event) => JSON.stringify(describeIncidentEvent(event))).join('\n');
    expect(lines).not.toMatch(/P-\d|Alex Morgan|Sam Patel|Jo Evans/);
    const all = story.map((event) => JSON.stringify(describeIncidentEvent(event))).join('\n');
    expect(all).not.toContain(RECORDED.summary);
  });
});
