import { command, history, PRACTITIONER, spec, T } from './testing/trim-fixtures';

describe('allocating a TRiM practitioner', () => {
  const allocate = (practitionerId: string) => command('AllocatePractitioner', { practitionerId }, T.allocated);

  it('a practitioner is allocated to a new activation, which then waits for its initial assessment', () => {
    spec
      .given(history.awaitingPractitioner())
      .when(allocate(PRACTITIONER))
      .then([{ type: 'PractitionerAllocated', data: { practitionerId: PRACTITIONER, allocatedAt: T.allocated } }]);
    spec
      .given(history.awaitingPractitioner())
      .when(allocate(PRACTITIONER))
      .thenState({ status: 'awaiting_initial_assessment', practitionerId: PRACTITIONER });
  });

  it('allocation needs an activation and a practitioner', () => {
    spec.given([]).when(allocate(PRACTITIONER)).thenThrows('TRIM.NOT_FOUND');
    spec.given(history.awaitingPractitioner()).when(allocate(' ')).thenThrows('TRIM.FIELD_REQUIRED', 'practitionerId');
  });

  it('a second allocation is a reallocation, which says why', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(allocate('u-other'))
      .thenThrows('TRIM.PRACTITIONER_ALREADY_ALLOCATED');
  });
});

describe('reallocating a TRiM practitioner', () => {
  const reallocate = (practitionerId: string, reason = 'Practitioner on leave') =>
    command('ReallocatePractitioner', { practitionerId, reason }, T.initial);

  it('the new practitioner takes over, with the reason on record', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(reallocate('u-other'))
      .then([
        {
          type: 'PractitionerReallocated',
          data: {
            fromPractitionerId: PRACTITIONER,
            toPractitionerId: 'u-other',
            reason: 'Practitioner on leave',
            reallocatedAt: T.initial,
          },
        },
      ]);
  });

  it('open deadlines keep their owner, so their escalation ladder does not restart', () => {
    spec
      .given(history.awaitingFollowUp())
      .when(reallocate('u-other'))
      .thenState((state) => {
        if (state.status !== 'awaiting_follow_up') return false;
        return state.practitionerId === 'u-other' && state.deadlines['follow-up-assessment']?.ownerId === PRACTITIONER;
      });
  });

  it('only an allocated activation is reallocated, to someone else, for a reason', () => {
    spec.given(history.awaitingPractitioner()).when(reallocate('u-other')).thenThrows('TRIM.NO_PRACTITIONER');
    spec
      .given(history.awaitingInitialAssessment())
      .when(reallocate(PRACTITIONER))
      .thenThrows('TRIM.SAME_PRACTITIONER', 'practitionerId');
    spec
      .given(history.awaitingInitialAssessment())
      .when(reallocate('u-other', ''))
      .thenThrows('TRIM.FIELD_REQUIRED', 'reason');
  });
});
