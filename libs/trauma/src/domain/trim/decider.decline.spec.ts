import type { TrimCommand } from './commands';
import type { TrimEvent } from './events';
import { ACTOR, command, history, idFrom, LOW, spec, T } from './testing/trim-fixtures';
import type { TrimDeclineStage } from './types';

const BRIEF_DEADLINE = idFrom('ActivateTrim', 'trauma-brief');

const decline = (stage: TrimDeclineStage, reason = 'Prefers support from family') =>
  command('DeclineTrim', { stage, reason }, T.briefRecorded);

const waived = (kind: string, stage: string): TrimEvent => ({
  type: 'DeadlineWaived',
  data: {
    deadlineId: idFrom('ActivateTrim', kind),
    kind,
    reason: `person declined TRiM (${stage})`,
    waivedBy: ACTOR.userId,
  },
});

describe('declining TRiM', () => {
  it('a person may decline, and nobody chases them: every open deadline is waived', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(decline('trauma_brief'))
      .then([
        {
          type: 'TrimDeclined',
          data: { stage: 'trauma_brief', reason: 'Prefers support from family', declinedAt: T.briefRecorded },
        },
        waived('trauma-brief', 'trauma brief'),
        waived('initial-assessment', 'trauma brief'),
      ]);
  });

  it.each([
    ['practitioner_contact', history.awaitingPractitioner()],
    ['initial_assessment', history.briefDelivered()],
    ['follow_up_assessment', history.awaitingFollowUp()],
    ['oh_referral', history.referralRequested()],
  ] as const)('declining is a valid end at any stage: %s', (stage, given) => {
    spec
      .given(given)
      .when(decline(stage))
      .thenState({ status: 'declined', decline: { stage, reason: 'Prefers support from family' } });
  });

  it('what was declined is a stage still ahead', () => {
    spec.given(history.briefDelivered()).when(decline('trauma_brief')).thenThrows('TRIM.DECLINE_STAGE_PASSED', 'stage');
    spec
      .given(history.awaitingFollowUp())
      .when(decline('initial_assessment'))
      .thenThrows('TRIM.DECLINE_STAGE_PASSED', 'stage');
    spec
      .given(history.awaitingClosure())
      .when(decline('follow_up_assessment'))
      .thenThrows('TRIM.DECLINE_STAGE_PASSED', 'stage');
    spec.given(history.referred()).when(decline('oh_referral')).thenThrows('TRIM.DECLINE_STAGE_PASSED', 'stage');
  });

  it('a decline is recorded with its reason', () => {
    spec
      .given(history.awaitingPractitioner())
      .when(decline('practitioner_contact', ''))
      .thenThrows('TRIM.FIELD_REQUIRED', 'reason');
  });

  it('a closed activation is not declined afterwards', () => {
    spec.given(history.closed()).when(decline('oh_referral')).thenThrows('TRIM.CLOSED');
  });

  const afterDecline: readonly TrimCommand[] = [
    command('AllocatePractitioner', { practitionerId: 'u-other' }, T.closed),
    command('ReallocatePractitioner', { practitionerId: 'u-other', reason: 'Leave' }, T.closed),
    command('RecordTraumaInterventionBrief', { deliveredAt: new Date(T.closed) }, T.closed),
    command(
      'RecordRiskAssessment',
      { kind: 'initial', scores: LOW, notes: '', practitionerRequestedReferral: false },
      T.closed,
    ),
    command('RecordReferralOpened', { referralId: 'ref-77' }, T.closed),
    command('CloseTrim', { outcome: 'no_further_action', note: null }, T.closed),
    command('DeclineTrim', { stage: 'practitioner_contact', reason: 'Again' }, T.closed),
    command('WaiveDeadline', { kind: 'trauma-brief', reason: 'Declined' }, T.closed),
  ];

  it.each(afterDecline.map((c) => [c.type, c] as const))('the decision stands: %s is refused', (_type, refused) => {
    spec.given(history.declined()).when(refused).thenThrows('TRIM.DECLINED');
  });

  it('a timer that fires after the decline records nothing, without error', () => {
    spec
      .given(history.declined())
      .when(command('EscalateDeadline', { deadlineId: BRIEF_DEADLINE, level: 3 }, '2026-03-10T09:00:00.000Z'))
      .thenNothing();
  });
});
