import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { SurveillanceEnrolledData, SurveillanceEvent } from './events';
import type { ScreeningLevel, ScreeningProvider, ScreeningResult } from './types';

/**
 * - `enrolled`: in a role with a screening level, with a screening due;
 * - `not_required`: still on the register, but the current role needs no screening;
 * - `left`: off the register (left the force, long-term absence…); may enrol again.
 */
export type SurveillanceStatus = 'none' | 'enrolled' | 'not_required' | 'left';

export interface ScreeningRecord {
  readonly screeningId: string;
  readonly level: ScreeningLevel;
  readonly provider: ScreeningProvider;
  readonly result: ScreeningResult;
  readonly completedAt: string;
}

/** The facts every existing record carries, whatever its status. */
export interface SurveillanceCase {
  readonly personId: string;
  readonly personName: string;
  readonly department: string;
  readonly role: string;
  /** The current (or latest) enrolment. */
  readonly enrolledAt: string;
  readonly lastScreening: ScreeningRecord | null;
  /** The due date as scheduled; the deadline in `deadlines.screening` adds the grace period. */
  readonly nextScreening: { readonly level: ScreeningLevel; readonly dueAt: string } | null;
  readonly deadlines: DeadlineLedger;
}

export type EnrolledRecord = SurveillanceCase & { readonly status: 'enrolled'; readonly level: ScreeningLevel };
export type NotRequiredRecord = SurveillanceCase & { readonly status: 'not_required'; readonly level: null };
export type LeftRecord = SurveillanceCase & {
  readonly status: 'left';
  readonly level: ScreeningLevel | null;
  readonly departure: { readonly reason: string; readonly leftAt: string };
};
export type ActiveRecord = EnrolledRecord | NotRequiredRecord;
export type ExistingRecord = ActiveRecord | LeftRecord;
export type SurveillanceState = { readonly status: 'none' } | ExistingRecord;

export const initialSurveillanceState: SurveillanceState = { status: 'none' };

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything before an enrolment, an enrolment while already on
 * the register) leaves the state as it was: the stream is the record of what happened.
 */
export function evolveSurveillance(state: SurveillanceState, event: SurveillanceEvent): SurveillanceState {
  if (event.type === 'SurveillanceEnrolled') {
    return state.status === 'none' || state.status === 'left' ? enrolled(state, event.data) : state;
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SurveillanceScreeningScheduled':
      return { ...state, nextScreening: { level: event.data.level, dueAt: event.data.dueAt } };
    case 'SurveillanceScreeningCompleted': {
      const { screeningId, level, provider, result, completedAt } = event.data;
      return { ...state, lastScreening: { screeningId, level, provider, result, completedAt }, nextScreening: null };
    }
    case 'SurveillanceRoleChanged': {
      const { toRole: role, toLevel: level } = event.data;
      const facts = caseOf(state);
      if (state.status === 'left') return { ...state, role, level };
      return level === null
        ? { ...facts, role, status: 'not_required', level, nextScreening: null }
        : { ...facts, role, status: 'enrolled', level };
    }
    case 'SurveillanceLeft': {
      const { reason, leftAt } = event.data;
      return {
        ...caseOf(state),
        status: 'left',
        level: state.level,
        nextScreening: null,
        departure: { reason, leftAt },
      };
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

function enrolled(previous: SurveillanceState, data: SurveillanceEnrolledData): EnrolledRecord {
  const { level, enrolledAt, ...person } = data;
  return {
    status: 'enrolled',
    ...person,
    level,
    enrolledAt,
    // A returning person keeps their screening history; their due date starts afresh.
    lastScreening: previous.status === 'none' ? null : previous.lastScreening,
    nextScreening: null,
    deadlines: previous.status === 'none' ? emptyLedger : previous.deadlines,
  };
}

function caseOf(state: ExistingRecord): SurveillanceCase {
  if (state.status === 'left') {
    const { status: _status, level: _level, departure: _departure, ...facts } = state;
    return facts;
  }
  const { status: _status, level: _level, ...facts } = state;
  return facts;
}
