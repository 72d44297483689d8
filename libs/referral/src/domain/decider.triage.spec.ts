import { ADVISOR, command, DUE, history, idFrom, scheduled, spec, T } from './testing/referral-fixtures';

describe('triaging a referral', () => {
  const triage = (now: string = T.triaged) => command('TriageReferral', { priority: 'high', advisorId: ADVISOR }, now);

  it('triage assigns priority and advisor, meets the triage deadline and starts the first-appointment clock from submission', () => {
    spec
      .given(history.awaitingTriage())
      .when(triage())
      .then([
        { type: 'ReferralTriaged', data: { priority: 'high', advisorId: ADVISOR, triagedAt: T.triaged } },
        {
          type: 'DeadlineMet',
          data: { deadlineId: idFrom('SubmitReferral', 'triage'), kind: 'triage', metAt: T.triaged, late: false },
        },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('TriageReferral', 'first-appointment'),
            kind: 'first-appointment',
            dueAt: DUE.firstAppointment,
            ownerId: ADVISOR,
            ladder: [
              { level: 1, at: '2026-03-16T17:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-03-17T17:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-03-18T17:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('a triage after the due time meets the deadline late, and buys the appointment no extra time', () => {
    const late = '2026-03-05T09:00:00.000Z';
    spec
      .given(history.awaitingTriage())
      .when(triage(late))
      .then([
        { type: 'ReferralTriaged', data: { priority: 'high', advisorId: ADVISOR, triagedAt: late } },
        {
          type: 'DeadlineMet',
          data: { deadlineId: idFrom('SubmitReferral', 'triage'), kind: 'triage', metAt: late, late: true },
        },
        scheduled('first-appointment', 'TriageReferral', DUE.firstAppointment, ADVISOR),
      ]);
  });

  it('a triaged referral awaits consent with its advisor', () => {
    spec
      .given(history.awaitingTriage())
      .when(triage())
      .thenState({ status: 'awaiting_consent', priority: 'high', advisorId: ADVISOR });
  });

  it('a referral cannot be triaged twice', () => {
    spec.given(history.awaitingConsent()).when(triage()).thenThrows('REFERRAL.ALREADY_TRIAGED');
    spec.given(history.awaitingOutcome()).when(triage()).thenThrows('REFERRAL.ALREADY_TRIAGED');
  });

  it('triage needs an advisor', () => {
    spec
      .given(history.awaitingTriage())
      .when(command('TriageReferral', { priority: 'low', advisorId: '' }, T.triaged))
      .thenThrows('REFERRAL.FIELD_REQUIRED', 'advisorId');
  });
});

describe('reassigning a referral', () => {
  const reassign = (toAdvisorId: string, reason: string | null = 'Caseload balancing') =>
    command('ReassignReferral', { toAdvisorId, reason }, T.offered);

  it('a triaged referral can be handed to another advisor', () => {
    spec
      .given(history.appointmentOffered())
      .when(reassign('u-other-advisor'))
      .then([
        {
          type: 'ReferralReassigned',
          data: {
            fromAdvisorId: ADVISOR,
            toAdvisorId: 'u-other-advisor',
            reason: 'Caseload balancing',
            reassignedAt: T.offered,
          },
        },
      ]);
    spec
      .given(history.appointmentOffered())
      .when(reassign('u-other-advisor', ' '))
      .thenState({ advisorId: 'u-other-advisor' });
  });

  it('a referral is assigned by triage first', () => {
    spec.given(history.awaitingTriage()).when(reassign('u-other-advisor')).thenThrows('REFERRAL.NOT_TRIAGED');
  });

  it('reassigning to the current advisor is refused', () => {
    spec.given(history.awaitingConsent()).when(reassign(ADVISOR)).thenThrows('REFERRAL.SAME_ADVISOR', 'toAdvisorId');
  });

  it('reassigning needs an advisor', () => {
    spec.given(history.awaitingConsent()).when(reassign(' ')).thenThrows('REFERRAL.FIELD_REQUIRED', 'toAdvisorId');
  });
});
