import { command, history, spec, T } from './testing/referral-fixtures';

describe('scheduling a review', () => {
  const review = (reviewDate: string, now: string = T.reviewScheduled) =>
    command('ScheduleReview', { reviewDate }, now);

  it.each([
    ['released', history.reportReleased()],
    ['withheld', history.reportWithheld()],
  ])('a review can follow a %s report', (_label, given) => {
    spec
      .given(given)
      .when(review('2026-09-01'))
      .then([{ type: 'ReferralReviewScheduled', data: { reviewDate: '2026-09-01', scheduledAt: T.reviewScheduled } }]);
    spec.given(given).when(review('2026-09-01')).thenState({ status: 'under_review', reviewDate: '2026-09-01' });
  });

  it('a review can be moved', () => {
    spec
      .given(history.underReview())
      .when(review('2026-10-01'))
      .thenState({ status: 'under_review', reviewDate: '2026-10-01' });
  });

  it('the review date must be after today on London clocks', () => {
    spec
      .given(history.reportReleased())
      .when(review('2026-03-12'))
      .thenThrows('REFERRAL.REVIEW_DATE_NOT_IN_FUTURE', 'reviewDate');
    spec.given(history.reportReleased()).when(review('2026-03-13')).thenState({ reviewDate: '2026-03-13' });
    // 23:30 UTC on 1 June is already 2 June in London (BST)
    spec
      .given(history.reportReleased())
      .when(review('2026-06-02', '2026-06-01T23:30:00.000Z'))
      .thenThrows('REFERRAL.REVIEW_DATE_NOT_IN_FUTURE', 'reviewDate');
  });

  it.each(['2026-02-30', '1/9/2026', '2026-9-1', ''])('%j is not a review date', (reviewDate) => {
    spec.given(history.reportReleased()).when(review(reviewDate)).thenThrows('REFERRAL.INVALID_DATE', 'reviewDate');
  });

  it('a review waits until the report is released or withheld', () => {
    spec.given(history.reportReady()).when(review('2026-09-01')).thenThrows('REFERRAL.REPORT_PENDING');
    spec.given(history.awaitingOutcome()).when(review('2026-09-01')).thenThrows('REFERRAL.REPORT_PENDING');
  });
});
