import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { TrimActivatedData, TrimEvent, TrimReferralRequestedData, TrimRiskAssessmentRecordedData } from './events';
import type { TrimCloseOutcome, TrimDeclineStage, TrimPerson, TrimSource } from './types';

/** In path order: each status comes after the ones listed before it. */
export const OPEN_STATUSES = [
  'awaiting_practitioner',
  'awaiting_initial_assessment',
  'awaiting_follow_up',
  'awaiting_closure', // follow-up done, no referral needed
  'referral_requested', // follow-up done, OH referral asked for but not yet linked
  'referred', // the OH referral is opened and linked
] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type TrimStatus = 'none' | OpenStatus | 'closed' | 'declined';

/** An assessment as decisions need it: the confidential notes stay in the event. */
export type AssessmentSummary = Omit<TrimRiskAssessmentRecordedData, 'notes'>;

/** The facts every existing activation carries, whatever its status. */
export interface TrimCase {
  readonly activationId: string;
  readonly person: TrimPerson;
  readonly source: TrimSource;
  readonly incidentId: string | null;
  readonly incidentOccurredAt: string | null;
  readonly assessmentClockFrom: string;
  readonly activatedBy: string;
  readonly activatedAt: string;
  readonly practitionerId: string | null;
  readonly briefDeliveredAt: string | null;
  readonly initialAssessment: AssessmentSummary | null;
  readonly followUpAssessment: AssessmentSummary | null;
  readonly referralRequest: Pick<TrimReferralRequestedData, 'reason' | 'requestedAt'> | null;
  readonly referralId: string | null;
  readonly deadlines: DeadlineLedger;
}

export type OpenTrim = TrimCase & { readonly status: OpenStatus };
export type ClosedTrim = TrimCase & {
  readonly status: 'closed';
  readonly closure: { readonly outcome: TrimCloseOutcome; readonly note: string | null; readonly closedAt: string };
};
export type DeclinedTrim = TrimCase & {
  readonly status: 'declined';
  readonly decline: { readonly stage: TrimDeclineStage; readonly reason: string; readonly declinedAt: string };
};
export type ExistingTrim = OpenTrim | ClosedTrim | DeclinedTrim;
export type TrimState = { readonly status: 'none' } | ExistingTrim;

export const initialTrimState: TrimState = { status: 'none' };

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything before the activation, a second activation) leaves
 * the state as it was: the stream, not this function, is the record of what happened.
 */
export function evolve(state: TrimState, event: TrimEvent): TrimState {
  if (event.type === 'TrimActivated') return state.status === 'none' ? activated(event.data) : state;
  if (state.status === 'none') return state;
  const at = (status: OpenStatus, changes: Partial<TrimCase> = {}): OpenTrim => ({
    ...caseOf(state),
    ...changes,
    status,
  });
  switch (event.type) {
    case 'PractitionerAllocated':
      return at('awaiting_initial_assessment', { practitionerId: event.data.practitionerId });
    case 'PractitionerReallocated':
      return { ...state, practitionerId: event.data.toPractitionerId };
    case 'TraumaInterventionBriefDelivered':
      return { ...state, briefDeliveredAt: event.data.deliveredAt };
    case 'TrimRiskAssessmentRecorded': {
      const { notes: _confidential, ...assessment } = event.data;
      return assessment.kind === 'initial'
        ? at('awaiting_follow_up', { initialAssessment: assessment })
        : at('awaiting_closure', { followUpAssessment: assessment });
    }
    case 'TrimReferralRequested':
      return at('referral_requested', {
        referralRequest: { reason: event.data.reason, requestedAt: event.data.requestedAt },
      });
    case 'TrimReferralOpened':
      return at('referred', { referralId: event.data.referralId });
    case 'TrimClosed': {
      const { outcome, note, closedAt } = event.data;
      return { ...caseOf(state), status: 'closed', closure: { outcome, note, closedAt } };
    }
    case 'TrimDeclined': {
      const { stage, reason, declinedAt } = event.data;
      return { ...caseOf(state), status: 'declined', decline: { stage, reason, declinedAt } };
    }
    case 'DeadlineScheduled':
    case 'DeadlineMet':
    case 'DeadlineWaived':
    case 'DeadlineOverdue':
    case 'DeadlineEscalated':
      return { ...state, deadlines: evolveLedger(state.deadlines, event) };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

function activated(data: TrimActivatedData): TrimState {
  return {
    status: 'awaiting_practitioner',
    activationId: data.activationId,
    person: {
      personId: data.personId,
      personName: data.personName,
      employmentType: data.employmentType,
      department: data.department,
    },
    source: data.source,
    incidentId: data.incidentId,
    incidentOccurredAt: data.incidentOccurredAt,
    assessmentClockFrom: data.assessmentClockFrom,
    activatedBy: data.activatedBy,
    activatedAt: data.activatedAt,
    practitionerId: null,
    briefDeliveredAt: null,
    initialAssessment: null,
    followUpAssessment: null,
    referralRequest: null,
    referralId: null,
    deadlines: emptyLedger,
  };
}

/** The case facts alone, dropping what only a closed or declined activation carries. */
function caseOf(state: ExistingTrim): TrimCase {
  if (state.status === 'closed') {
    const { status: _status, closure: _closure, ...facts } = state;
    return facts;
  }
  if (state.status === 'declined') {
    const { status: _status, decline: _decline, ...facts } = state;
    return facts;
  }
  const { status: _status, ...facts } = state;
  return facts;
}

/** The most recent risk assessment, if any. */
export function latestAssessment(state: TrimCase): AssessmentSummary | null {
  return state.followUpAssessment ?? state.initialAssessment;
}
