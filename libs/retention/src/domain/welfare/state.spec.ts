import { fold } from '@casework/core/domain/decider';
import type { WelfareEvent } from './events';
import { evolve, initialWelfareState, type WelfareState } from './state';
import { contactLogged, history, OPENED, T, WLO } from './testing/welfare-fixtures';

const replay = (events: readonly WelfareEvent[]): WelfareState =>
  fold({ evolve, initialState: initialWelfareState }, events);

describe('welfare liaison state', () => {
  it.each([
    ['awaiting_wlo', history.opened()],
    ['active', history.active()],
    ['active', history.homeVisited()],
    ['concluded', history.concluded()],
    ['closed', history.closed()],
  ] as const)('the story folds to %s', (status, events) => {
    expect(replay(events).status).toBe(status);
  });

  it('carries the colleague, the investigation, the WLO, contacts, sick leave and open deadlines', () => {
    const state = replay(history.onSickLeave());
    expect(state).toMatchObject({
      status: 'active',
      caseId: OPENED.caseId,
      person: { personId: 'P-1234', name: 'Alex Morgan', employmentType: 'police_officer', department: 'Response' },
      investigation: {
        kind: 'gross_misconduct',
        reference: 'PSD-2026-017',
        startedAt: T.investigationStarted,
        suspended: true,
      },
      wloId: WLO,
      contacts: 1,
      lastContactAt: T.contacted,
      sickLeaveSince: T.sickLeaveStarted,
      progressReports: 0,
      conclusion: null,
    });
    if (state.status === 'none') throw new Error('no case');
    expect(Object.keys(state.deadlines).sort()).toEqual(['contact', 'home-visit', 'investigation-12-month']);
  });

  it('a contact keyed in late does not move the last contact back', () => {
    const late = contactLogged('c-old', '2026-03-05T10:00:00.000Z', T.contactRecorded);
    const state = replay([...history.contacted(), late]);
    expect(state).toMatchObject({ contacts: 2, lastContactAt: T.contacted });
  });

  it('ignores anything before the opening, and a second opening', () => {
    const early: WelfareEvent = { type: 'WloAssigned', data: { wloId: WLO, assignedAt: T.assigned } };
    expect(replay([early])).toEqual(initialWelfareState);
    const once = replay(history.active());
    const again: WelfareEvent = { type: 'WelfareCaseOpened', data: { ...OPENED, caseId: 'other' } };
    expect(replay([...history.active(), again])).toEqual(once);
  });
});
