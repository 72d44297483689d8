import { latestAssessment, type TrimState } from './state';

/**
 * All a line manager may learn of a TRiM activation: that it exists, whether it is still
 * open, and whether urgent support is needed. Scores, notes, stages, the practitioner and
 * why it was activated stay with TRiM staff.
 */
export interface TrimManagerView {
  readonly activationId: string;
  readonly personId: string;
  readonly status: 'open' | 'closed';
  readonly urgentSupportNeeded: boolean;
}

/** Null when there is no activation. A declined activation reads as closed. */
export function managerView(state: TrimState): TrimManagerView | null {
  if (state.status === 'none') return null;
  const latest = latestAssessment(state);
  return {
    activationId: state.activationId,
    personId: state.person.personId,
    status: state.status === 'closed' || state.status === 'declined' ? 'closed' : 'open',
    urgentSupportNeeded: (latest?.atOrAboveThreshold ?? false) || state.referralRequest !== null,
  };
}
