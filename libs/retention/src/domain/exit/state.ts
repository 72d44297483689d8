import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { ExitEvent, ExitLeavingNotifiedData } from './events';
import type { ExitDemographics, ExitPerson, LeavingReason } from './types';

/** In path order: each status comes after the ones listed before it. */
export const OPEN_STATUSES = [
  'awaiting_interviewer',
  'awaiting_interview',
  'awaiting_outcome', // the interview was held or declined
] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type ExitStatus = 'none' | OpenStatus | 'retained' | 'left';

/** How the exit interview went, as decisions need it; the summary stays in the event. */
export type InterviewRecord =
  | { readonly outcome: 'held'; readonly interviewerId: string; readonly heldAt: string }
  | { readonly outcome: 'declined'; readonly declinedAt: string };

/** How the exit survey went; the answers stay in the event. */
export type SurveyRecord =
  | { readonly outcome: 'completed'; readonly questionnaireId: string; readonly completedAt: string }
  | { readonly outcome: 'declined'; readonly declinedAt: string };

/** The facts every existing exit carries, whatever its status. */
export interface ExitCase {
  readonly exitId: string;
  readonly person: ExitPerson;
  readonly demographics: ExitDemographics;
  readonly reason: LeavingReason;
  /** YYYY-MM-DD, as notified. */
  readonly leavingDate: string;
  readonly optOutOfLineManager: boolean;
  readonly notifiedBy: string;
  readonly notifiedAt: string;
  readonly interviewerId: string | null;
  readonly interview: InterviewRecord | null;
  readonly survey: SurveyRecord | null;
  readonly drivers: readonly string[] | null;
  readonly deadlines: DeadlineLedger;
}

export type OpenExit = ExitCase & { readonly status: OpenStatus };
export type RetainedExit = ExitCase & { readonly status: 'retained'; readonly retainedAt: string };
export type LeftExit = ExitCase & {
  readonly status: 'left';
  /** YYYY-MM-DD, the final leaving date. */
  readonly leftOn: string;
  readonly rejoiner: { readonly rejoinedAt: string; readonly newPersonRecordId: string | null } | null;
};
export type ExistingExit = OpenExit | RetainedExit | LeftExit;
export type ExitState = { readonly status: 'none' } | ExistingExit;

export const initialExitState: ExitState = { status: 'none' };

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything before the notification, a second notification)
 * leaves the state as it was: the stream, not this function, is the record.
 */
export function evolve(state: ExitState, event: ExitEvent): ExitState {
  if (event.type === 'ExitLeavingNotified') return state.status === 'none' ? notified(event.data) : state;
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ExitInterviewerAllocated':
      return state.status === 'awaiting_interviewer'
        ? { ...state, status: 'awaiting_interview', interviewerId: event.data.interviewerId }
        : { ...state, interviewerId: event.data.interviewerId };
    case 'ExitInterviewerReallocated':
      return { ...state, interviewerId: event.data.toInterviewerId };
    case 'ExitSurveyCompleted': {
      const { questionnaireId, completedAt } = event.data;
      return { ...state, survey: { outcome: 'completed', questionnaireId, completedAt } };
    }
    case 'ExitSurveyDeclined':
      return { ...state, survey: { outcome: 'declined', declinedAt: event.data.declinedAt } };
    case 'ExitInterviewHeld': {
      const { interviewerId, heldAt } = event.data;
      return concluded(state, { outcome: 'held', interviewerId, heldAt });
    }
    case 'ExitInterviewDeclined':
      return concluded(state, { outcome: 'declined', declinedAt: event.data.declinedAt });
    case 'ExitDriversRecorded':
      return { ...state, drivers: event.data.codes };
    case 'ExitRetained':
      return { ...caseOf(state), status: 'retained', retainedAt: event.data.retainedAt };
    case 'ExitLeft':
      return { ...caseOf(state), status: 'left', leftOn: event.data.leavingDate, rejoiner: null };
    case 'ExitRejoinerLinked': {
      if (state.status !== 'left') return state;
      const { rejoinedAt, newPersonRecordId } = event.data;
      return { ...state, rejoiner: { rejoinedAt, newPersonRecordId } };
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

function notified(data: ExitLeavingNotifiedData): ExitState {
  return {
    status: 'awaiting_interviewer',
    exitId: data.exitId,
    person: {
      personId: data.personId,
      name: data.name,
      employmentType: data.employmentType,
      department: data.department,
      lineManagerId: data.lineManagerId,
      startDate: data.startDate,
    },
    demographics: data.demographics,
    reason: data.reason,
    leavingDate: data.leavingDate,
    optOutOfLineManager: data.optOutOfLineManager,
    notifiedBy: data.notifiedBy,
    notifiedAt: data.notifiedAt,
    interviewerId: null,
    interview: null,
    survey: null,
    drivers: null,
    deadlines: emptyLedger,
  };
}

/** The case facts alone, dropping what only a retained or left exit carries. */
function caseOf(state: ExistingExit): ExitCase {
  if (state.status === 'retained') {
    const { status: _status, retainedAt: _retainedAt, ...facts } = state;
    return facts;
  }
  if (state.status === 'left') {
    const { status: _status, leftOn: _leftOn, rejoiner: _rejoiner, ...facts } = state;
    return facts;
  }
  const { status: _status, ...facts } = state;
  return facts;
}

/** The interview's outcome moves an open exit on to its outcome; an ended exit only records it. */
function concluded(state: ExistingExit, interview: InterviewRecord): ExistingExit {
  const isOpen = state.status !== 'retained' && state.status !== 'left';
  return isOpen ? { ...state, status: 'awaiting_outcome', interview } : { ...state, interview };
}
