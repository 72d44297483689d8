import { fold } from '@casework/core/domain/decider';
import type { TrimEvent } from './events';
import { managerView } from './manager-view';
import { assessed, command, decider, HIGH, history, LOW, T } from './testing/trim-fixtures';

const viewOf = (events: readonly TrimEvent[]) => managerView(fold(decider, events));

describe("a line manager's view of TRiM", () => {
  it('shows only that TRiM is open for the person and that no urgent support is needed', () => {
    expect(viewOf(history.awaitingFollowUp(LOW))).toEqual({
      activationId: 'act-1',
      personId: 'P-1234',
      status: 'open',
      urgentSupportNeeded: false,
    });
  });

  it('urgent support is needed when the latest assessment is at or above the threshold', () => {
    expect(viewOf(history.awaitingFollowUp(HIGH))?.urgentSupportNeeded).toBe(true);
  });

  it('a follow-up below the threshold supersedes a high initial score', () => {
    const recovered = [...history.awaitingFollowUp(HIGH), assessed('follow_up', LOW, T.followUp)];
    expect(viewOf(recovered)?.urgentSupportNeeded).toBe(false);
  });

  it('urgent support is needed once a referral is asked for, whatever the score', () => {
    const given = history.awaitingFollowUp(LOW);
    const asked = command(
      'RecordRiskAssessment',
      { kind: 'follow_up', scores: LOW, notes: '', practitionerRequestedReferral: true },
      T.followUp,
    );
    const events = [...given, ...decider.decide(asked, fold(decider, given))];
    expect(events.map((e) => e.type)).toContain('TrimReferralRequested');
    expect(viewOf(events)).toMatchObject({ urgentSupportNeeded: true });
  });

  it('closed and declined activations read as closed, without saying which', () => {
    expect(viewOf(history.closed())).toEqual({
      activationId: 'act-1',
      personId: 'P-1234',
      status: 'closed',
      urgentSupportNeeded: false,
    });
    expect(viewOf(history.declined())).toEqual({
      activationId: 'act-1',
      personId: 'P-1234',
      status: 'closed',
      urgentSupportNeeded: false,
    });
  });

  it('carries nothing else: no scores, stages, practitioner or notes', () => {
    for (const events of [history.referred(), history.declined()]) {
      expect(Object.keys(viewOf(events) ?? {}).sort()).toEqual(
        ['activationId', 'personId', 'status', 'urgentSupportNeeded'].sort(),
      );
    }
  });

  it('there is nothing to see without an activation', () => {
    expect(viewOf([])).toBeNull();
  });
});
