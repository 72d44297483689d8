import type { DomainEvent } from '@casework/core/domain/decider';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type { ContactType, EmploymentType, InvestigationKind, Signpost } from './types';

/**
 * What happened in one welfare liaison case, as stored in its stream. Type names are
 * explicit and stable (they are the stored names); data is plain JSON with instants as
 * ISO strings. Changing a payload's shape means a new schema version and an upcaster.
 * The case is a welfare record of contact: no clinical notes and no legal advice.
 */

export interface WelfareCaseOpenedData {
  readonly caseId: string;
  readonly personId: string;
  readonly personName: string;
  /** The next four are carried for reports, which split cases by each of them. */
  readonly employmentType: EmploymentType;
  readonly department: string;
  readonly kind: InvestigationKind;
  readonly suspended: boolean;
  readonly reference: string;
  readonly investigationStartedAt: string;
  readonly openedBy: string;
  readonly openedAt: string;
}

export interface WelfareContactLoggedData {
  readonly contactId: string;
  readonly wloId: string;
  readonly type: ContactType;
  readonly contactedAt: string;
  /** Welfare concerns in the colleague's words; never clinical notes. */
  readonly concerns: string | null;
  readonly signposting: readonly Signpost[];
  /** Whether the colleague was on sick leave at the time, so reports can tell the two cadences apart. */
  readonly onSickLeave: boolean;
  readonly recordedAt: string;
}

export type WelfareCaseOpened = DomainEvent<'WelfareCaseOpened', WelfareCaseOpenedData>;
export type WloAssigned = DomainEvent<'WloAssigned', { readonly wloId: string; readonly assignedAt: string }>;
export type WloReassigned = DomainEvent<
  'WloReassigned',
  { readonly fromWloId: string; readonly toWloId: string; readonly reason: string; readonly reassignedAt: string }
>;
export type WelfareContactLogged = DomainEvent<'WelfareContactLogged', WelfareContactLoggedData>;
export type SickLeaveStarted = DomainEvent<
  'SickLeaveStarted',
  { readonly startedAt: string; readonly recordedAt: string }
>;
export type SickLeaveEnded = DomainEvent<'SickLeaveEnded', { readonly endedAt: string; readonly recordedAt: string }>;
export type InvestigationProgressReported = DomainEvent<
  'InvestigationProgressReported',
  {
    /** 1 for the report due at 12 months, 2 for the next, … */
    readonly reportNumber: number;
    readonly reportedAt: string;
    readonly note: string | null;
    readonly recordedAt: string;
  }
>;
export type InvestigationConcluded = DomainEvent<
  'InvestigationConcluded',
  { readonly outcome: string; readonly concludedAt: string; readonly recordedAt: string }
>;
export type WelfareCaseClosed = DomainEvent<
  'WelfareCaseClosed',
  { readonly exitPlan: string; readonly debriefHeldAt: string; readonly closedAt: string }
>;

/** The case's own facts, without the shared deadline events. */
export type WelfareFact =
  | WelfareCaseOpened
  | WloAssigned
  | WloReassigned
  | WelfareContactLogged
  | SickLeaveStarted
  | SickLeaveEnded
  | InvestigationProgressReported
  | InvestigationConcluded
  | WelfareCaseClosed;

/** Everything a welfare stream holds: its own facts and its deadlines. */
export type WelfareEvent = WelfareFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const WELFARE_EVENT_SCHEMA_VERSIONS: Readonly<Record<WelfareEvent['type'], number>> = {
  WelfareCaseOpened: 1,
  WloAssigned: 1,
  WloReassigned: 1,
  WelfareContactLogged: 1,
  SickLeaveStarted: 1,
  SickLeaveEnded: 1,
  InvestigationProgressReported: 1,
  InvestigationConcluded: 1,
  WelfareCaseClosed: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

export const WELFARE_STREAM_CATEGORY = 'welfare';

export function welfareStreamId(caseId: string): string {
  return `${WELFARE_STREAM_CATEGORY}-${caseId}`;
}
