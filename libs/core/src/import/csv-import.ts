import { DateTime } from 'luxon';
import { parse } from 'csv-parse/sync';

/**
 * The shared mechanics of every all-or-nothing CSV import: reading the text with line
 * numbers, checking the header, and reading typed cells while collecting every problem
 * rather than stopping at the first. What the rows mean stays with each workflow.
 */

/** A problem with the file, on a physical line (the header is line 1), maybe in a column. */
export interface ImportRowError {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface CsvRecord {
  /** Physical line the record starts on. */
  readonly line: number;
  readonly cells: readonly string[];
}

interface CsvParseInfo {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Parses the whole text, collecting syntax errors instead of stopping at the first.
 * Line endings are made `\n` first: csv-parse counts a CRLF inside a quoted cell as two
 * lines, which would shift every later line number.
 */
export function readCsv(text: string): { records: CsvRecord[]; errors: ImportRowError[] } {
  const syntax: { line: number; code: string; message: string }[] = [];
  const parsed = parse(text.replace(/\r\n?/g, '\n'), {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true, // checked per row, so every short or long row is reported
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      // csv-parse puts the line it had reached on the error, untyped.
      if (error) syntax.push({ line: typeof error.lines === 'number' ? error.lines : 1, code: error.code, message: error.message });
    },
  }) as unknown as CsvParseInfo[];

  // `info.lines` is the line a record ends on; quoted line breaks say how far back it began.
  const records = parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + countLineBreaks(cell), 0),
    cells: record,
  }));

  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  for (const { line, code, message } of syntax) {
    // One broken quote can trip the parser more than once on the same line.
    if (seen.has(`${line}:${code}`)) continue;
    seen.add(`${line}:${code}`);
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // Reported at the end of the file; the quote was opened after the last good record.
      const lastGood = records.filter((r) => r.line < line).at(-1);
      const from = lastGood ? lastGood.line + 1 : 1;
      errors.push({ line: from, message: `CSV syntax: a quoted cell opened on or after line ${from} is never closed` });
    } else {
      errors.push({ line, message: `CSV syntax: ${message}` });
    }
  }
  return { records, errors };
}

function countLineBreaks(cell: string): number {
  let n = 0;
  for (const ch of cell) if (ch === '\n') n++;
  return n;
}

/** Blank, unknown and repeated header cells, and required columns left out. */
export function checkHeader<Column extends string>(
  header: CsvRecord,
  columns: { readonly required: readonly Column[]; readonly all: readonly Column[] },
): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const line = header.line;
  const seen = new Set<string>();
  header.cells.forEach((name, index) => {
    if (name === '') {
      errors.push({ line, message: `Header cell ${index + 1} is blank; every column needs a name` });
    } else if (!(columns.all as readonly string[]).includes(name)) {
      errors.push({ line, column: name, message: `Unknown column "${name}"; the columns are: ${columns.all.join(', ')}` });
    } else if (seen.has(name)) {
      errors.push({ line, column: name, message: `Column "${name}" appears more than once` });
    }
    seen.add(name);
  });
  for (const required of columns.required) {
    if (!seen.has(required)) errors.push({ line, column: required, message: `Missing required column "${required}"` });
  }
  return errors;
}

/**
 * A row's cells by column name; optional columns left out of the header read as blank.
 * Cells are trimmed again with JavaScript's notion of white space, which (unlike
 * csv-parse's) includes the non-breaking spaces spreadsheets leave behind.
 */
export function cellsByColumn<Column extends string>(
  all: readonly Column[],
  columns: readonly Column[],
  values: readonly string[],
): Readonly<Record<Column, string>> {
  const cells = Object.fromEntries(all.map((c) => [c, ''])) as Record<Column, string>;
  columns.forEach((column, i) => (cells[column] = (values[i] ?? '').trim()));
  return cells;
}

/** By line, keeping the order problems were found in within a line. */
export function sortByLine(errors: ImportRowError[]): ImportRowError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.line - b.error.line || a.index - b.index)
    .map(({ error }) => error);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['false', false],
  ['no', false],
]);

