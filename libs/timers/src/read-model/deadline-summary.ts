import type { DeadlineEvent } from '../domain/deadline-events';

/** An open deadline as a case's read-model row keeps it (JSON, keyed by kind). */
export interface RowDeadline {
  readonly deadlineId: string;
  readonly dueAt: string;
  readonly level: number;
}

export type RowDeadlines = Readonly<Record<string, RowDeadline>>;

/** The columns every case queue shows: what is due next, and how far it has escalated. */
export interface DeadlineColumns {
  readonly kind: string | null;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly level: number;
}

/** Folds one deadline event into a row's open deadlines (idempotent for a replayed event). */
export function applyDeadlineEvent(current: RowDeadlines, event: DeadlineEvent): RowDeadlines {
  switch (event.type) {
    case 'DeadlineScheduled':
      return { ...current, [event.data.kind]: { deadlineId: event.data.deadlineId, dueAt: event.data.dueAt, level: 0 } };
    case 'DeadlineMet':
    case 'DeadlineWaived': {
      const { [event.data.kind]: _done, ...rest } = current;
      return rest;
    }
    case 'DeadlineOverdue':
    case 'DeadlineEscalated': {
      const open = current[event.data.kind];
      if (!open || open.deadlineId !== event.data.deadlineId) return current;
      return { ...current, [event.data.kind]: { ...open, level: Math.max(open.level, event.data.level) } };
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

export const DEADLINE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'DeadlineScheduled',
  'DeadlineMet',
  'DeadlineWaived',
  'DeadlineOverdue',
  'DeadlineEscalated',
]);

export function isDeadlineEvent(event: { readonly type: string }): event is DeadlineEvent {
  return DEADLINE_EVENT_TYPES.has(event.type);
}

/** Soonest due first; the highest level reached by any open deadline marks the row. */
export function summariseDeadlines(deadlines: RowDeadlines): DeadlineColumns {
  const entries = Object.entries(deadlines).sort(([, a], [, b]) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const first = entries[0];
  const level = Math.max(0, ...entries.map(([, d]) => d.level));
  return { kind: first?.[0] ?? null, dueAt: first?.[1].dueAt ?? null, overdue: level >= 1, level };
}
