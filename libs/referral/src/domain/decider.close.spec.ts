import type { ReferralCommand } from './commands';
import type { ReferralEvent } from './events';
import { ACTOR, ADVISOR, command, history, idFrom, scheduled, spec, T } from './testing/referral-fixtures';

const TRIAGE_DEADLINE = idFrom('SubmitReferral', 'triage');

describe('closing a referral', () => {
  const close = (
    reason: Extract<ReferralCommand, { type: 'CloseReferral' }>['data']['reason'],
    note: string | null = null,
  ) => command('CloseReferral', { reason, note }, T.closed);

  it('a referral whose report is released closes as completed', () => {
    spec
      .given(history.reportReleased())
      .when(close('completed'))
      .then([{ type: 'ReferralClosed', data: { reason: 'completed', note: null, closedAt: T.closed } }]);
    spec.given(history.underReview()).when(close('completed')).thenState({ status: 'closed' });
  });

  it('closing early says why, and waives every open deadline', () => {
    spec
      .given(history.awaitingConsent())
      .when(close('no_further_action', 'Symptoms resolved before contact'))
      .then([
        {
          type: 'ReferralClosed',
          data: { reason: 'no_further_action', note: 'Symptoms resolved before contact', closedAt: T.closed },
        },
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: idFrom('TriageReferral', 'first-appointment'),
            kind: 'first-appointment',
            reason: 'referral closed: no further action',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
    spec
      .given(history.awaitingOutcome())
      .when(close('no_further_action', ' '))
      .thenThrows('REFERRAL.FIELD_REQUIRED', 'note');
  });

  it('a referral is not completed before its report is released or withheld', () => {
    spec
      .given(history.reportReady())
      .when(close('completed'))
      .thenThrows('REFERRAL.CLOSE_REASON_NOT_ALLOWED', 'reason');
  });

  it('closing for another reason always needs a note', () => {
    spec.given(history.underReview()).when(close('other')).thenThrows('REFERRAL.FIELD_REQUIRED', 'note');
    spec.given(history.underReview()).when(close('other', 'Left the force')).thenState({ status: 'closed' });
  });

  it.each(['consent_refused', 'did_not_attend'] as const)(
    '%s is recorded through its own command, not chosen by hand',
    (reason) => {
      spec
        .given(history.reportReleased())
        .when(close(reason, 'note'))
        .thenThrows('REFERRAL.CLOSE_REASON_NOT_ALLOWED', 'reason');
    },
  );
});

describe('reopening a referral', () => {
  const REOPENED = '2026-04-01T10:00:00.000Z'; // Wed 1 April, British Summer Time
  const reopen = (reason = 'Symptoms returned') => command('ReopenReferral', { reason }, REOPENED);
  const reopened = (): ReferralEvent[] => [
    ...history.closed(),
    { type: 'ReferralReopened', data: { reason: 'Symptoms returned', reopenedAt: REOPENED } },
    scheduled('triage', 'ReopenReferral', '2026-04-07T16:00:00.000Z', ADVISOR),
  ];

  it('a closed referral reopens into triage with a fresh deadline owned by its advisor', () => {
    // Good Friday (3 Apr) and Easter Monday (6 Apr) are bank holidays: due Tue 7 Apr 17:00 BST
    spec
      .given(history.closed())
      .when(reopen())
      .then([
        { type: 'ReferralReopened', data: { reason: 'Symptoms returned', reopenedAt: REOPENED } },
        {
          type: 'DeadlineScheduled',
          data: {
            deadlineId: idFrom('ReopenReferral', 'triage'),
            kind: 'triage',
            dueAt: '2026-04-07T16:00:00.000Z',
            ownerId: ADVISOR,
            ladder: [
              { level: 1, at: '2026-04-07T16:00:00.000Z', notify: 'owner' },
              { level: 2, at: '2026-04-08T16:00:00.000Z', notify: 'team_manager' },
              { level: 3, at: '2026-04-09T16:00:00.000Z', notify: 'head_of_wellbeing' },
            ],
          },
        },
      ]);
  });

  it('a reopened referral starts a fresh count of missed appointments', () => {
    const closedForDna: ReferralEvent[] = [
      ...history.appointmentBooked(),
      {
        type: 'ReferralAppointmentMissed',
        data: { appointmentId: idFrom('OfferAppointment', 'appointment'), missedCount: 2, recordedAt: T.attended },
      },
      { type: 'ReferralClosed', data: { reason: 'did_not_attend', note: null, closedAt: T.attended } },
    ];
    spec.given(closedForDna).when(reopen()).thenState({ status: 'awaiting_triage', dnaCount: 0, openedAt: REOPENED });
  });

  it("a reopened referral's first appointment is measured from the reopening", () => {
    spec
      .given(reopened())
      .when(command('TriageReferral', { priority: 'high', advisorId: ADVISOR }, '2026-04-02T09:00:00.000Z'))
      .thenState(
        (state) =>
          state.status === 'awaiting_consent' &&
          state.deadlines['first-appointment']?.dueAt === '2026-04-17T16:00:00.000Z',
      );
  });

  it('only a closed referral reopens; a cancelled one stays cancelled', () => {
    spec.given(history.underReview()).when(reopen()).thenThrows('REFERRAL.NOT_CLOSED');
    spec.given(history.cancelled()).when(reopen()).thenThrows('REFERRAL.CANCELLED');
  });

  it('reopening needs a reason', () => {
    spec.given(history.closed()).when(reopen('')).thenThrows('REFERRAL.FIELD_REQUIRED', 'reason');
  });
});

describe('cancelling a referral', () => {
  const cancel = (reason = 'Duplicate of ref-0') => command('CancelReferral', { reason }, T.closed);

  it('cancelling waives every open deadline, giving the reason', () => {
    spec
      .given(history.awaitingTriage())
      .when(cancel())
      .then([
        { type: 'ReferralCancelled', data: { reason: 'Duplicate of ref-0', cancelledAt: T.closed } },
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: TRIAGE_DEADLINE,
            kind: 'triage',
            reason: 'cancelled: Duplicate of ref-0',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
    spec.given(history.awaitingTriage()).when(cancel()).thenState({ status: 'cancelled', deadlines: {} });
  });

  it('cancelling needs a reason', () => {
    spec.given(history.awaitingTriage()).when(cancel(' ')).thenThrows('REFERRAL.FIELD_REQUIRED', 'reason');
  });
});
