import type { DomainError } from '@casework/core/domain/domain-error';
import { DateTime } from 'luxon';
import type { RecordReportConsent, ReleaseReport, ScheduleReview } from '../commands';
import { conflict, invalid } from '../errors';
import type { ReferralEvent } from '../events';
import type { OpenStatus, ReferralState } from '../state';
import type { ReferralDeciderDeps } from './deadlines';
import { isBefore, requireOpen, requireText, wrongStatus } from './guards';

/**
 * The subject decides whether their manager sees the report, and may change their mind
 * until it is released. Recording the answer already on record changes nothing.
 */
export function recordReportConsent(command: RecordReportConsent, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  const { status } = referral;
  if (isBefore(status, 'report_consent_pending')) throw noOutcome();
  if (status === 'report_released') throw alreadyReleased();
  if (status !== 'report_consent_pending' && status !== 'report_ready' && status !== 'report_withheld') {
    throw wrongStatus('record consent to release the report', status);
  }
  const { consentGiven } = command.data;
  if (status === (consentGiven ? 'report_ready' : 'report_withheld')) return [];
  return [{ type: 'ReferralReportConsentRecorded', data: { consentGiven, recordedAt: command.now.toISOString() } }];
}

export function releaseReport(command: ReleaseReport, state: ReferralState): ReferralEvent[] {
  const referral = requireOpen(state);
  const { status } = referral;
  if (isBefore(status, 'report_consent_pending')) throw noOutcome();
  if (status === 'report_consent_pending' || status === 'report_withheld') {
    throw conflict('REFERRAL.NO_REPORT_CONSENT', "No release without the subject's consent");
  }
  if (status === 'report_released') throw alreadyReleased();
  if (status !== 'report_ready') throw wrongStatus('release the report', status);
  const releasedTo = requireText(command.data.releasedTo, 'releasedTo');
  return [{ type: 'ReferralReportReleased', data: { releasedTo, releasedAt: command.now.toISOString() } }];
}

const REPORT_SETTLED: readonly OpenStatus[] = ['report_released', 'report_withheld', 'under_review'];

/**
 * A review follows a settled report (released or withheld) and may be moved while under
 * review. Its date is a business date in the force's zone and must be after today there.
 */
export function scheduleReview(
  command: ScheduleReview,
  state: ReferralState,
  deps: ReferralDeciderDeps,
): ReferralEvent[] {
  const referral = requireOpen(state);
  if (!isReportSettled(referral.status)) {
    throw conflict('REFERRAL.REPORT_PENDING', 'A review follows once the report is released or withheld');
  }
  const { reviewDate } = command.data;
  if (!isIsoDate(reviewDate))
    throw invalid('REFERRAL.INVALID_DATE', 'reviewDate must be a YYYY-MM-DD date', 'reviewDate');
  const today = DateTime.fromJSDate(command.now, { zone: deps.calendar.zone }).toFormat('yyyy-MM-dd');
  if (reviewDate <= today) {
    throw invalid('REFERRAL.REVIEW_DATE_NOT_IN_FUTURE', `The review date must be after ${today}`, 'reviewDate');
  }
  return [{ type: 'ReferralReviewScheduled', data: { reviewDate, scheduledAt: command.now.toISOString() } }];
}

/** Released, withheld or under review: the referral has done its work and may complete. */
export function isReportSettled(status: OpenStatus): boolean {
  return REPORT_SETTLED.includes(status);
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid;
}

function noOutcome(): DomainError {
  return conflict('REFERRAL.NO_OUTCOME', 'No report before the outcome is recorded');
}

function alreadyReleased(): DomainError {
  return conflict('REFERRAL.REPORT_ALREADY_RELEASED', 'The report has already been released');
}
