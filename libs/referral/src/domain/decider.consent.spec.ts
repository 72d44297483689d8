import { ACTOR, command, history, idFrom, spec, T } from './testing/referral-fixtures';

describe('recording consent to the referral', () => {
  const consent = (consentGiven: boolean) => command('RecordConsent', { consentGiven }, T.consented);

  it('consent moves the referral on to an appointment', () => {
    spec
      .given(history.awaitingConsent())
      .when(consent(true))
      .then([{ type: 'ReferralConsentRecorded', data: { consentGiven: true, recordedAt: T.consented } }]);
    spec.given(history.awaitingConsent()).when(consent(true)).thenState({ status: 'awaiting_appointment' });
  });

  it('a refusal closes the referral and waives its open deadlines', () => {
    spec
      .given(history.awaitingConsent())
      .when(consent(false))
      .then([
        { type: 'ReferralConsentRecorded', data: { consentGiven: false, recordedAt: T.consented } },
        { type: 'ReferralClosed', data: { reason: 'consent_refused', note: null, closedAt: T.consented } },
        {
          type: 'DeadlineWaived',
          data: {
            deadlineId: idFrom('TriageReferral', 'first-appointment'),
            kind: 'first-appointment',
            reason: 'referral closed: consent refused',
            waivedBy: ACTOR.userId,
          },
        },
      ]);
    spec.given(history.awaitingConsent()).when(consent(false)).thenState({ status: 'closed', deadlines: {} });
  });

  it('consent is not asked before triage', () => {
    spec.given(history.awaitingTriage()).when(consent(true)).thenThrows('REFERRAL.NOT_TRIAGED');
  });

  it('consent is recorded once', () => {
    spec.given(history.awaitingAppointment()).when(consent(false)).thenThrows('REFERRAL.CONSENT_ALREADY_RECORDED');
  });
});

describe('consent to release the report', () => {
  const reportConsent = (consentGiven: boolean) => command('RecordReportConsent', { consentGiven }, T.reportConsent);

  it('with consent the report is ready to release; without it the report is withheld', () => {
    spec
      .given(history.reportConsentPending())
      .when(reportConsent(true))
      .then([{ type: 'ReferralReportConsentRecorded', data: { consentGiven: true, recordedAt: T.reportConsent } }]);
    spec.given(history.reportConsentPending()).when(reportConsent(true)).thenState({ status: 'report_ready' });
    spec.given(history.reportConsentPending()).when(reportConsent(false)).thenState({ status: 'report_withheld' });
  });

  it('the subject may change their mind until the report is released', () => {
    spec
      .given(history.reportWithheld())
      .when(reportConsent(true))
      .then([{ type: 'ReferralReportConsentRecorded', data: { consentGiven: true, recordedAt: T.reportConsent } }]);
    spec.given(history.reportReady()).when(reportConsent(false)).thenState({ status: 'report_withheld' });
  });

  it('repeating the answer already on record records nothing', () => {
    spec.given(history.reportReady()).when(reportConsent(true)).thenNothing();
    spec.given(history.reportWithheld()).when(reportConsent(false)).thenNothing();
  });

  it('there is no report to consent to before the outcome, and consent cannot be withdrawn after release', () => {
    spec.given(history.awaitingOutcome()).when(reportConsent(true)).thenThrows('REFERRAL.NO_OUTCOME');
    spec.given(history.reportReleased()).when(reportConsent(false)).thenThrows('REFERRAL.REPORT_ALREADY_RELEASED');
    spec.given(history.underReview()).when(reportConsent(false)).thenThrows('REFERRAL.WRONG_STATUS');
  });
});

describe('releasing the report', () => {
  const release = (releasedTo = 'u-manager') => command('ReleaseReport', { releasedTo }, T.released);

  it('a report with consent is released to the named person', () => {
    spec
      .given(history.reportReady())
      .when(release())
      .then([{ type: 'ReferralReportReleased', data: { releasedTo: 'u-manager', releasedAt: T.released } }]);
    spec.given(history.reportReady()).when(release()).thenState({ status: 'report_released' });
  });

  it('a report cannot be released without consent', () => {
    spec.given(history.reportConsentPending()).when(release()).thenThrows('REFERRAL.NO_REPORT_CONSENT');
    spec.given(history.reportWithheld()).when(release()).thenThrows('REFERRAL.NO_REPORT_CONSENT');
  });

  it('a report is released once, after the outcome, to someone', () => {
    spec.given(history.awaitingOutcome()).when(release()).thenThrows('REFERRAL.NO_OUTCOME');
    spec.given(history.reportReleased()).when(release()).thenThrows('REFERRAL.REPORT_ALREADY_RELEASED');
    spec.given(history.underReview()).when(release()).thenThrows('REFERRAL.WRONG_STATUS');
    spec.given(history.reportReady()).when(release(' ')).thenThrows('REFERRAL.FIELD_REQUIRED', 'releasedTo');
  });
});
