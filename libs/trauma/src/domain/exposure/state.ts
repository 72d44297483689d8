import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { SupportTaskEvent, SupportTaskRaisedData } from './events';
import type { ExposureHistoryItem, ExposureSummary, OfferResponse, SupportOffer, SupportTaskOutcome } from './types';

/**
 * `awaiting_contact` until someone has actually reached the person (attempts that did
 * not get through leave it there), then `in_contact` while offers are made and answered.
 */
export const OPEN_STATUSES = ['awaiting_contact', 'in_contact'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type SupportTaskStatus = 'none' | OpenStatus | 'closed';

export interface SupportOfferRecord {
  readonly offerId: string;
  readonly offer: SupportOffer;
  readonly offeredAt: string;
  /** Null while the person has not answered. */
  readonly response: { readonly response: OfferResponse; readonly reason: string | null } | null;
}

/** The facts every existing task carries. Contact notes stay in the events, never in state. */
export interface SupportTaskCase {
  readonly taskId: string;
  readonly person: { readonly personId: string; readonly personName: string; readonly department: string };
  readonly triggeringExposureId: string;
  readonly exposures: readonly ExposureHistoryItem[];
  readonly summary: ExposureSummary;
  readonly raisedAt: string;
  readonly coordinatorId: string | null;
  /** Attempts included. */
  readonly contactCount: number;
  /** The first contact that reached the person. */
  readonly firstReachedAt: string | null;
  /** Oldest first. */
  readonly offers: readonly SupportOfferRecord[];
  readonly deadlines: DeadlineLedger;
}

export type OpenSupportTask = SupportTaskCase & { readonly status: OpenStatus };
export type ClosedSupportTask = SupportTaskCase & {
  readonly status: 'closed';
  readonly closure: { readonly outcome: SupportTaskOutcome; readonly note: string | null; readonly closedAt: string };
};
export type ExistingSupportTask = OpenSupportTask | ClosedSupportTask;
export type SupportTaskState = { readonly status: 'none' } | ExistingSupportTask;

export const initialSupportTaskState: SupportTaskState = { status: 'none' };

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything before the task was raised, a second raise) leaves
 * the state as it was: the stream, not this function, is the record of what happened.
 */
export function evolveSupportTask(state: SupportTaskState, event: SupportTaskEvent): SupportTaskState {
  if (event.type === 'SupportTaskRaised') return state.status === 'none' ? raised(event.data) : state;
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SupportTaskCoordinatorAssigned':
      return { ...state, coordinatorId: event.data.coordinatorId };
    case 'SupportTaskContactRecorded': {
      const { reached, contactedAt } = event.data;
      const counted = {
        contactCount: state.contactCount + 1,
        firstReachedAt: state.firstReachedAt ?? (reached ? contactedAt : null),
      };
      return state.status === 'awaiting_contact' && reached
        ? { ...state, ...counted, status: 'in_contact' }
        : { ...state, ...counted };
    }
    case 'SupportTaskOfferRecorded': {
      const { offerId, offer, offeredAt } = event.data;
      return { ...state, offers: [...state.offers, { offerId, offer, offeredAt, response: null }] };
    }
    case 'SupportTaskOfferResponseRecorded': {
      const { offerId, response, reason } = event.data;
      return {
        ...state,
        offers: state.offers.map((o) => (o.offerId === offerId ? { ...o, response: { response, reason } } : o)),
      };
    }
    case 'SupportTaskClosed': {
      const { outcome, note, closedAt } = event.data;
      return { ...caseOf(state), status: 'closed', closure: { outcome, note, closedAt } };
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

function raised(data: SupportTaskRaisedData): SupportTaskState {
  return {
    status: 'awaiting_contact',
    taskId: data.taskId,
    person: { personId: data.personId, personName: data.personName, department: data.department },
    triggeringExposureId: data.triggeringExposureId,
    exposures: data.exposures,
    summary: data.summary,
    raisedAt: data.raisedAt,
    coordinatorId: null,
    contactCount: 0,
    firstReachedAt: null,
    offers: [],
    deadlines: emptyLedger,
  };
}

function caseOf(state: ExistingSupportTask): SupportTaskCase {
  if (state.status === 'closed') {
    const { status: _status, closure: _closure, ...facts } = state;
    return facts;
  }
  const { status: _status, ...facts } = state;
  return facts;
}

export function pendingOffers(task: SupportTaskCase): readonly SupportOfferRecord[] {
  return task.offers.filter((o) => o.response === null);
}
