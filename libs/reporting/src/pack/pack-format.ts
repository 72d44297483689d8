import { DateTime } from 'luxon';
import { suppress, type AdditiveSets, type ReportColumn, type ReportRow, type SuppressedCell } from '../suppression';

/**
 * The pure parts of the People board pack: quarters in London time, escaping, labels,
 * suppressed tables and inline SVG bar charts. Nothing here touches a database.
 */

export const PACK_ZONE = 'Europe/London';
/** Counts from 1 to SMALL_NUMBER_THRESHOLD − 1 are never shown. */
export const SMALL_NUMBER_THRESHOLD = 5;

export interface Quarter {
  /** e.g. `2026-Q3`. */
  readonly label: string;
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** First instant of the quarter: 00:00 London time on its first day. */
  readonly start: Date;
  /** First instant after the quarter (exclusive end). */
  readonly end: Date;
  /** First and last London dates, YYYY-MM-DD, inclusive. */
  readonly firstDay: string;
  readonly lastDay: string;
}

export class QuarterFormatError extends Error {}

/** `YYYY-Qn` (n 1–4) → the quarter's bounds in Europe/London business time. */
export function parseQuarter(text: string): Quarter {
  const match = /^(\d{4})-Q([1-4])$/.exec(text.trim());
  if (!match) {
    throw new QuarterFormatError(`A quarter is written YYYY-Qn with n from 1 to 4, e.g. 2026-Q3; got ${JSON.stringify(text)}`);
  }
  const year = Number(match[1]);
  const quarter = Number(match[2]) as Quarter['quarter'];
  const first = DateTime.fromObject({ year, month: 3 * (quarter - 1) + 1, day: 1 }, { zone: PACK_ZONE });
  const next = first.plus({ months: 3 });
  return {
    label: `${year}-Q${quarter}`,
    year,
    quarter,
    start: first.toJSDate(),
    end: next.toJSDate(),
    firstDay: first.toISODate() as string,
    lastDay: next.minus({ days: 1 }).toISODate() as string,
  };
}

/** e.g. `1 July 2026 – 30 September 2026`. */
export function quarterRange(q: Quarter): string {
  const day = (iso: string): string => DateTime.fromISO(iso, { zone: PACK_ZONE }).toFormat('d LLLL yyyy');
  return `${day(q.firstDay)} – ${day(q.lastDay)}`;
}

