import type { DomainEvent } from '@casework/core/domain/decider';
import { deterministicId } from '@casework/core/ids';
import type { DeadlineEvent } from '@casework/timers/domain/deadline-events';
import type { ScheduleReason, ScreeningLevel, ScreeningProvider, ScreeningResult } from './types';

/**
 * What happened to one person's psychological surveillance, as stored in their stream.
 * Type names are explicit and stable (they are the stored names); data is plain JSON
 * with instants as ISO strings. Changing a payload's shape means a new schema version
 * and an upcaster, never an edit. Nothing here is clinical.
 */

export interface SurveillanceEnrolledData {
  readonly personId: string;
  readonly personName: string;
  readonly department: string;
  readonly role: string;
  readonly level: ScreeningLevel;
  readonly enrolledAt: string;
}

export type SurveillanceEnrolled = DomainEvent<'SurveillanceEnrolled', SurveillanceEnrolledData>;
/**
 * The screening due date the person and their manager see. The deadline scheduled with
 * it falls due later, at the end of the grace period: that is when it is overdue.
 */
export type SurveillanceScreeningScheduled = DomainEvent<
  'SurveillanceScreeningScheduled',
  {
    readonly level: ScreeningLevel;
    readonly dueAt: string;
    readonly reason: ScheduleReason;
    readonly scheduledAt: string;
  }
>;
export type SurveillanceScreeningCompleted = DomainEvent<
  'SurveillanceScreeningCompleted',
  {
    readonly screeningId: string;
    /** The level the person was at when screened. */
    readonly level: ScreeningLevel;
    readonly provider: ScreeningProvider;
    readonly result: ScreeningResult;
    readonly completedAt: string;
    readonly recordedAt: string;
  }
>;
export type SurveillanceRoleChanged = DomainEvent<
  'SurveillanceRoleChanged',
  {
    readonly fromRole: string;
    readonly toRole: string;
    readonly fromLevel: ScreeningLevel | null;
    /** Null when the new role needs no surveillance. */
    readonly toLevel: ScreeningLevel | null;
    readonly changedAt: string;
  }
>;
export type SurveillanceLeft = DomainEvent<'SurveillanceLeft', { readonly reason: string; readonly leftAt: string }>;

/** The record's own facts, without the shared deadline events. */
export type SurveillanceFact =
  | SurveillanceEnrolled
  | SurveillanceScreeningScheduled
  | SurveillanceScreeningCompleted
  | SurveillanceRoleChanged
  | SurveillanceLeft;

/** Everything a surveillance stream holds: its own facts and its deadlines. */
export type SurveillanceEvent = SurveillanceFact | DeadlineEvent;

/** Stored with each event; bump one (and add an upcaster) when that payload changes. */
export const SURVEILLANCE_EVENT_SCHEMA_VERSIONS: Readonly<Record<SurveillanceEvent['type'], number>> = {
  SurveillanceEnrolled: 1,
  SurveillanceScreeningScheduled: 1,
  SurveillanceScreeningCompleted: 1,
  SurveillanceRoleChanged: 1,
  SurveillanceLeft: 1,
  DeadlineScheduled: 1,
  DeadlineMet: 1,
  DeadlineWaived: 1,
  DeadlineOverdue: 1,
  DeadlineEscalated: 1,
};

export const SURVEILLANCE_STREAM_CATEGORY = 'surveillance';

/**
 * One stream per person in a force, for good: re-enrolling after leaving continues the
 * same record. Person ids are staff numbers, unique only within a force and not UUIDs, so
 * the stream's UUID is derived from both.
 */
export function surveillanceId(forceId: string, personId: string): string {
  return deterministicId(SURVEILLANCE_STREAM_CATEGORY, forceId, personId);
}

export function surveillanceStreamId(forceId: string, personId: string): string {
  return `${SURVEILLANCE_STREAM_CATEGORY}-${surveillanceId(forceId, personId)}`;
}