/**
 * Reads typed values out of one row's cells, recording a problem for each bad cell and
 * carrying on, so one pass finds every problem in the row. `undefined` means "invalid
 * (already reported)"; `null` means "left blank".
 */
export class RowReader<Column extends string> {
  readonly errors: ImportRowError[] = [];

  constructor(
    readonly line: number,
    private readonly cells: Readonly<Record<Column, string>>,
    private readonly now: Date,
    private readonly zone: string,
  ) {}

  has(column: Column): boolean {
    return this.cells[column] !== '';
  }

  raw(column: Column): string {
    return this.cells[column];
  }

  error(column: Column | undefined, message: string): void {
    this.errors.push(column === undefined ? { line: this.line, message } : { line: this.line, column, message });
  }

  text(column: Column): string | undefined {
    if (this.has(column)) return this.cells[column];
    this.error(column, `${column} is required`);
    return undefined;
  }

  optionalText(column: Column): string | null {
    return this.has(column) ? this.cells[column] : null;
  }

  oneOf<T extends string>(column: Column, allowed: readonly T[]): T | undefined {
    const value = this.cells[column];
    if (value === '') {
      this.error(column, `${column} is required; one of: ${allowed.join(', ')}`);
      return undefined;
    }
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.error(column, `${column} "${value}" is not allowed; one of: ${allowed.join(', ')}`);
    return undefined;
  }

  optionalOneOf<T extends string>(column: Column, allowed: readonly T[]): T | null | undefined {
    return this.has(column) ? this.oneOf(column, allowed) : null;
  }

  optionalBoolean(column: Column): boolean | null | undefined {
    if (!this.has(column)) return null;
    const value = BOOLEANS.get(this.cells[column].toLowerCase());
    if (value !== undefined) return value;
    this.error(column, `${column} "${this.cells[column]}" is not allowed; one of: true, false, yes, no`);
    return undefined;
  }

  /** Blank is false. */
  booleanOrFalse(column: Column): boolean | undefined {
    if (!this.has(column)) return false;
    const value = BOOLEANS.get(this.cells[column].toLowerCase());
    if (value !== undefined) return value;
    this.error(column, `${column} "${this.cells[column]}" is not allowed; one of: true, false, yes, no (blank is false)`);
    return undefined;
  }

  /** A date (read as `dateOnlyHour` o'clock, local time) or a date-time, not after now. */
  optionalTime(column: Column, dateOnlyHour = 9): Date | null | undefined {
    if (!this.has(column)) return null;
    const value = this.cells[column];
    const local = DATE_ONLY.test(value)
      ? DateTime.fromISO(value, { zone: this.zone }).set({ hour: dateOnlyHour })
      : DATE_TIME.test(value)
        ? DateTime.fromISO(value, { zone: this.zone })
        : undefined;
    if (!local?.isValid) {
      this.error(
        column,
        `${column} "${value}" is not a date: use YYYY-MM-DD or an ISO date-time such as 2026-03-02T14:30 or 2026-03-02T14:30:00Z`,
      );
      return undefined;
    }
    return this.notFuture(column, value, local.toJSDate());
  }

  time(column: Column): Date | undefined {
    if (this.has(column)) return this.optionalTime(column) ?? undefined;
    this.error(column, `${column} is required`);
    return undefined;
  }

  /** A date-time, never a date alone, and not after now. */
  dateTime(column: Column): Date | undefined {
    const value = this.cells[column];
    if (value === '') {
      this.error(column, `${column} is required`);
      return undefined;
    }
    if (DATE_ONLY.test(value)) {
      this.error(
        column,
        `${column} "${value}" has no time of day: give when it happened, such as ${value}T14:30 (UK time) or ${value}T14:30:00Z`,
      );
      return undefined;
    }
    const local = DATE_TIME.test(value) ? DateTime.fromISO(value, { zone: this.zone }) : undefined;
    if (!local?.isValid) {
      this.error(
        column,
        `${column} "${value}" is not a date-time: use an ISO date-time such as 2026-03-02T14:30 (UK time) or 2026-03-02T14:30:00Z`,
      );
      return undefined;
    }
    return this.notFuture(column, value, local.toJSDate()) ?? undefined;
  }