/** London wall-clock time, e.g. `25 November 2026, 15:04`. */
export function londonDateTime(at: Date): string {
  return DateTime.fromJSDate(at).setZone(PACK_ZONE).toFormat('d LLLL yyyy, HH:mm');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML (and SVG) element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const WORDS: Readonly<Record<string, string>> = {
  pcso: 'PCSO',
  oh: 'OH',
  trim: 'TRiM',
  estim: 'ESTIM',
  hr: 'HR',
  smp: 'SMP',
};

/** A vocabulary code as words: `police_officer` → `Police officer`, `trim` → `TRiM`. */
export function labelOf(code: string): string {
  const words = code.split('_').filter((w) => w.length > 0);
  if (words.length === 0) return code;
  return words
    .map((w, i) => WORDS[w] ?? (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export type ColumnFormat = 'text' | 'count' | 'percent' | 'number';

export interface PackColumn {
  readonly name: string;
  /** Column heading. */
  readonly heading: string;
  readonly format: ColumnFormat;
  /** For percent and number columns: the counts they are computed from (suppressed with them). */
  readonly basis?: readonly string[];
  /** Units shown after a number, e.g. ` h`. */
  readonly unit?: string;
}

export interface PackTableSpec {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly PackColumn[];
  readonly rows: readonly ReportRow[];
  /** Cells whose sums are shown or derivable (secondary suppression). */
  readonly additive?: AdditiveSets;
  /** Rows whose first cell equals this are styled as totals. */
  readonly totalLabel?: string;
}

export interface SuppressedTable {
  readonly spec: PackTableSpec;
  readonly rows: readonly ReportRow[];
  readonly reasons: ReadonlyMap<string, SuppressedCell['reason']>;
}

const cellKey = (row: number, column: string): string => `${row}\u0000${column}`;

/**
 * Applies small-number suppression: counts 1–4 are withheld (shown `<5`), then any further
 * count that would let one be worked out from a total, and percentages, rates and medians
 * computed from a withheld count (both shown `[c]`). The rule is the reporting library's.
 */
export function suppressTable(spec: PackTableSpec): SuppressedTable {
  const columns: ReportColumn[] = spec.columns.map((c) => ({
    name: c.name,
    kind: c.format === 'text' ? 'dimension' : c.format,
    ...(c.basis ? { basis: c.basis } : {}),
  }));
  const result = suppress(columns, spec.rows, {
    threshold: SMALL_NUMBER_THRESHOLD,
    ...(spec.additive ? { additive: spec.additive } : {}),
  });
  return {
    spec,
    rows: result.rows,
    reasons: new Map(result.cells.map((c) => [cellKey(c.row, c.column), c.reason])),
  };
}

export const PRIMARY_MARK = `<${SMALL_NUMBER_THRESHOLD}`;
export const SECONDARY_MARK = '[c]';

/** A cell as text: its value, `<5` for a withheld small count, `[c]` for anything else withheld, `–` for none. */
export function displayCell(table: SuppressedTable, row: number, column: PackColumn): string {
  const reason = table.reasons.get(cellKey(row, column.name));
  if (reason === 'primary') return PRIMARY_MARK;
  if (reason) return SECONDARY_MARK;
  const value = table.rows[row]?.[column.name];
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  switch (column.format) {
    case 'count':
      return value.toLocaleString('en-GB');
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'number':
      return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })}${column.unit ?? ''}`;
    default:
      return String(value);
  }
}

export function hasSuppression(table: SuppressedTable): boolean {
  return table.reasons.size > 0;
}

/** A suppressed table as an HTML `<table>` (every text escaped). */
export function renderTable(table: SuppressedTable): string {
  const { spec } = table;
  const head = spec.columns
    .map((c, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeHtml(c.heading)}</th>`)
    .join('');
  const body = table.rows
    .map((row, r) => {
      const cells = spec.columns
        .map((c, i) => {
          const text = escapeHtml(displayCell(table, r, c));
          return i === 0 ? `<th scope="row">${text}</th>` : `<td class="num">${text}</td>`;
        })
        .join('');
      const first = spec.columns[0] ? row[spec.columns[0].name] : undefined;
      const isTotal = spec.totalLabel !== undefined && first === spec.totalLabel;
      return `<tr${isTotal ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const empty = table.rows.length === 0 ? `<tr><td colspan="${spec.columns.length}">None this quarter.</td></tr>` : '';
  return `<table id="${escapeHtml(spec.id)}">
<caption>${escapeHtml(spec.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}${empty}
</tbody>
</table>${hasSuppression(table) ? `\n<p class="suppressed">Some figures are withheld to protect individuals: see note 1.</p>` : ''}`;
}

export interface Bar {
  readonly label: string;
  /** Null draws no bar (a withheld value): only `display` is shown. */
  readonly value: number | null;
  readonly display: string;
}

export interface BarChartSpec {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** Overall width in px; default 640. */
  readonly width?: number;
}

const round1 = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * A horizontal bar chart as self-contained inline SVG: labels on the left, bars scaled to
 * the largest value, each value printed at the end of its bar. Pure and deterministic.
 */
export function barChart(spec: BarChartSpec): string {
  const width = spec.width ?? 640;
  const labelWidth = 200;
  const valueWidth = 60;
  const barHeight = 20;
  const gap = 8;
  const top = 28;
  const plot = width - labelWidth - valueWidth;
  const max = Math.max(0, ...spec.bars.map((b) => b.value ?? 0));
  const height = top + spec.bars.length * (barHeight + gap) + 4;
  const bars = spec.bars
    .map((bar, i) => {
      const y = top + i * (barHeight + gap);
      const length = bar.value !== null && max > 0 ? (Math.max(0, bar.value) / max) * plot : 0;
      const rect =
        bar.value === null
          ? `<rect class="withheld" x="${labelWidth}" y="${y}" width="${round1(plot)}" height="${barHeight}" fill="none" stroke="#b1b4b6" stroke-dasharray="4 3"/>`
          : `<rect x="${labelWidth}" y="${y}" width="${round1(length)}" height="${barHeight}" fill="#1d70b8"/>`;
      const textY = y + barHeight / 2 + 5;
      const valueX = bar.value === null ? labelWidth + 6 : labelWidth + length + 6;
      return (
        `<g><text x="${labelWidth - 8}" y="${textY}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
        `${rect}<text x="${round1(valueX)}" y="${textY}" class="value">${escapeHtml(bar.display)}</text></g>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(spec.title)}">` +
    `<title>${escapeHtml(spec.title)}</title>` +
    `<text x="0" y="16" class="chart-title">${escapeHtml(spec.title)}</text>` +
    bars +
    `</svg>`
  );
}

/** A chart of one count column of a suppressed table (total rows left out). */
export function chartOfTable(table: SuppressedTable, title: string, labelColumn: string, valueColumn: string): string {
  const column = table.spec.columns.find((c) => c.name === valueColumn);
  if (!column) throw new Error(`No column ${valueColumn} in table ${table.spec.id}`);
  const bars: Bar[] = [];
  table.rows.forEach((row, r) => {
    const label = String(row[labelColumn] ?? '');
    if (table.spec.totalLabel !== undefined && label === table.spec.totalLabel) return;
    const withheld = table.reasons.has(cellKey(r, valueColumn));
    const value = row[valueColumn];
    bars.push({
      label,
      value: withheld || typeof value !== 'number' ? null : value,
      display: displayCell(table, r, column),
    });
  });
  return barChart({ title, bars });
}
