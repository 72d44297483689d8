import { emptyLedger, evolveLedger, type DeadlineLedger } from '@casework/timers/domain/deadline-ledger';
import type { ColleagueExposedData, IncidentEvent, IncidentRecordedData } from './events';
import type { EstipStage, ExposureRole } from './types';

/**
 * Where one ESTIP tier stands. `not_needed` is the demobilisation's finding that no
 * defusion is needed; `in_progress` and `concluded` are monitoring's, which runs a while.
 */
export type EstipStageStatus = 'pending' | 'not_needed' | 'held' | 'skipped' | 'in_progress' | 'concluded';

export interface Exposure {
  readonly personId: string;
  readonly name: string;
  readonly department: string;
  readonly role: string | null;
  readonly exposureRole: ExposureRole;
  readonly exposedAt: string;
  /** `removed`: recorded in error (the reason is in the stream); re-adding exposes again. */
  readonly status: 'exposed' | 'removed';
}

/** The facts every recorded incident carries, open or closed. */
export interface IncidentCase {
  readonly incidentId: string;
  readonly type: string;
  readonly severityWeight: number;
  readonly occurredAt: string;
  readonly department: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** Keyed by person id. */
  readonly exposures: Readonly<Record<string, Exposure>>;
  readonly estip: Readonly<Record<EstipStage, EstipStageStatus>>;
  readonly trimPlanning: 'pending' | 'held';
  readonly deadlines: DeadlineLedger;
}

export type OpenIncident = IncidentCase & { readonly status: 'open' };
export type ClosedIncident = IncidentCase & {
  readonly status: 'closed';
  readonly closure: { readonly reason: string; readonly closedAt: string };
};
export type ExistingIncident = OpenIncident | ClosedIncident;
export type IncidentState = { readonly status: 'none' } | ExistingIncident;

export const initialIncidentState: IncidentState = { status: 'none' };

const NO_ESTIP_YET: IncidentCase['estip'] = {
  demobilisation: 'pending',
  defusion: 'pending',
  estim: 'pending',
  monitoring: 'pending',
};

/**
 * Folds one event into the state. Total and side-effect free: it never throws, and an
 * event that cannot apply (anything before the incident is recorded, a second record)
 * leaves the state as it was: the stream, not this function, is the record of what happened.
 */
export function evolve(state: IncidentState, event: IncidentEvent): IncidentState {
  if (event.type === 'IncidentRecorded') return state.status === 'none' ? recorded(event.data) : state;
  if (state.status === 'none') return state;
  const stage = (stageName: EstipStage, status: EstipStageStatus): ExistingIncident => ({
    ...state,
    estip: { ...state.estip, [stageName]: status },
  });
  switch (event.type) {
    case 'ColleagueExposed':
      return { ...state, exposures: { ...state.exposures, [event.data.personId]: exposure(event.data) } };
    case 'ColleagueExposureRemoved': {
      const removed = state.exposures[event.data.personId];
      if (!removed) return state;
      return { ...state, exposures: { ...state.exposures, [removed.personId]: { ...removed, status: 'removed' } } };
    }
    case 'DemobilisationHeld': {
      const { defusion } = state.estip;
      const next = event.data.defusionNeeded || defusion !== 'pending' ? defusion : 'not_needed';
      return { ...state, estip: { ...state.estip, demobilisation: 'held', defusion: next } };
    }
    case 'DefusionHeld':
      return stage('defusion', 'held');
    case 'EstimHeld':
      return stage('estim', 'held');
    case 'MonitoringStarted':
      return stage('monitoring', 'in_progress');
    case 'MonitoringConcluded':
      return stage('monitoring', 'concluded');
    case 'EstipStageSkipped':
      return stage(event.data.stage, 'skipped');
    case 'TrimPlanningMeetingHeld':
      return { ...state, trimPlanning: 'held' };
    case 'IncidentClosed': {
      const { reason, closedAt } = event.data;
      return { ...caseOf(state), status: 'closed', closure: { reason, closedAt } };
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

function recorded(data: IncidentRecordedData): IncidentState {
  return {
    status: 'open',
    incidentId: data.incidentId,
    type: data.type,
    severityWeight: data.severityWeight,
    occurredAt: data.occurredAt,
    department: data.department,
    recordedBy: data.recordedBy,
    recordedAt: data.recordedAt,
    exposures: {},
    estip: NO_ESTIP_YET,
    trimPlanning: 'pending',
    deadlines: emptyLedger,
  };
}

function exposure(data: ColleagueExposedData): Exposure {
  const { personId, name, department, role, exposureRole, exposedAt } = data;
  return { personId, name, department, role, exposureRole, exposedAt, status: 'exposed' };
}

/** The case facts alone, dropping what only a closed incident carries. */
function caseOf(state: ExistingIncident): IncidentCase {
  if (state.status === 'closed') {
    const { status: _status, closure: _closure, ...facts } = state;
    return facts;
  }
  const { status: _status, ...facts } = state;
  return facts;
}

/** The colleagues currently recorded as exposed (removals excluded), in the order added. */
export function exposedColleagues(incident: IncidentCase): readonly Exposure[] {
  return Object.values(incident.exposures).filter((e) => e.status === 'exposed');
}

export function isExposed(incident: IncidentCase, personId: string): boolean {
  return incident.exposures[personId]?.status === 'exposed';
}
