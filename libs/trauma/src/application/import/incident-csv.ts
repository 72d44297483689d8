import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { DomainError } from '@casework/core/domain/domain-error';
import { deterministicId } from '@casework/core/ids';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { CloseIncident, ExposedColleagueInput, IncidentCommand, RecordIncident } from '../../domain/incident/commands';
import { createIncidentDecider } from '../../domain/incident/decider';
import type { EstipPolicy } from '../../domain/incident/estip-policy';
import type { IncidentTaxonomy } from '../../domain/incident/incident-taxonomy';
import { EXPOSURE_ROLES, type Actor, type ExposureRole } from '../../domain/incident/types';

/**
 * Plans a back-dated import of historical trauma incidents and the colleagues exposed to
 * them from a spreadsheet (CSV), without any I/O: text in, either a plan of domain
 * commands or every problem found. It follows the OH referral import (referral-csv.ts).
 *
 * The file
 * - UTF-8, comma-separated, optional BOM, any line ending; the first non-empty line is the
 *   header and names the columns (exact snake_case names, any order). Unknown, blank,
 *   repeated or missing required headers are errors, and then no row is checked.
 * - Cells are trimmed (non-breaking spaces too); blank lines and rows whose cells are all
 *   blank are skipped. A quoted cell may hold commas or line breaks. Every row must have
 *   as many cells as the header.
 * - Errors give the 1-based physical line where the row starts (the header is line 1 of a
 *   file without leading blank lines).
 *
 * One row is one exposure: one colleague exposed to one incident. Rows with the same
 * `incident_ref` (the spreadsheet's own id) are one incident, and need not be adjacent.
 * - Incident columns, repeated on every row of the incident and the same on each (a row
 *   that differs is an error on that later row, naming the column): `incident_ref`,
 *   `occurred_at`, `incident_type` (a code of the force's taxonomy), `location`,
 *   `department`, `summary`, all required; `still_open` optional (below). `occurred_at`
 *   values agree when they are the same instant, `still_open` when they mean the same.
 * - Exposure columns: `person_id`, `person_name`, `person_department`, `exposure_role`
 *   (first_responder, investigator, …), all required; `person_role` (job title) optional.
 *   A person is exposed to an incident once: a repeated `person_id` within one incident
 *   is an error on the later row.
 *
 * `occurred_at` must have a time of day: ESTIP's deadlines run in hours from the incident
 * and a date alone would silently move it (by up to a day) on timelines and reports, so
 * `2025-01-06` is refused where the referral import would read 09:00. An ISO date-time
 * without an offset (`2025-01-06T14:30`) is read on the force calendar's wall clock (UK
 * time); one with `Z` or an offset is taken as written. It must not be after `now`.
 *
 * Each incident becomes one RecordIncident naming all its colleagues, back-dated: its
 * business time (`now`) is `occurred_at`, as if it were recorded when it happened. That
 * schedules ESTIP's deadlines from `occurred_at` as for any incident, which for a
 * historical record would be overdue at once and escalate to managers about support
 * given (or not) long ago. So an imported incident is then closed, also at `occurred_at`,
 * with the reason "Imported historical record"; closing waives every deadline before it
 * falls due. The exposures stay on each colleague's repeat-exposure record regardless.
 * `still_open` (true/false/yes/no, any case; blank is false) keeps an incident open,
 * for a recent one whose support is still under way: its deadlines then stand, and any
 * that have passed escalate at once as they would for a late record.
 *
 * Ids are derived from the force and `incident_ref`
 * (`deterministicId('import', forceId, ref)`, and `…, ref, 'record' | 'close'` for the
 * commands), so importing the same file again appends nothing new. An incident already
 * imported is not changed by editing its rows (its RecordIncident has been applied), except
 * that turning `still_open` from true to false closes it; it cannot be reopened.
 *
 * Finally every incident's commands are dry-run through the real decider, so a business
 * rule the import would break is reported (on the incident's first line, or on the row of
 * the colleague it is about) before anything is appended: validation is all or nothing.
 */

export interface ImportRowError {
  /** 1-based physical line in the file where the row (or problem) starts; the header is 1. */
  readonly line: number;
  /** The CSV column the problem is about, when it is about one. */
  readonly column?: string;
  readonly message: string;
}

export interface PlannedIncident {
  /** The line of the incident's first row. */
  readonly line: number;
  /** Every row of the incident, one per exposed colleague, in file order. */
  readonly lines: readonly number[];
  readonly incidentRef: string;
  readonly incidentId: string;
  /** In the order they must be executed. */
  readonly commands: readonly IncidentCommand[];
}

