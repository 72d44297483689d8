import type { Pool } from 'pg';
import type { ReportResult } from './reports/report';
import type { Cell, ReportColumn, ReportRow } from './suppression';

/**
 * National figures from reports whose queries only know one force (the trauma and
 * retention libraries' own): each force is run on its own and the rows added up here,
 * before suppression. Counts are summed per combination of dimension values; percentages
 * are worked out again from the summed counts they are based on; a median cannot be
 * combined, so it is kept only where one force alone contributed the row.
 */

/** The forces that have recorded anything in the report's streams (clear in every event's metadata). */
export async function forcesWithEvents(pool: Pool, categories: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ force_id: string }>(
    `select distinct metadata->>'forceId' as force_id from es_events
      where category = any($1::text[]) and metadata->>'forceId' is not null
      order by 1`,
    [categories],
  );
  return rows.map((r) => r.force_id);
}

export interface MergedResult {
  readonly result: ReportResult;
  readonly notes: readonly string[];
}

export function mergeForceResults(columns: readonly ReportColumn[], results: readonly ReportResult[]): MergedResult {
  const dimensions = columns.filter((c) => c.kind === 'dimension').map((c) => c.name);
  const counts = columns.filter((c) => c.kind === 'count').map((c) => c.name);
  const keyOf = (row: ReportRow): string => JSON.stringify(dimensions.map((d) => row[d] ?? null));

  const merged = new Map<string, { row: Record<string, Cell>; forces: number }>();
  for (const result of results) {
    for (const row of result.rows) {
      const existing = merged.get(keyOf(row));
      if (!existing) {
        merged.set(keyOf(row), { row: { ...row }, forces: 1 });
        continue;
      }
      for (const c of counts) existing.row[c] = (numeric(existing.row[c]) ?? 0) + (numeric(row[c]) ?? 0);
      existing.forces += 1;
    }
  }
  // Grouped by the first dimension in the forces' own order (periods, departments, an "all" row last), then as first seen.
  const first = dimensions[0];
  const groups = first === undefined ? [] : mergeSequences(results.map((r) => r.rows.map((row) => JSON.stringify(row[first] ?? null))));
  const rank = (entry: { row: ReportRow }): number => (first === undefined ? 0 : groups.indexOf(JSON.stringify(entry.row[first] ?? null)));
  const rows = [...merged.values()].sort((x, y) => rank(x) - rank(y));

  const additive = results.find((r) => r.additive)?.additive;
  let mediansDropped = false;
  for (const column of columns) {
    if (column.kind === 'percent') {
      const basis = column.basis ?? [];
      rows.forEach(({ row }, i) => {
        row[column.name] = recomputedPercent(rows.map((r) => r.row), i, basis, dimensionsSharing(basis[0], additive?.columns));
      });
    }
    if (column.kind === 'number') {
      for (const entry of rows) {
        if (entry.forces > 1 && entry.row[column.name] !== null) {
          entry.row[column.name] = null;
          mediansDropped = true;
        }
      }
    }
  }
  const notes = [`Figures are the sum of ${results.length} ${results.length === 1 ? 'force' : 'forces'}; percentages are worked out from the summed counts.`];
  if (mediansDropped) notes.push('Medians cannot be combined across forces: a median is shown only where a single force contributed the row.');
  return { result: { columns, rows: rows.map((r) => r.row), additive }, notes };
}

/** One order holding every list's items in that list's order: an item first seen goes after its predecessor. */
function mergeSequences(lists: readonly (readonly string[])[]): string[] {
  const order: string[] = [];
  for (const list of lists) {
    let previous = -1;
    for (const item of list) {
      const at = order.indexOf(item);
      if (at >= 0) {
        previous = at;
      } else {
        order.splice(previous + 1, 0, item);
        previous += 1;
      }
    }
  }
  return order;
}

function numeric(value: Cell | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/** The dimensions within which a count column adds up to a shown total (none: the whole column). */
function dimensionsSharing(
  column: string | undefined,
  sets: readonly { readonly columns: readonly string[]; readonly within: readonly string[] }[] | undefined,
): readonly string[] {
  return sets?.find((s) => column !== undefined && s.columns.includes(column))?.within ?? [];
}

/** `[part, whole]` → part / whole; `[count]` → the count's share of its group's total. One decimal place. */
function recomputedPercent(rows: readonly ReportRow[], i: number, basis: readonly string[], within: readonly string[]): number | null {
  const row = rows[i] as ReportRow;
  const [part, whole] = basis;
  if (part === undefined) return null;
  const numerator = numeric(row[part]);
  let denominator: number | null;
  if (whole !== undefined) {
    denominator = numeric(row[whole]);
  } else {
    const group = JSON.stringify(within.map((d) => row[d] ?? null));
    denominator = rows
      .filter((r) => JSON.stringify(within.map((d) => r[d] ?? null)) === group)
      .reduce((sum, r) => sum + (numeric(r[part]) ?? 0), 0);
  }
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Math.round((1000 * numerator) / denominator) / 10;
}
