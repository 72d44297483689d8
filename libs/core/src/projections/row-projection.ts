import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../event-store/types';
import type { Projection } from './projection';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A read model with one row per stream, written as a pure fold: `reduce(row, event)`
 * returns the same row (nothing to write) or a new one. Applied a batch at a time: the
 * batch's rows are locked and read at once (in id order, so concurrent writers cannot
 * deadlock), every event is folded in memory, and the changed rows are upserted in one
 * statement. Idempotence is the reducer's: it returns the row unchanged for an event at
 * or below the revision it records.
 */
export interface RowProjectionSpec<Row extends object> {
  readonly name: string;
  readonly categories: readonly string[];
  readonly table: string;
  readonly idColumn: keyof Row & string;
  /** Every column with its SQL type, as `jsonb_to_recordset` needs them: "a uuid, b text, …". */
  readonly columns: string;
  /** The row id an event belongs to (usually the stream id after its category). */
  readonly idOf: (event: RecordedEvent) => string;
  readonly reduce: (row: Row | undefined, id: string, event: RecordedEvent) => Row | undefined;
}

export function rowProjection<Row extends object>(spec: RowProjectionSpec<Row>): Projection {
  const names = spec.columns.split(',').map((c) => c.trim().split(/\s+/)[0] as string);
  for (const name of [spec.table, spec.idColumn, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not a table or column name: ${name}`);
  }
  const upsert = `insert into ${spec.table} (${names.join(', ')})
     select * from jsonb_to_recordset($1::jsonb) as x(${spec.columns})
     on conflict (${spec.idColumn}) do update set ${names
       .filter((n) => n !== spec.idColumn)
       .map((n) => `${n} = excluded.${n}`)
       .join(', ')}`;

  async function apply(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const ids = [...new Set(events.map(spec.idOf))];
    const { rows } = await tx.query<Row>(
      `select * from ${spec.table} where ${spec.idColumn} = any($1::uuid[]) order by ${spec.idColumn} for update`,
      [ids],
    );
    const current = new Map(rows.map((row) => [String(row[spec.idColumn]), row]));
    const changed = new Set<string>();
    for (const event of events) {
      const id = spec.idOf(event);
      const before = current.get(id);
      const after = spec.reduce(before, id, event);
      if (after !== before && after) {
        current.set(id, after);
        changed.add(id);
      }
    }
    if (changed.size === 0) return;
    await tx.query(upsert, [JSON.stringify([...changed].map((id) => current.get(id)))]);
  }

  return {
    name: spec.name,
    categories: spec.categories,
    handle: (event, tx) => apply([event], tx),
    handleBatch: (events, tx) => apply(events, tx),
    async reset(tx) {
      await tx.query(`delete from ${spec.table}`);
    },
  };
}