export interface IncidentImportOptions {
  readonly forceId: string;
  /** Who is importing; every command is sent as this actor. */
  readonly actor: Actor;
  /** The current time, for rejecting incidents in the future. */
  readonly now: Date;
  readonly estip: EstipPolicy;
  readonly taxonomy: IncidentTaxonomy;
  readonly calendar: WorkingCalendar;
  /** Data rows (exposures) allowed in one file; default 10 000. */
  readonly maxRows?: number;
}

export type IncidentImportPlan =
  | { readonly ok: true; readonly incidents: PlannedIncident[] }
  | { readonly ok: false; readonly errors: ImportRowError[]; readonly rowsRead: number };

export const DEFAULT_MAX_INCIDENT_IMPORT_ROWS = 10_000;

/** Why an imported incident is closed as soon as it is recorded (see above). */
export const IMPORTED_INCIDENT_CLOSE_REASON = 'Imported historical record';

export const REQUIRED_INCIDENT_IMPORT_COLUMNS = [
  'incident_ref',
  'occurred_at',
  'incident_type',
  'location',
  'department',
  'summary',
  'person_id',
  'person_name',
  'person_department',
  'exposure_role',
] as const;

export const OPTIONAL_INCIDENT_IMPORT_COLUMNS = ['person_role', 'still_open'] as const;

type Column = (typeof REQUIRED_INCIDENT_IMPORT_COLUMNS)[number] | (typeof OPTIONAL_INCIDENT_IMPORT_COLUMNS)[number];
type Cells = Readonly<Record<Column, string>>;

const ALL_COLUMNS: readonly Column[] = [...REQUIRED_INCIDENT_IMPORT_COLUMNS, ...OPTIONAL_INCIDENT_IMPORT_COLUMNS];
const isColumn = (name: string): name is Column => (ALL_COLUMNS as readonly string[]).includes(name);

/** Columns about the incident, which every row of it must repeat alike. */
const INCIDENT_COLUMNS = ['occurred_at', 'incident_type', 'location', 'department', 'summary', 'still_open'] as const;
type IncidentColumn = (typeof INCIDENT_COLUMNS)[number];

/** A command field named by a DomainError, as the CSV column the user can fix. */
const COLUMN_OF_FIELD: Readonly<Record<string, Column>> = {
  incidentId: 'incident_ref',
  type: 'incident_type',
  occurredAt: 'occurred_at',
  location: 'location',
  department: 'department',
  summary: 'summary',
  exposedColleagues: 'person_id',
};
const COLUMN_OF_COLLEAGUE_FIELD: Readonly<Record<string, Column>> = {
  personId: 'person_id',
  name: 'person_name',
  department: 'person_department',
  role: 'person_role',
  exposureRole: 'exposure_role',
};

export function planIncidentImport(csvText: string, opts: IncidentImportOptions): IncidentImportPlan {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_INCIDENT_IMPORT_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);

  const { records, errors } = readCsv(csvText);
  const [header, ...rows] = records;
  const rowsRead = rows.length;
  if (!header) {
    if (errors.length === 0) {
      errors.push({ line: 1, message: 'The file is empty: expected a header row and a row per exposed colleague' });
    }
    return { ok: false, errors, rowsRead };
  }

  const columns = header.cells;
  const headerErrors = checkHeader(header);
  if (headerErrors.length > 0) return { ok: false, errors: sortByLine([...errors, ...headerErrors]), rowsRead };
  if (rows.length === 0) {
    errors.push({ line: header.line, message: 'The file has a header but no rows' });
    return { ok: false, errors: sortByLine(errors), rowsRead };
  }
  if (rows.length > maxRows) {
    const firstExcess = rows[maxRows] as CsvRecord;
    errors.push({
      line: firstExcess.line,
      message: `The file has ${rows.length} rows; at most ${maxRows} can be imported at once, so split it`,
    });
    return { ok: false, errors: sortByLine(errors), rowsRead };
  }

  const codes = opts.taxonomy.map((t) => t.code);
  const groups = new Map<string, IncidentGroup>();
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      errors.push({ line: row.line, message: `The row has ${row.cells.length} cells but the header has ${columns.length}` });
      continue;
    }
    const reader = new RowReader(row.line, cellsByColumn(columns as readonly Column[], row.cells), opts.now, opts.calendar.zone);
    const read = readRow(reader, codes);
    const ref = reader.raw('incident_ref');
    let group = ref === '' ? undefined : groups.get(ref);
    if (ref !== '' && !group) {
      group = {
        ref,
        line: row.line,
        lines: [],
        first: read.incident,
        keys: read.keys,
        raws: read.raws,
        colleagues: [],
        people: new Map(),
        bad: false,
      };
      groups.set(ref, group);
    } else if (group) {
      checkAgreement(reader, group, read.keys);
      const seenOn = group.people.get(reader.raw('person_id'));
      if (seenOn !== undefined) {
        reader.error('person_id', `person_id "${reader.raw('person_id')}" is already exposed to incident_ref "${ref}" on line ${seenOn}`);
      }
    }
    if (group && reader.has('person_id') && !group.people.has(reader.raw('person_id'))) {
      group.people.set(reader.raw('person_id'), row.line);
    }
    if (reader.errors.length > 0 || !read.colleague || !group) {
      errors.push(...reader.errors);
      if (group) group.bad = true;
      continue;
    }
    group.lines.push(row.line);
    group.colleagues.push(read.colleague);
  }

  const decider = createIncidentDecider({ policy: opts.estip, taxonomy: opts.taxonomy, calendar: opts.calendar });
  const planned: PlannedIncident[] = [];
  for (const group of groups.values()) {
    if (group.bad) continue;
    const incident = planIncident(group, opts);
    const ruleBroken = dryRun(decider, incident, group);
    if (ruleBroken) errors.push(ruleBroken);
    else planned.push(incident);
  }
  return errors.length > 0 ? { ok: false, errors: sortByLine(errors), rowsRead } : { ok: true, incidents: planned };
}

