import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { StayEvent, StayInterviewHeldData, StayInterviewRequestedData, StayOutcomeRecorded } from './events';
import type { IntentToLeave, StayAction, StayPerson, StayRequestSource } from './types';

/** In path order: each status comes after the ones listed before it. */
export const OPEN_STATUSES = [
  'awaiting_interviewer',
  'awaiting_interview',
  'awaiting_actions', // held; actions not agreed yet
  'awaiting_follow_up',
  'follow_up_held', // waiting, perhaps months, to learn whether they stayed
] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type StayStatus = 'none' | OpenStatus | 'closed' | 'declined' | 'cancelled';

export type StayInterviewSummary = Omit<StayInterviewHeldData, 'recordedAt'>;
export type TrackedAction = StayAction & { readonly completedAt: string | null };

/** The facts every existing stay interview carries, whatever its status. */
export interface StayCase {
  readonly stayInterviewId: string;
  readonly person: StayPerson;
  readonly source: StayRequestSource;
  readonly concerns: string;
  readonly intentAtRequest: IntentToLeave;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly interviewerId: string | null;
  readonly interview: StayInterviewSummary | null;
  readonly actions: readonly TrackedAction[];
  readonly actionsAgreedAt: string | null;
  readonly followUpHeldAt: string | null;
  readonly deadlines: DeadlineLedger;
}

export type OpenStay = StayCase & { readonly status: OpenStatus };
export type ClosedStay = StayCase & { readonly status: 'closed'; readonly outcome: StayOutcomeRecorded['data'] };
export type DeclinedStay = StayCase & {
  readonly status: 'declined';
  readonly decline: { readonly reason: string; readonly declinedAt: string };
};
export type CancelledStay = StayCase & {
  readonly status: 'cancelled';
  readonly cancellation: { readonly reason: string; readonly cancelledAt: string };
};
export type ExistingStay = OpenStay | ClosedStay | DeclinedStay | CancelledStay;
export type StayState = { readonly status: 'none' } | ExistingStay;

export const initialStayState: StayState = { status: 'none' };

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything before the request, a second request) leaves the
 * state as it was: the stream, not this function, is the record of what happened.
 */
export function evolve(state: StayState, event: StayEvent): StayState {
  if (event.type === 'StayInterviewRequested') return state.status === 'none' ? requested(event.data) : state;
  if (state.status === 'none') return state;
  const at = (status: OpenStatus, changes: Partial<StayCase> = {}): OpenStay => ({
    ...caseOf(state),
    ...changes,
    status,
  });
  switch (event.type) {
    case 'StayInterviewerAllocated':
      return at('awaiting_interview', { interviewerId: event.data.interviewerId });
    case 'StayInterviewerReassigned':
      return { ...state, interviewerId: event.data.toInterviewerId };
    case 'StayInterviewHeld': {
      const { recordedAt: _recordedAt, ...interview } = event.data;
      return at('awaiting_actions', { interview });
    }
    case 'StayActionsAgreed': {
      const actions = event.data.actions.map((action) => ({ ...action, completedAt: null }));
      return at('awaiting_follow_up', { actions, actionsAgreedAt: event.data.agreedAt });
    }
    case 'StayActionCompleted': {
      const { actionId, completedAt } = event.data;
      const actions = state.actions.map((a) => (a.actionId === actionId ? { ...a, completedAt } : a));
      return { ...state, actions };
    }
    case 'StayFollowUpHeld':
      return at('follow_up_held', { followUpHeldAt: event.data.heldAt });
    case 'StayOutcomeRecorded':
      return { ...caseOf(state), status: 'closed', outcome: event.data };
    case 'StayInterviewDeclined':
      return { ...caseOf(state), status: 'declined', decline: event.data };
    case 'StayInterviewCancelled':
      return { ...caseOf(state), status: 'cancelled', cancellation: event.data };
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

function requested(data: StayInterviewRequestedData): StayState {
  return {
    status: 'awaiting_interviewer',
    stayInterviewId: data.stayInterviewId,
    person: {
      personId: data.personId,
      personName: data.personName,
      employmentType: data.employmentType,
      department: data.department,
      lineManagerId: data.lineManagerId,
      startDate: data.startDate,
      isStudentOfficer: data.isStudentOfficer,
    },
    source: data.source,
    concerns: data.concerns,
    intentAtRequest: data.intentToLeave,
    requestedBy: data.requestedBy,
    requestedAt: data.requestedAt,
    interviewerId: null,
    interview: null,
    actions: [],
    actionsAgreedAt: null,
    followUpHeldAt: null,
    deadlines: emptyLedger,
  };
}

/** The case facts alone, dropping what only an ended interview carries. */
function caseOf(state: ExistingStay): StayCase {
  switch (state.status) {
    case 'closed': {
      const { status: _status, outcome: _outcome, ...facts } = state;
      return facts;
    }
    case 'declined': {
      const { status: _status, decline: _decline, ...facts } = state;
      return facts;
    }
    case 'cancelled': {
      const { status: _status, cancellation: _cancellation, ...facts } = state;
      return facts;
    }
    default: {
      const { status: _status, ...facts } = state;
      return facts;
    }
  }
}

/** Agreed actions not yet marked done. */
export function openActions(state: StayCase): readonly TrackedAction[] {
  return state.actions.filter((action) => action.completedAt === null);
}