  /** Columns that only make sense together: each one left blank is reported. */
  together(columns: readonly Column[]): boolean {
    const given = columns.filter((c) => this.has(c));
    if (given.length === 0 || given.length === columns.length) return true;
    for (const missing of columns.filter((c) => !this.has(c))) {
      this.error(missing, `${missing} is required with ${given.join(' and ')} (give ${columns.join(', ')} together)`);
    }
    return false;
  }

  private notFuture(column: Column, value: string, time: Date): Date | undefined {
    if (time.getTime() > this.now.getTime()) {
      this.error(column, `${column} "${value}" is in the future`);
      return undefined;
    }
    return time;
  }
}

/** A file's rows as cells by column name, once its shape has been checked. */
export interface CsvTable<Column extends string> {
  readonly ok: true;
  readonly rows: readonly { readonly line: number; readonly cells: Readonly<Record<Column, string>> }[];
  /** Problems found so far (syntax, rows of the wrong width); the planner adds its own. */
  readonly errors: ImportRowError[];
  readonly rowsRead: number;
}

export interface CsvTableRefusal {
  readonly ok: false;
  readonly errors: ImportRowError[];
  readonly rowsRead: number;
}

/**
 * Reads an import file and checks its shape before any row is read for meaning: not
 * empty, a valid header, at least one and at most `maxRows` rows; rows with the wrong
 * number of cells are reported and left out. Whatever else the planner finds is added to
 * `errors` and the whole file still answers all or nothing.
 */
export function openCsvTable<Column extends string>(
  text: string,
  shape: {
    readonly required: readonly Column[];
    readonly all: readonly Column[];
    readonly maxRows: number;
    /** One row is "a row per …" (e.g. referral, exposed colleague). */
    readonly rowNoun: string;
    /** Rows counted in messages (e.g. referrals, rows). */
    readonly pluralNoun: string;
  },
): CsvTable<Column> | CsvTableRefusal {
  const { maxRows } = shape;
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);
  const { records, errors } = readCsv(text);
  const [header, ...rows] = records;
  const rowsRead = rows.length;
  if (!header) {
    if (errors.length === 0) errors.push({ line: 1, message: `The file is empty: expected a header row and a row per ${shape.rowNoun}` });
    return { ok: false, errors, rowsRead };
  }
  const headerErrors = checkHeader(header, shape);
  if (headerErrors.length > 0) return { ok: false, errors: sortByLine([...errors, ...headerErrors]), rowsRead };
  if (rows.length === 0) {
    errors.push({ line: header.line, message: `The file has a header but no ${shape.pluralNoun}` });
    return { ok: false, errors: sortByLine(errors), rowsRead };
  }
  if (rows.length > maxRows) {
    errors.push({
      line: (rows[maxRows] as CsvRecord).line,
      message: `The file has ${rows.length} ${shape.pluralNoun}; at most ${maxRows} can be imported at once, so split it`,
    });
    return { ok: false, errors: sortByLine(errors), rowsRead };
  }
  const columns = header.cells as readonly Column[];
  const table: { line: number; cells: Readonly<Record<Column, string>> }[] = [];
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      errors.push({ line: row.line, message: `The row has ${row.cells.length} cells but the header has ${columns.length}` });
      continue;
    }
    table.push({ line: row.line, cells: cellsByColumn(shape.all, columns, row.cells) });
  }
  return { ok: true, rows: table, errors, rowsRead };
}

/** Reports a reference used twice in one file, on the later line. */
export class UniqueRefs {
  private readonly firstLine = new Map<string, number>();

  constructor(private readonly column: string) {}

  check(ref: string, line: number, errors: ImportRowError[]): void {
    if (ref === '') return;
    const seenOn = this.firstLine.get(ref);
    if (seenOn !== undefined) {
      errors.push({ line, column: this.column, message: `${this.column} "${ref}" is already used on line ${seenOn}` });
    } else {
      this.firstLine.set(ref, line);
    }
  }
}
