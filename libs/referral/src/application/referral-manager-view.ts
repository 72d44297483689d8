import type { ReferralEvent, ReferralSubmittedData } from '../domain/events';
import type { ExistingReferral } from '../domain/state';
import type { Fitness, LimitedDutiesType, Recommendation } from '../domain/types';
import { describeStatus } from './referral-status-text';

/**
 * What a line manager may know of a referral about one of their team: where it stands and,
 * only once the colleague consented to its release and it was released, the management
 * part of the outcome report. Never the reason, the category, the clinical notes or the
 * SMP answers.
 */
export interface ReferralManagerView {
  readonly referralId: string;
  readonly subjectName: string;
  readonly status: string;
  readonly statusText: string;
  readonly open: boolean;
  readonly submittedAt: string;
  readonly lastChangedAt: string;
  readonly reportReleased: boolean;
  readonly report: ManagementReport | null;
}

/** The management-facing part of an outcome report: fitness for duty and what to do about it. */
export interface ManagementReport {
  readonly assessedAt: string;
  readonly releasedAt: string;
  readonly fitness: Fitness;
  readonly limitedDuties: LimitedDutiesType | null;
  readonly recommendations: readonly Recommendation[];
}

/** The ids a caller may be recorded under on a referral: their user id and their staff number. */
export function managerIdsOf(actor: { readonly userId: string; readonly personId?: string | null }): string[] {
  return [actor.userId, ...(actor.personId ? [actor.personId] : [])];
}

/** Whether the caller is the referral's recorded line manager or its referrer. */
export function isManagerOf(submitted: Pick<ReferralSubmittedData, 'lineManagerId' | 'referredBy'>, managerIds: readonly string[]): boolean {
  return managerIds.some((id) => id === submitted.lineManagerId || id === submitted.referredBy);
}

/**
 * Whether the report of the referral's current outcome may be shown: released after the
 * colleague's consent, with no later outcome (a reopened referral's new assessment has a
 * report of its own) and the consent not withdrawn.
 */
export function releasedReport(events: readonly ReferralEvent[]): { readonly releasedAt: string } | null {
  let consented = false;
  let released: string | null = null;
  for (const event of events) {
    switch (event.type) {
      case 'ReferralOutcomeRecorded':
        consented = false;
        released = null;
        break;
      case 'ReferralReportConsentRecorded':
        consented = event.data.consentGiven;
        break;
      case 'ReferralReportReleased':
        released = event.data.releasedAt;
        break;
      default:
        break;
    }
  }
  return consented && released !== null ? { releasedAt: released } : null;
}

export function referralManagerView(
  state: ExistingReferral,
  events: readonly ReferralEvent[],
  lastChangedAt: string,
): ReferralManagerView {
  const release = releasedReport(events);
  const outcome = state.outcome;
  // Named field by field: nothing reaches a manager by being added to the outcome later.
  const report: ManagementReport | null =
    release && outcome
      ? {
          assessedAt: outcome.recordedAt,
          releasedAt: release.releasedAt,
          fitness: outcome.fitness,
          limitedDuties: outcome.limitedDuties,
          recommendations: [...outcome.recommendations],
        }
      : null;
  return {
    referralId: state.referralId,
    subjectName: state.subject.subjectName,
    status: state.status,
    statusText: describeStatus(state.status),
    open: state.status !== 'closed' && state.status !== 'cancelled',
    submittedAt: state.submittedAt,
    lastChangedAt,
    reportReleased: report !== null,
    report,
  };
}
