import type { ReportColumn, ReportRow } from './suppression';

/**
 * A report as CSV (RFC 4180): a header row of column names, then one line per row, CRLF
 * line ends, a field quoted when it holds a comma, a double quote or a line break (quotes
 * doubled). Suppressed and missing values are empty fields. A text field that starts
 * with =, +, - or @ gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */
export function toCsv(columns: readonly ReportColumn[], rows: readonly ReportRow[]): string {
  const lines = [columns.map((c) => field(c.name)), ...rows.map((row) => columns.map((c) => field(row[c.name] ?? null)))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
