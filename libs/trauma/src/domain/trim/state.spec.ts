import { fold } from '@casework/core/domain/decider';
import type { TrimEvent } from './events';
import { evolve, initialTrimState, latestAssessment, type TrimState } from './state';
import { ACTIVATION, history, HIGH, PRACTITIONER, T } from './testing/trim-fixtures';

const replay = (events: readonly TrimEvent[]): TrimState => fold({ evolve, initialState: initialTrimState }, events);

describe('TRiM activation state', () => {
  it.each([
    ['awaiting_practitioner', history.awaitingPractitioner()],
    ['awaiting_initial_assessment', history.awaitingInitialAssessment()],
    ['awaiting_initial_assessment', history.briefDelivered()],
    ['awaiting_follow_up', history.awaitingFollowUp()],
    ['awaiting_closure', history.awaitingClosure()],
    ['referral_requested', history.referralRequested()],
    ['referred', history.referred()],
    ['closed', history.closed()],
    ['declined', history.declined()],
  ] as const)('the story folds to %s', (status, events) => {
    expect(replay(events).status).toBe(status);
  });

  it('carries the person, the clocks, the assessments without their notes, and the open deadlines', () => {
    expect(replay(history.awaitingFollowUp(HIGH))).toEqual({
      status: 'awaiting_follow_up',
      activationId: 'act-1',
      person: {
        personId: 'P-1234',
        personName: 'Alex Morgan',
        employmentType: 'police_officer',
        department: 'Response',
      },
      source: 'incident',
      incidentId: 'inc-9',
      incidentOccurredAt: T.incident,
      assessmentClockFrom: T.incident,
      activatedBy: 'u-supervisor',
      activatedAt: T.activated,
      practitionerId: PRACTITIONER,
      briefDeliveredAt: T.briefDelivered,
      initialAssessment: {
        kind: 'initial',
        practitionerId: PRACTITIONER,
        scores: HIGH,
        total: 3,
        threshold: 3,
        atOrAboveThreshold: true,
        practitionerRequestedReferral: false,
        assessedAt: T.initial,
      },
      followUpAssessment: null,
      referralRequest: null,
      referralId: null,
      deadlines: {
        'follow-up-assessment': expect.objectContaining({
          kind: 'follow-up-assessment',
          ownerId: PRACTITIONER,
          level: 0,
        }),
      },
    });
  });

  it('the latest assessment is the follow-up once there is one', () => {
    const followedUp = replay(history.awaitingClosure());
    expect(followedUp.status !== 'none' && latestAssessment(followedUp)).toMatchObject({ kind: 'follow_up' });
    const initialOnly = replay(history.awaitingFollowUp());
    expect(initialOnly.status !== 'none' && latestAssessment(initialOnly)).toMatchObject({ kind: 'initial' });
  });

  it('an ended activation records how it ended', () => {
    expect(replay(history.closed())).toMatchObject({
      closure: { outcome: 'no_further_action', note: null, closedAt: T.closed },
    });
    expect(replay(history.declined())).toMatchObject({
      decline: { stage: 'trauma_brief', reason: 'Prefers support from family', declinedAt: T.briefRecorded },
      deadlines: {},
    });
  });

  it('nothing but an activation applies before there is one, and a second activation changes nothing', () => {
    expect(
      replay([{ type: 'PractitionerAllocated', data: { practitionerId: PRACTITIONER, allocatedAt: T.allocated } }]),
    ).toEqual({ status: 'none' });
    const again = replay([
      ...history.awaitingInitialAssessment(),
      { type: 'TrimActivated', data: { ...ACTIVATION, personName: 'Someone Else' } },
    ]);
    expect(again).toMatchObject({ status: 'awaiting_initial_assessment', person: { personName: 'Alex Morgan' } });
  });
});
