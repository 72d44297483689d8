import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@casework/core/event-store/types';
import type { DeadlineEvent } from '../domain/deadline-events';
import { applyDeadlineEvent, summariseDeadlines, type RowDeadlines } from './deadline-summary';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface CaseRowChange {
  /**
   * Columns to set, by name (or computed from the current row); `undefined` values are
   * left as they are.
   */
  readonly set?: Readonly<Record<string, unknown>> | ((row: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>);
  readonly deadline?: DeadlineEvent;
  /** The case ended: it owes nobody anything any more. */
  readonly clearDeadlines?: boolean;
}

/**
 * Applies one event's change to a case's queue row: the given columns, its open
 * deadlines and their summary (next deadline, overdue, escalation level), `updated_at`
 * (business time) and `revision`. Guarded by revision, so a replayed event changes
 * nothing. The table needs the columns deadlines, next_deadline_kind, next_deadline_at,
 * overdue, escalation_level, updated_at and revision.
 */
export async function updateCaseRow(
  tx: PoolClient,
  table: string,
  idColumn: string,
  id: string,
  recorded: RecordedEvent,
  change: CaseRowChange,
): Promise<void> {
  for (const name of [table, idColumn]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not a table or column name: ${name}`);
  }
  const { rows } = await tx.query<{ deadlines: RowDeadlines; revision: string } & Record<string, unknown>>(
    `select * from ${table} where ${idColumn} = $1 for update`,
    [id],
  );
  const row = rows[0];
  if (!row || BigInt(row.revision) >= recorded.revision) return;
  const values = typeof change.set === 'function' ? change.set(row) : (change.set ?? {});
  for (const name of Object.keys(values)) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not a column name: ${name}`);
  }
  const deadlines = change.clearDeadlines ? {} : change.deadline ? applyDeadlineEvent(row.deadlines, change.deadline) : row.deadlines;
  const summary = summariseDeadlines(deadlines);
  const columns: [string, unknown][] = [
    ...Object.entries(values).filter(([, value]) => value !== undefined),
    ['deadlines', JSON.stringify(deadlines)],
    ['next_deadline_kind', summary.kind],
    ['next_deadline_at', summary.dueAt],
    ['overdue', summary.overdue],
    ['escalation_level', summary.level],
    ['updated_at', recorded.metadata.occurredAt],
    ['revision', recorded.revision.toString()],
  ];
  await tx.query(
    `update ${table} set ${columns.map(([name], i) => `${name} = $${i + 2}`).join(', ')} where ${idColumn} = $1`,
    [id, ...columns.map(([, value]) => value)],
  );
}
