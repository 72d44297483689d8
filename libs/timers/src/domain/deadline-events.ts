/**
 * Deadlines are facts in the case's own stream, shared by every workflow: a decider
 * schedules one when a stage opens and meets or waives it when the stage is done. The
 * deadlines projection and the timers only ever derive from these events.
 */

/** Who is told at each rung of the escalation ladder. */
export type EscalationTarget = 'owner' | 'team_manager' | 'head_of_wellbeing';

export interface LadderStep {
  /** 1 = overdue (owner told), 2+ = escalated up the ladder. */
  readonly level: number;
  /** ISO 8601 instant at which this rung is reached. */
  readonly at: string;
  readonly notify: EscalationTarget;
}

export interface DeadlineScheduledData {
  /** Unique per scheduling, so a re-scheduled deadline never collides with the old one. */
  readonly deadlineId: string;
  /** Workflow-specific name, e.g. `triage`, `first-appointment`, `outcome-report`. */
  readonly kind: string;
  readonly dueAt: string;
  readonly ownerId: string | null;
  readonly ladder: readonly LadderStep[];
}

export interface DeadlineMetData {
  readonly deadlineId: string;
  readonly kind: string;
  readonly metAt: string;
  /** Whether it was met after the due time. */
  readonly late: boolean;
}

export interface DeadlineWaivedData {
  readonly deadlineId: string;
  readonly kind: string;
  readonly reason: string;
  readonly waivedBy: string;
}

export interface DeadlineOverdueData {
  readonly deadlineId: string;
  readonly kind: string;
  readonly level: 1;
  readonly notify: EscalationTarget;
  readonly dueAt: string;
}

export interface DeadlineEscalatedData {
  readonly deadlineId: string;
  readonly kind: string;
  readonly level: number;
  readonly notify: EscalationTarget;
  readonly dueAt: string;
}

export type DeadlineEvent =
  | { readonly type: 'DeadlineScheduled'; readonly data: DeadlineScheduledData }
  | { readonly type: 'DeadlineMet'; readonly data: DeadlineMetData }
  | { readonly type: 'DeadlineWaived'; readonly data: DeadlineWaivedData }
  | { readonly type: 'DeadlineOverdue'; readonly data: DeadlineOverdueData }
  | { readonly type: 'DeadlineEscalated'; readonly data: DeadlineEscalatedData };

export const DEADLINE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'DeadlineScheduled',
  'DeadlineMet',
  'DeadlineWaived',
  'DeadlineOverdue',
  'DeadlineEscalated',
]);

export function isDeadlineEvent(event: { type: string }): event is DeadlineEvent {
  return DEADLINE_EVENT_TYPES.has(event.type);
}
