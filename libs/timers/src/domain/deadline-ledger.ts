import { DomainError } from '@casework/core/domain/domain-error';
import type { DeadlineEvent, DeadlineScheduledData, LadderStep } from './deadline-events';

/**
 * The open deadlines of one case, keyed by kind (at most one open deadline per kind).
 * Workflow deciders keep this inside their state and call these pure functions.
 */
export interface OpenDeadline extends DeadlineScheduledData {
  /** Highest ladder level already recorded (0 = not yet overdue). */
  readonly level: number;
}

export type DeadlineLedger = Readonly<Record<string, OpenDeadline>>;

export const emptyLedger: DeadlineLedger = {};

export function evolveLedger(ledger: DeadlineLedger, event: DeadlineEvent): DeadlineLedger {
  switch (event.type) {
    case 'DeadlineScheduled':
      return { ...ledger, [event.data.kind]: { ...event.data, level: 0 } };
    case 'DeadlineMet':
    case 'DeadlineWaived': {
      const { [event.data.kind]: _closed, ...rest } = ledger;
      return rest;
    }
    case 'DeadlineOverdue':
    case 'DeadlineEscalated': {
      const open = ledger[event.data.kind];
      if (!open || open.deadlineId !== event.data.deadlineId) return ledger;
      return { ...ledger, [event.data.kind]: { ...open, level: event.data.level } };
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

export interface ScheduleDeadline {
  readonly deadlineId: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly ownerId: string | null;
  /** Rungs after the first; the first (overdue, owner) is at `dueAt`. */
  readonly escalations: readonly { readonly at: Date; readonly notify: LadderStep['notify'] }[];
}

export function scheduleDeadline(cmd: ScheduleDeadline): DeadlineEvent {
  const ladder: LadderStep[] = [
    { level: 1, at: cmd.dueAt.toISOString(), notify: 'owner' },
    ...cmd.escalations.map((step, i) => ({
      level: i + 2,
      at: step.at.toISOString(),
      notify: step.notify,
    })),
  ];
  return {
    type: 'DeadlineScheduled',
    data: {
      deadlineId: cmd.deadlineId,
      kind: cmd.kind,
      dueAt: cmd.dueAt.toISOString(),
      ownerId: cmd.ownerId,
      ladder,
    },
  };
}

/** Meeting a deadline that is not open is not an error: the stage may have had none. */
export function meetDeadline(ledger: DeadlineLedger, kind: string, at: Date): DeadlineEvent[] {
  const open = ledger[kind];
  if (!open) return [];
  return [
    {
      type: 'DeadlineMet',
      data: {
        deadlineId: open.deadlineId,
        kind,
        metAt: at.toISOString(),
        late: at.getTime() > Date.parse(open.dueAt),
      },
    },
  ];
}

export function meetAllDeadlines(ledger: DeadlineLedger, at: Date): DeadlineEvent[] {
  return Object.keys(ledger).flatMap((kind) => meetDeadline(ledger, kind, at));
}

export function waiveDeadline(
  ledger: DeadlineLedger,
  kind: string,
  reason: string,
  waivedBy: string,
): DeadlineEvent[] {
  const open = ledger[kind];
  if (!open) {
    throw new DomainError('DEADLINE.NOT_OPEN', `No open ${kind} deadline to waive`, 'conflict', 'kind');
  }
  if (reason.trim().length === 0) {
    throw new DomainError('DEADLINE.REASON_REQUIRED', 'A waiver needs a reason', 'invalid', 'reason');
  }
  return [{ type: 'DeadlineWaived', data: { deadlineId: open.deadlineId, kind, reason, waivedBy } }];
}

/**
 * A timer fired for `deadlineId` at `level`. Record the rung only if that deadline still
 * stands, has not reached this level yet, and the rung is really due: a late, duplicated
 * or stale timer therefore records nothing, which is what makes timers safe to replay.
 */
export function escalateDeadline(
  ledger: DeadlineLedger,
  fired: { readonly deadlineId: string; readonly level: number; readonly now: Date },
): DeadlineEvent[] {
  const open = Object.values(ledger).find((d) => d.deadlineId === fired.deadlineId);
  if (!open) return [];
  const due = open.ladder.filter(
    (step) => step.level > open.level && step.level <= fired.level && Date.parse(step.at) <= fired.now.getTime(),
  );
  return due.map((step): DeadlineEvent =>
    step.level === 1
      ? {
          type: 'DeadlineOverdue',
          data: { deadlineId: open.deadlineId, kind: open.kind, level: 1, notify: step.notify, dueAt: open.dueAt },
        }
      : {
          type: 'DeadlineEscalated',
          data: {
            deadlineId: open.deadlineId,
            kind: open.kind,
            level: step.level,
            notify: step.notify,
            dueAt: open.dueAt,
          },
        },
  );
}

/** The next rung a timer should wake up for, if any. */
export function nextRung(deadline: OpenDeadline): LadderStep | undefined {
  return deadline.ladder.find((step) => step.level > deadline.level);
}
