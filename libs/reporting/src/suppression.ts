/**
 * Small-number suppression for aggregate reports seen outside OH (HR, the People board,
 * national analysts): a count from 1 to threshold − 1 could point at a colleague, so it
 * is shown as suppressed (null in JSON, an empty cell in CSV). Zero is shown: it
 * identifies nobody.
 *
 * Secondary suppression: where a set of cells adds up to a total that is shown or can be
 * worked out (a period's referrals, given its percentages; a row's due = on time + late;
 * a department roll-up), one suppressed cell in the set could be derived by subtraction,
 * so the next-smallest cell of the set is suppressed too, repeated until no set has
 * exactly one suppressed cell. Percentages and medians computed from a suppressed count
 * are suppressed with it.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** Roles that see exact numbers: OH and wellbeing management, who see the cases anyway. */
export const UNSUPPRESSED_ROLES: readonly string[] = ['oh_manager', 'head_of_wellbeing'];

/** Roles that always see suppressed numbers, whatever else changes: national analysts see other forces' figures. */
export const ALWAYS_SUPPRESSED_ROLES: readonly string[] = ['national_analyst'];

export function suppressionAppliesTo(role: string): boolean {
  return ALWAYS_SUPPRESSED_ROLES.includes(role) || !UNSUPPRESSED_ROLES.includes(role);
}

export type ColumnKind = 'dimension' | 'count' | 'percent' | 'number';

export interface ReportColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  /** For percent and number columns: the count columns the value is computed from. */
  readonly basis?: readonly string[];
}

export type Cell = string | number | null;
export type ReportRow = Readonly<Record<string, Cell>>;

/** Sets of cells whose sum is shown or derivable, as a report declares them. */
export interface AdditiveSets {
  /**
   * For each listed count column, rows sharing the values of `within` (dimension columns;
   * none = the whole column) add up to a total that can be worked out.
   */
  readonly columns?: readonly { readonly columns: readonly string[]; readonly within: readonly string[] }[];
  /** Within each row, these count columns are related by a sum (e.g. due = on time + late). */
  readonly rows?: readonly (readonly string[])[];
}

export interface SuppressedCell {
  readonly row: number;
  readonly column: string;
  readonly reason: 'primary' | 'secondary' | 'derived';
}

export interface SuppressionResult {
  readonly rows: ReportRow[];
  readonly cells: SuppressedCell[];
  readonly notes: string[];
}

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`The suppression threshold must be a whole number of at least 1, got ${threshold}`);
  }
}

/**
 * Suppresses small counts in `rows` (and everything that would reveal them). Pure: the
 * input rows are not changed.
 */
export function suppress(
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
  options: { readonly threshold?: number; readonly additive?: AdditiveSets } = {},
): SuppressionResult {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  checkThreshold(threshold);
  const counts = columns.filter((c) => c.kind === 'count').map((c) => c.name);
  const key = (row: number, column: string): string => `${row}\u0000${column}`;
  const reasons = new Map<string, SuppressedCell['reason']>();
  const valueOf = (row: number, column: string): number | null => {
    const v = rows[row]?.[column];
    return typeof v === 'number' ? v : null;
  };

  // Primary: 1 … threshold − 1.
  rows.forEach((row, i) => {
    for (const column of counts) {
      const v = row[column];
      if (typeof v === 'number' && v > 0 && v < threshold) reasons.set(key(i, column), 'primary');
    }
  });

  // The sets of cells with a known sum.
  const sets: { row: number; column: string }[][] = [];
  for (const group of options.additive?.columns ?? []) {
    const byGroup = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const k = JSON.stringify(group.within.map((d) => row[d] ?? null));
      byGroup.set(k, [...(byGroup.get(k) ?? []), i]);
    });
    for (const members of byGroup.values()) {
      for (const column of group.columns) sets.push(members.map((row) => ({ row, column })));
    }
  }
  for (const related of options.additive?.rows ?? []) {
    rows.forEach((_, i) => sets.push(related.map((column) => ({ row: i, column }))));
  }

  // Secondary: until no set has exactly one suppressed cell.
  for (let changed = reasons.size > 0; changed; ) {
    changed = false;
    for (const set of sets) {
      const hidden = set.filter((c) => reasons.has(key(c.row, c.column)));
      if (hidden.length !== 1) continue;
      const candidates = set
        .filter((c) => !reasons.has(key(c.row, c.column)) && valueOf(c.row, c.column) !== null)
        .sort((a, b) => {
          const [va, vb] = [valueOf(a.row, a.column) as number, valueOf(b.row, b.column) as number];
          // The smallest non-zero cell first; a zero only when nothing else is left.
          if ((va === 0) !== (vb === 0)) return va === 0 ? 1 : -1;
          return va - vb || a.row - b.row || a.column.localeCompare(b.column);
        });
      const next = candidates[0];
      if (!next) continue;
      reasons.set(key(next.row, next.column), 'secondary');
      changed = true;
    }
  }

  // Values computed from a suppressed count go with it.
  const derivedColumns = columns.filter((c) => (c.kind === 'percent' || c.kind === 'number') && c.basis && c.basis.length > 0);
  rows.forEach((row, i) => {
    for (const column of derivedColumns) {
      if (row[column.name] === null || row[column.name] === undefined) continue;
      if ((column.basis ?? []).some((b) => reasons.has(key(i, b)))) reasons.set(key(i, column.name), 'derived');
    }
  });

  const cells: SuppressedCell[] = [];
  const out = rows.map((row, i) => {
    const copy: Record<string, Cell> = { ...row };
    for (const column of columns) {
      const reason = reasons.get(key(i, column.name));
      if (!reason) continue;
      copy[column.name] = null;
      cells.push({ row: i, column: column.name, reason });
    }
    return copy;
  });
  return { rows: out, cells, notes: suppressionNotes(threshold, cells) };
}

function suppressionNotes(threshold: number, cells: readonly SuppressedCell[]): string[] {
  const count = (reason: SuppressedCell['reason']): number => cells.filter((c) => c.reason === reason).length;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const notes = [
    threshold > 1
      ? `Counts from 1 to ${threshold - 1} are suppressed (null in JSON, empty in CSV) so that no colleague can be identified; zero is shown.`
      : 'The suppression threshold is 1: no count is suppressed.',
  ];
  const primary = count('primary');
  const secondary = count('secondary');
  const derived = count('derived');
  if (primary > 0) notes.push(`${plural(primary, 'count was', 'counts were')} below ${threshold} and suppressed.`);
  if (secondary > 0) {
    notes.push(
      `${plural(secondary, 'further count was', 'further counts were')} suppressed so that a suppressed count cannot be worked out from a total (secondary suppression).`,
    );
  }
  if (derived > 0) notes.push(`${plural(derived, 'percentage or median was', 'percentages or medians were')} suppressed with the count it is based on.`);
  if (cells.length === 0) notes.push('Nothing in this report needed suppressing.');
  return notes;
}
