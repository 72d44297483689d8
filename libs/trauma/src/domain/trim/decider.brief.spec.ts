import type { TrimEvent } from './events';
import { command, history, idFrom, met, PRACTITIONER, spec, T } from './testing/trim-fixtures';

describe('recording the trauma intervention brief', () => {
  const brief = (deliveredAt: string, now: string = T.briefRecorded) =>
    command('RecordTraumaInterventionBrief', { deliveredAt: new Date(deliveredAt) }, now);

  it('a brief within 24 hours of activation meets its deadline when it was delivered, not when keyed in', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(brief(T.briefDelivered))
      .then([
        {
          type: 'TraumaInterventionBriefDelivered',
          data: { practitionerId: PRACTITIONER, deliveredAt: T.briefDelivered, recordedAt: T.briefRecorded },
        },
        met('trauma-brief', 'ActivateTrim', T.briefDelivered),
      ]);
  });

  it('a brief more than 24 hours after activation meets its deadline late', () => {
    const late = '2026-03-04T09:00:01.000Z';
    spec
      .given(history.awaitingInitialAssessment())
      .when(brief(late, late))
      .then([
        {
          type: 'TraumaInterventionBriefDelivered',
          data: { practitionerId: PRACTITIONER, deliveredAt: late, recordedAt: late },
        },
        met('trauma-brief', 'ActivateTrim', late, true),
      ]);
  });

  it('a brief whose deadline was waived meets nothing', () => {
    const waived: TrimEvent = {
      type: 'DeadlineWaived',
      data: {
        deadlineId: idFrom('ActivateTrim', 'trauma-brief'),
        kind: 'trauma-brief',
        reason: 'Brief arranged by the peer group',
        waivedBy: 'u-coordinator',
      },
    };
    spec
      .given([...history.awaitingInitialAssessment(), waived])
      .when(brief(T.briefDelivered))
      .then([
        {
          type: 'TraumaInterventionBriefDelivered',
          data: { practitionerId: PRACTITIONER, deliveredAt: T.briefDelivered, recordedAt: T.briefRecorded },
        },
      ]);
  });

  it('the brief needs an allocated practitioner and is recorded once', () => {
    spec.given(history.awaitingPractitioner()).when(brief(T.briefDelivered)).thenThrows('TRIM.NO_PRACTITIONER');
    spec.given(history.briefDelivered()).when(brief(T.briefDelivered)).thenThrows('TRIM.BRIEF_ALREADY_DELIVERED');
  });

  it('a brief is recorded after it happened, and not before TRiM was activated', () => {
    spec
      .given(history.awaitingInitialAssessment())
      .when(brief('2026-03-03T16:00:01.000Z'))
      .thenThrows('TRIM.BRIEF_IN_FUTURE', 'deliveredAt');
    spec
      .given(history.awaitingInitialAssessment())
      .when(brief('2026-03-03T08:59:59.000Z'))
      .thenThrows('TRIM.BRIEF_BEFORE_ACTIVATION', 'deliveredAt');
    spec
      .given(history.awaitingInitialAssessment())
      .when(brief('yesterday'))
      .thenThrows('TRIM.INVALID_DATE', 'deliveredAt');
  });
});