// ---------------------------------------------------------------------------------------
// CSV text → records with line numbers (as in the referral import)

interface CsvRecord {
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
function readCsv(text: string): { records: CsvRecord[]; errors: ImportRowError[] } {
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

function checkHeader(header: CsvRecord): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const line = header.line;
  const seen = new Set<string>();
  header.cells.forEach((name, index) => {
    if (name === '') {
      errors.push({ line, message: `Header cell ${index + 1} is blank; every column needs a name` });
    } else if (!isColumn(name)) {
      errors.push({ line, column: name, message: `Unknown column "${name}"; the columns are: ${ALL_COLUMNS.join(', ')}` });
    } else if (seen.has(name)) {
      errors.push({ line, column: name, message: `Column "${name}" appears more than once` });
    }
    seen.add(name);
  });
  for (const required of REQUIRED_INCIDENT_IMPORT_COLUMNS) {
    if (!seen.has(required)) errors.push({ line, column: required, message: `Missing required column "${required}"` });
  }
  return errors;
}

/**
 * Optional columns left out of the header read as blank. Cells are trimmed again with
 * JavaScript's notion of white space, which (unlike csv-parse's) includes the non-breaking
 * spaces spreadsheets leave behind, so a cell the decider would find blank is blank here.
 */
function cellsByColumn(columns: readonly Column[], values: readonly string[]): Cells {
  const cells = Object.fromEntries(ALL_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
  columns.forEach((column, i) => (cells[column] = (values[i] ?? '').trim()));
  return cells;
}

function sortByLine(errors: ImportRowError[]): ImportRowError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.line - b.error.line || a.index - b.index)
    .map(({ error }) => error);
}

// ---------------------------------------------------------------------------------------
// One row → its incident's facts and one exposed colleague

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
 * (already reported)".
 */
class RowReader {
  readonly errors: ImportRowError[] = [];

