import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { WelfareCaseOpenedData, WelfareEvent } from './events';
import type { InvestigationKind, WelfarePerson } from './types';

/** In path order; an investigation may conclude before anyone is assigned, so `concluded` follows either. */
export const OPEN_STATUSES = ['awaiting_wlo', 'active', 'concluded'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type WelfareStatus = 'none' | OpenStatus | 'closed';

export interface InvestigationFacts {
  readonly kind: InvestigationKind;
  readonly reference: string;
  readonly startedAt: string;
  readonly suspended: boolean;
}

/** The facts every existing case carries, whatever its status. */
export interface WelfareCase {
  readonly caseId: string;
  readonly person: WelfarePerson;
  readonly investigation: InvestigationFacts;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly wloId: string | null;
  readonly contacts: number;
  /** The latest contact's business time: the next one is due a cadence after it. */
  readonly lastContactAt: string | null;
  /** Set while the colleague is on sick leave, to when it began. */
  readonly sickLeaveSince: string | null;
  readonly progressReports: number;
  readonly lastReportAt: string | null;
  readonly conclusion: { readonly outcome: string; readonly concludedAt: string } | null;
  readonly deadlines: DeadlineLedger;
}

export type OpenWelfare = WelfareCase & { readonly status: OpenStatus };
export type ClosedWelfare = WelfareCase & {
  readonly status: 'closed';
  readonly closure: { readonly exitPlan: string; readonly debriefHeldAt: string; readonly closedAt: string };
};
export type ExistingWelfare = OpenWelfare | ClosedWelfare;
export type WelfareState = { readonly status: 'none' } | ExistingWelfare;

export const initialWelfareState: WelfareState = { status: 'none' };

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything before the opening, a second opening) leaves the
 * state as it was: the stream, not this function, is the record of what happened.
 */
export function evolve(state: WelfareState, event: WelfareEvent): WelfareState {
  if (event.type === 'WelfareCaseOpened') return state.status === 'none' ? opened(event.data) : state;
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'WloAssigned': {
      const assigned = { ...state, wloId: event.data.wloId };
      return assigned.status === 'awaiting_wlo' ? { ...assigned, status: 'active' } : assigned;
    }
    case 'WloReassigned':
      return { ...state, wloId: event.data.toWloId };
    case 'WelfareContactLogged': {
      const { contactedAt } = event.data;
      // A contact keyed in late may be older than the last one; the latest still counts.
      const { lastContactAt } = state;
      const isLatest = lastContactAt === null || Date.parse(contactedAt) >= Date.parse(lastContactAt);
      return { ...state, contacts: state.contacts + 1, lastContactAt: isLatest ? contactedAt : lastContactAt };
    }
    case 'SickLeaveStarted':
      return { ...state, sickLeaveSince: event.data.startedAt };
    case 'SickLeaveEnded':
      return { ...state, sickLeaveSince: null };
    case 'InvestigationProgressReported':
      return { ...state, progressReports: event.data.reportNumber, lastReportAt: event.data.reportedAt };
    case 'InvestigationConcluded': {
      const { outcome, concludedAt } = event.data;
      const conclusion = { outcome, concludedAt };
      return state.status === 'closed' ? { ...state, conclusion } : { ...state, status: 'concluded', conclusion };
    }
    case 'WelfareCaseClosed': {
      const { exitPlan, debriefHeldAt, closedAt } = event.data;
      return { ...state, status: 'closed', closure: { exitPlan, debriefHeldAt, closedAt } };
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

function opened(data: WelfareCaseOpenedData): WelfareState {
  return {
    status: 'awaiting_wlo',
    caseId: data.caseId,
    person: {
      personId: data.personId,
      name: data.personName,
      employmentType: data.employmentType,
      department: data.department,
    },
    investigation: {
      kind: data.kind,
      reference: data.reference,
      startedAt: data.investigationStartedAt,
      suspended: data.suspended,
    },
    openedBy: data.openedBy,
    openedAt: data.openedAt,
    wloId: null,
    contacts: 0,
    lastContactAt: null,
    sickLeaveSince: null,
    progressReports: 0,
    lastReportAt: null,
    conclusion: null,
    deadlines: emptyLedger,
  };
}
