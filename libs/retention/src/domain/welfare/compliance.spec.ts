import { contactCompliance, isContactCompliant } from './compliance';
import type { WelfareEvent } from './events';
import { DUE, history, idFrom, met, scheduled, WLO } from './testing/welfare-fixtures';

const overdue = (commandId: string, dueAt: string, kind = 'contact'): WelfareEvent => ({
  type: 'DeadlineOverdue',
  data: { deadlineId: idFrom(commandId, kind), kind, level: 1, notify: 'owner', dueAt },
});
const escalated = (commandId: string, dueAt: string): WelfareEvent => ({
  type: 'DeadlineEscalated',
  data: { deadlineId: idFrom(commandId, 'contact'), kind: 'contact', level: 2, notify: 'team_manager', dueAt },
});

describe('contact compliance', () => {
  it('a case with no contact due yet has nothing due and nothing late', () => {
    expect(contactCompliance(history.opened())).toEqual({ contactsDue: 0, contactsOnTime: 0 });
    expect(isContactCompliant(contactCompliance(history.opened()))).toBe(true);
  });

  it('each contact deadline met before it went overdue is due and on time', () => {
    expect(contactCompliance(history.homeVisited())).toEqual({ contactsDue: 2, contactsOnTime: 2 });
  });

  it('a deadline replaced before it fell due was never owed (assignment, sick leave)', () => {
    // opening's deadline replaced on assignment; the one after the call shortened by sick leave
    const replaced = history.onSickLeave();
    expect(contactCompliance(replaced)).toEqual({ contactsDue: 1, contactsOnTime: 1 });
  });

  it('a deadline that went overdue counts as due and late, whether met later, waived, or still open', () => {
    const missed = [...history.contacted(), overdue('cmd-LogWelfareContact', DUE.contactAfterFirst)];
    expect(contactCompliance(missed)).toEqual({ contactsDue: 2, contactsOnTime: 1 });
    const escalatedThenMet = [
      ...missed,
      escalated('cmd-LogWelfareContact', DUE.contactAfterFirst),
      met('contact', 'cmd-LogWelfareContact', '2026-03-26T10:00:00.000Z', true),
      scheduled('contact', 'cmd-late-call', '2026-04-09T10:00:00.000Z', WLO),
    ];
    expect(contactCompliance(escalatedThenMet)).toEqual({ contactsDue: 2, contactsOnTime: 1 });
    expect(isContactCompliant(contactCompliance(escalatedThenMet))).toBe(false);
  });

  it('a deadline met late before its timer fired is still late', () => {
    const late = [...history.active(), met('contact', 'cmd-AssignWlo', '2026-03-18T10:30:00.000Z', true)];
    expect(contactCompliance(late)).toEqual({ contactsDue: 1, contactsOnTime: 0 });
  });

  it('a deadline waived before it fell due does not count; other kinds never count', () => {
    const waived: WelfareEvent = {
      type: 'DeadlineWaived',
      data: { deadlineId: idFrom('cmd-AssignWlo', 'contact'), kind: 'contact', reason: 'Abroad', waivedBy: 'u-c' },
    };
    expect(contactCompliance([...history.active(), waived])).toEqual({ contactsDue: 0, contactsOnTime: 0 });
    const homeVisitMissed = [
      ...history.onSickLeave(),
      overdue('cmd-RecordSickLeaveStarted', DUE.homeVisit, 'home-visit'),
    ];
    expect(contactCompliance(homeVisitMissed)).toEqual({ contactsDue: 1, contactsOnTime: 1 });
  });

  it('a replayed overdue event is counted once', () => {
    const twice = [
      ...history.contacted(),
      overdue('cmd-LogWelfareContact', DUE.contactAfterFirst),
      overdue('cmd-LogWelfareContact', DUE.contactAfterFirst),
    ];
    expect(contactCompliance(twice)).toEqual({ contactsDue: 2, contactsOnTime: 1 });
  });
});