  constructor(
    readonly line: number,
    private readonly cells: Cells,
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

  /** Blank is false. */
  booleanOrFalse(column: Column): boolean | undefined {
    if (!this.has(column)) return false;
    const value = BOOLEANS.get(this.cells[column].toLowerCase());
    if (value !== undefined) return value;
    this.error(column, `${column} "${this.cells[column]}" is not allowed; one of: true, false, yes, no (blank is false)`);
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
    const time = local.toJSDate();
    if (time.getTime() > this.now.getTime()) {
      this.error(column, `${column} "${value}" is in the future`);
      return undefined;
    }
    return time;
  }
}

interface IncidentFacts {
  readonly occurredAt: Date | undefined;
  readonly type: string | undefined;
  readonly location: string | undefined;
  readonly department: string | undefined;
  readonly summary: string | undefined;
  readonly stillOpen: boolean | undefined;
}

/** What each incident column's value means, to compare rows by: an instant, not its spelling. */
type AgreementKeys = Readonly<Record<IncidentColumn, string>>;

interface ReadRow {
  readonly incident: IncidentFacts;
  readonly keys: AgreementKeys;
  /** The incident cells as written, for messages. */
  readonly raws: AgreementKeys;
  /** Undefined when any of the row's exposure cells is wrong. */
  readonly colleague: ExposedColleagueInput | undefined;
}

function readRow(reader: RowReader, incidentTypes: readonly string[]): ReadRow {
  // Read every cell first, so that all of the row's problems are reported at once.
  reader.text('incident_ref');
  const incident: IncidentFacts = {
    occurredAt: reader.dateTime('occurred_at'),
    type: reader.oneOf('incident_type', incidentTypes),
    location: reader.text('location'),
    department: reader.text('department'),
    summary: reader.text('summary'),
    stillOpen: reader.booleanOrFalse('still_open'),
  };
  const personId = reader.text('person_id');
  const name = reader.text('person_name');
  const department = reader.text('person_department');
  const exposureRole = reader.oneOf<ExposureRole>('exposure_role', EXPOSURE_ROLES);
  const colleague =
    personId !== undefined && name !== undefined && department !== undefined && exposureRole !== undefined
      ? { personId, name, department, role: reader.optionalText('person_role'), exposureRole }
      : undefined;

  const keys: AgreementKeys = {
    occurred_at: incident.occurredAt ? String(incident.occurredAt.getTime()) : reader.raw('occurred_at'),
    incident_type: reader.raw('incident_type'),
    location: reader.raw('location'),
    department: reader.raw('department'),
    summary: reader.raw('summary'),
    still_open: incident.stillOpen === undefined ? reader.raw('still_open') : String(incident.stillOpen),
  };
  const raws = Object.fromEntries(INCIDENT_COLUMNS.map((c) => [c, reader.raw(c)])) as Record<IncidentColumn, string>;
  return { incident, keys, raws, colleague };
}

interface IncidentGroup {
  readonly ref: string;
  /** The incident's first row, whose facts it is recorded with. */
  readonly line: number;
  /** The lines of its good rows, one per entry of `colleagues`. */
  readonly lines: number[];
  readonly first: IncidentFacts;
  readonly keys: AgreementKeys;
  readonly raws: AgreementKeys;
  readonly colleagues: ExposedColleagueInput[];
  /** person_id → the line it is first exposed on. */
  readonly people: Map<string, number>;
  /** Some row of the incident is wrong: it is not planned (its errors are reported). */
  bad: boolean;
}

function checkAgreement(reader: RowReader, group: IncidentGroup, keys: AgreementKeys): void {
  const shown = (value: string) => (value === '' ? 'blank' : `"${value}"`);
  for (const column of INCIDENT_COLUMNS) {
    if (keys[column] === group.keys[column]) continue;
    reader.error(
      column,
      `${column} ${shown(reader.raw(column))} differs from line ${group.line} (${shown(group.raws[column])}) ` +
        `for incident_ref "${group.ref}"; the incident columns must be the same on every row of an incident`,
    );
  }
}

/** A group with no bad row: each of its facts was read. */
function planIncident(group: IncidentGroup, opts: IncidentImportOptions): PlannedIncident {
  const { occurredAt, type, location, department, summary, stillOpen } = group.first;
  if (
    occurredAt === undefined ||
    type === undefined ||
    location === undefined ||
    department === undefined ||
    summary === undefined ||
    stillOpen === undefined
  ) {
    throw new Error(`Incident ${group.ref} planned with an unread fact`); // a row with a bad cell marks its group bad
  }
  const incidentId = deterministicId('import', opts.forceId, group.ref);
  const envelope = (step: 'record' | 'close') => ({
    commandId: deterministicId('import', opts.forceId, group.ref, step),
    now: occurredAt,
    actor: { userId: opts.actor.userId, role: opts.actor.role },
  });
  const record: RecordIncident = {
    type: 'RecordIncident',
    ...envelope('record'),
    data: {
      incidentId,
      type,
      occurredAt,
      location,
      department,
      summary,
      recordedBy: null,
      exposedColleagues: [...group.colleagues],
    },
  };
  const commands: IncidentCommand[] = [record];
  if (!stillOpen) {
    const close: CloseIncident = { type: 'CloseIncident', ...envelope('close'), data: { reason: IMPORTED_INCIDENT_CLOSE_REASON } };
    commands.push(close);
  }
  return { line: group.line, lines: [...group.lines], incidentRef: group.ref, incidentId, commands };
}

// ---------------------------------------------------------------------------------------
// Dry run through the real decider

type IncidentDecider = ReturnType<typeof createIncidentDecider>;

const COLLEAGUE_FIELD = /^exposedColleagues\[(\d+)\]\.(\w+)$/;

/** The first business rule the incident's commands break, if any, as an error on its row. */
function dryRun(decider: IncidentDecider, incident: PlannedIncident, group: IncidentGroup): ImportRowError | undefined {
  let state = decider.initialState;
  for (const command of incident.commands) {
    try {
      state = decider.decide(command, state).reduce(decider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      let line = incident.line;
      let column: string | undefined;
      const colleague = error.field === undefined ? null : COLLEAGUE_FIELD.exec(error.field);
      if (colleague) {
        line = group.lines[Number(colleague[1])] ?? line;
        column = COLUMN_OF_COLLEAGUE_FIELD[colleague[2] as string] ?? error.field;
      } else if (error.field !== undefined && command.type === 'RecordIncident') {
        column = COLUMN_OF_FIELD[error.field] ?? error.field;
      }
      return column === undefined ? { line, message: error.message } : { line, column, message: error.message };
    }
  }
  return undefined;
}
