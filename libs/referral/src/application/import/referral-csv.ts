import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { DomainError } from '@casework/core/domain/domain-error';
import { deterministicId } from '@casework/core/ids';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import type {
  CancelReferral,
  CloseReferral,
  RecordConsent,
  ReferralCommand,
  SubmitReferral,
  TriageReferral,
} from '../../domain/commands';
import type { ReferralDeadlinePolicy } from '../../domain/deadline-policy';
import { createReferralDecider } from '../../domain/decider';
import {
  CLOSE_REASONS,
  EMPLOYMENT_TYPES,
  PRIORITIES,
  REFERRAL_CATEGORIES,
  REFERRAL_SOURCES,
  URGENCIES,
  type Actor,
  type CloseReason,
} from '../../domain/types';

/**
 * Plans a back-dated import of historical OH referrals from a spreadsheet (CSV), without
 * any I/O: text in, either a plan of domain commands or every problem found.
 *
 * The file
 * - UTF-8, comma-separated, optional BOM, any line ending; the first non-empty line is the
 *   header and names the columns (exact snake_case names, any order). Unknown, blank,
 *   repeated or missing required headers are errors, and then no row is checked (a
 *   misspelt column would make every row look wrong).
 * - Cells are trimmed; blank lines and rows whose cells are all blank are skipped. A cell may
 *   be quoted to hold commas or line breaks. Every row must have as many cells as the header.
 * - Errors give the 1-based physical line where the row starts (the header is line 1 of a
 *   file without leading blank lines), so a quoted line break does not shift later rows.
 *
 * One row is one referral. Required columns: `referral_ref` (the spreadsheet's own id,
 * unique within the file), `submitted_at`, `subject_id`, `subject_name`, `employment_type`,
 * `department`, `source`, `category`, `urgency`, `reason`. Optional, by stage:
 * - `role` (the subject's job title), `referred_by` (blank: the importing user is recorded
 *   as referrer, as for any referral keyed in on someone's behalf), `line_manager_id`;
 * - triage: `triaged_at`, `priority`, `advisor_id`, all three or none;
 * - consent: `consent_at`, `consent_given` (true/false/yes/no, any case), both or neither;
 *   consent needs triage first (the decider says so);
 * - closure: `closed_at` and `close_reason` together, `close_note` only with them. Imports
 *   never reach an assessment, so the domain allows only `no_further_action` or `other`,
 *   each with a note;
 * - cancellation: `cancelled_at` and `cancel_reason` together, never with a closure.
 *
 * A refusal of consent (`consent_given` false) closes the referral by itself, at
 * `consent_at`, with reason `consent_refused`. Such a row expresses no separate closure:
 * `close_reason` is blank or `consent_refused`, `closed_at` blank or equal to `consent_at`,
 * `close_note` and the cancellation columns blank. `consent_refused` is never a close
 * reason on its own (nor is `did_not_attend`, which needs appointments).
 *
 * Times: `YYYY-MM-DD` means 09:00 that day on the force calendar's wall clock (Europe/London);
 * an ISO date-time without an offset is read on that clock too, one with `Z` or an offset is
 * taken as written. Dates must run submitted ≤ triaged ≤ consent ≤ closed/cancelled and none
 * may be after `now`.
 *
 * Each valid row becomes Submit, then Triage, RecordConsent, Close or Cancel as filled in,
 * each back-dated to its own column's time, sent by the importing actor. Ids are derived
 * from the force and `referral_ref` (`deterministicId('import', forceId, ref[, step])`), so
 * importing the same file again appends nothing new, and a file that gains a later stage for
 * an already imported referral appends just that stage. (Facts of an already imported
 * stage are not updated by editing the file: that command id has been applied.)
 *
 * Finally every row's commands are dry-run through the real decider, so a business rule the
 * import would break (a completed closure without a report, say) is reported on its row
 * before anything is appended: validation is all or nothing.
 */

export interface ImportRowError {
  /** 1-based physical line in the file where the row (or problem) starts; the header is 1. */
  readonly line: number;
  /** The CSV column the problem is about, when it is about one. */
  readonly column?: string;
  readonly message: string;
}

export interface PlannedReferral {
  readonly line: number;
  readonly referralRef: string;
  readonly referralId: string;
  /** In the order they must be executed. */
  readonly commands: readonly ReferralCommand[];
}

export interface ReferralImportOptions {
  readonly forceId: string;
  /** Who is importing; every command is sent as this actor. */
  readonly actor: Actor;
  /** The current time, for rejecting dates in the future. */
  readonly now: Date;
  readonly policy: ReferralDeadlinePolicy;
  readonly calendar: WorkingCalendar;
  /** Data rows allowed in one file; default 10 000. */
  readonly maxRows?: number;
}

export type ReferralImportPlan =
  | { readonly ok: true; readonly rows: PlannedReferral[] }
  | { readonly ok: false; readonly errors: ImportRowError[]; readonly rowsRead: number };

export const DEFAULT_MAX_IMPORT_ROWS = 10_000;

export const REQUIRED_IMPORT_COLUMNS = [
  'referral_ref',
  'submitted_at',
  'subject_id',
  'subject_name',
  'employment_type',
  'department',
  'source',
  'category',
  'urgency',
  'reason',
] as const;

export const OPTIONAL_IMPORT_COLUMNS = [
  'role',
  'referred_by',
  'line_manager_id',
  'triaged_at',
  'priority',
  'advisor_id',
  'consent_at',
  'consent_given',
  'closed_at',
  'close_reason',
  'close_note',
  'cancelled_at',
  'cancel_reason',
] as const;

type Column = (typeof REQUIRED_IMPORT_COLUMNS)[number] | (typeof OPTIONAL_IMPORT_COLUMNS)[number];
type Cells = Readonly<Record<Column, string>>;

const ALL_COLUMNS: readonly Column[] = [...REQUIRED_IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS];
const isColumn = (name: string): name is Column => (ALL_COLUMNS as readonly string[]).includes(name);

/** The step names that, with the force and the row's reference, make each command id. */
type Step = 'submit' | 'triage' | 'consent' | 'close' | 'cancel';

/** A command field named by a DomainError, as the CSV column the user can fix. */
const COLUMN_OF_FIELD: Readonly<Record<string, Readonly<Record<string, Column>>>> = {
  SubmitReferral: {
    referralId: 'referral_ref',
    subjectId: 'subject_id',
    subjectName: 'subject_name',
    employmentType: 'employment_type',
    department: 'department',
    role: 'role',
    source: 'source',
    category: 'category',
    urgency: 'urgency',
    reason: 'reason',
    referredBy: 'referred_by',
    lineManagerId: 'line_manager_id',
  },
  TriageReferral: { priority: 'priority', advisorId: 'advisor_id' },
  RecordConsent: { consentGiven: 'consent_given' },
  CloseReferral: { reason: 'close_reason', note: 'close_note' },
  CancelReferral: { reason: 'cancel_reason' },
};

export function planReferralImport(csvText: string, opts: ReferralImportOptions): ReferralImportPlan {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_IMPORT_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);

  const { records, errors } = readCsv(csvText);
  const [header, ...rows] = records;
  const rowsRead = rows.length;
  if (!header) {
    if (errors.length === 0) errors.push({ line: 1, message: 'The file is empty: expected a header row and a row per referral' });
    return { ok: false, errors, rowsRead };
  }

  const columns = header.cells;
  const headerErrors = checkHeader(header);
  if (headerErrors.length > 0) return { ok: false, errors: sortByLine([...errors, ...headerErrors]), rowsRead };
  if (rows.length === 0) {
    errors.push({ line: header.line, message: 'The file has a header but no referrals' });
    return { ok: false, errors: sortByLine(errors), rowsRead };
  }
  if (rows.length > maxRows) {
    const firstExcess = rows[maxRows] as CsvRecord;
    errors.push({
      line: firstExcess.line,
      message: `The file has ${rows.length} referrals; at most ${maxRows} can be imported at once, so split it`,
    });
    return { ok: false, errors: sortByLine(errors), rowsRead };
  }

  const decider = createReferralDecider({ policy: opts.policy, calendar: opts.calendar });
  const planned: PlannedReferral[] = [];
  const firstLineOfRef = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      errors.push({ line: row.line, message: `The row has ${row.cells.length} cells but the header has ${columns.length}` });
      continue;
    }
    const cells = cellsByColumn(columns as readonly Column[], row.cells);
    const ref = cells.referral_ref;
    const seenOn = firstLineOfRef.get(ref);
    if (ref !== '' && seenOn !== undefined) {
      errors.push({ line: row.line, column: 'referral_ref', message: `referral_ref "${ref}" is already used on line ${seenOn}` });
    } else if (ref !== '') {
      firstLineOfRef.set(ref, row.line);
    }

    const reader = new RowReader(row.line, cells, opts.now, opts.calendar.zone);
    const referral = readRow(reader, opts);
    if (!referral) {
      errors.push(...reader.errors);
      continue;
    }
    const ruleBroken = dryRun(decider, referral.commands);
    if (ruleBroken) errors.push({ line: row.line, ...ruleBroken });
    else planned.push(referral);
  }
  return errors.length > 0 ? { ok: false, errors: sortByLine(errors), rowsRead } : { ok: true, rows: planned };
}

// ---------------------------------------------------------------------------------------
// CSV text → records with line numbers

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
  for (const required of REQUIRED_IMPORT_COLUMNS) {
    if (!seen.has(required)) errors.push({ line, column: required, message: `Missing required column "${required}"` });
  }
  return errors;
}

/** Optional columns left out of the header read as blank. */
function cellsByColumn(columns: readonly Column[], values: readonly string[]): Cells {
  const cells = Object.fromEntries(ALL_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
  columns.forEach((column, i) => (cells[column] = values[i] ?? ''));
  return cells;
}

function sortByLine(errors: ImportRowError[]): ImportRowError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.line - b.error.line || a.index - b.index)
    .map(({ error }) => error);
}

// ---------------------------------------------------------------------------------------
// One row → its commands

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const DATE_ONLY_HOUR = 9;
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

  optionalTime(column: Column): Date | null | undefined {
    if (!this.has(column)) return null;
    const value = this.cells[column];
    const local = DATE_ONLY.test(value)
      ? DateTime.fromISO(value, { zone: this.zone }).set({ hour: DATE_ONLY_HOUR })
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
    const time = local.toJSDate();
    if (time.getTime() > this.now.getTime()) {
      this.error(column, `${column} "${value}" is in the future`);
      return undefined;
    }
    return time;
  }

  time(column: Column): Date | undefined {
    if (this.has(column)) return this.optionalTime(column) ?? undefined;
    this.error(column, `${column} is required`);
    return undefined;
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
}

interface RowTimes {
  readonly submitted_at: Date | undefined;
  readonly triaged_at: Date | null | undefined;
  readonly consent_at: Date | null | undefined;
  readonly closed_at: Date | null | undefined;
  readonly cancelled_at: Date | null | undefined;
}

/** Each stage's time against the latest earlier one given; both ends must have parsed. */
function checkOrder(reader: RowReader, times: RowTimes): void {
  const sequence: readonly (readonly [Column, readonly Column[]])[] = [
    ['triaged_at', ['submitted_at']],
    ['consent_at', ['submitted_at', 'triaged_at']],
    ['closed_at', ['submitted_at', 'triaged_at', 'consent_at']],
    ['cancelled_at', ['submitted_at', 'triaged_at', 'consent_at']],
  ];
  const timeOf = (c: Column): Date | null | undefined => times[c as keyof RowTimes];
  for (const [column, earlier] of sequence) {
    const at = timeOf(column);
    if (!at) continue;
    let latest: { column: Column; at: Date } | undefined;
    for (const e of earlier) {
      const t = timeOf(e);
      if (t && (!latest || t >= latest.at)) latest = { column: e, at: t };
    }
    if (latest && at < latest.at) {
      reader.error(
        column,
        `${column} "${reader.raw(column)}" is before ${latest.column} "${reader.raw(latest.column)}"; ` +
          'dates must run submitted_at ≤ triaged_at ≤ consent_at ≤ closed_at or cancelled_at',
      );
    }
  }
}

/** The row as its commands, or undefined when anything in it is wrong (see reader.errors). */
function readRow(reader: RowReader, opts: ReferralImportOptions): PlannedReferral | undefined {
  // Read every cell first, so that all of the row's problems are reported at once.
  const referralRef = reader.text('referral_ref');
  const subjectId = reader.text('subject_id');
  const subjectName = reader.text('subject_name');
  const employmentType = reader.oneOf('employment_type', EMPLOYMENT_TYPES);
  const department = reader.text('department');
  const source = reader.oneOf('source', REFERRAL_SOURCES);
  const category = reader.oneOf('category', REFERRAL_CATEGORIES);
  const urgency = reader.oneOf('urgency', URGENCIES);
  const reason = reader.text('reason');
  const times: RowTimes = {
    submitted_at: reader.time('submitted_at'),
    triaged_at: reader.optionalTime('triaged_at'),
    consent_at: reader.optionalTime('consent_at'),
    closed_at: reader.optionalTime('closed_at'),
    cancelled_at: reader.optionalTime('cancelled_at'),
  };
  const priority = reader.optionalOneOf('priority', PRIORITIES);
  const consentGiven = reader.optionalBoolean('consent_given');
  const closeReason = reader.optionalOneOf('close_reason', CLOSE_REASONS);

  reader.together(['triaged_at', 'priority', 'advisor_id']);
  reader.together(['consent_at', 'consent_given']);
  reader.together(['cancelled_at', 'cancel_reason']);
  const refused = consentGiven === false;
  if (refused) checkRefusal(reader, times);
  else checkClosure(reader, closeReason);
  if (reader.has('cancelled_at') && reader.has('closed_at')) {
    reader.error('cancelled_at', 'A referral is either closed or cancelled, not both');
  }
  checkOrder(reader, times);
  if (
    reader.errors.length > 0 ||
    referralRef === undefined ||
    subjectId === undefined ||
    subjectName === undefined ||
    employmentType === undefined ||
    department === undefined ||
    source === undefined ||
    category === undefined ||
    urgency === undefined ||
    reason === undefined ||
    times.submitted_at === undefined
  ) {
    return undefined;
  }

  const referralId = deterministicId('import', opts.forceId, referralRef);
  const envelope = (step: Step, now: Date) => ({
    commandId: deterministicId('import', opts.forceId, referralRef, step),
    now,
    actor: { userId: opts.actor.userId, role: opts.actor.role },
  });
  const submit: SubmitReferral = {
    type: 'SubmitReferral',
    ...envelope('submit', times.submitted_at),
    data: {
      referralId,
      subjectId,
      subjectName,
      employmentType,
      department,
      role: reader.optionalText('role'),
      source,
      category,
      urgency,
      reason,
      referredBy: reader.optionalText('referred_by'),
      lineManagerId: reader.optionalText('line_manager_id'),
      linkedCaseId: null,
    },
  };
  const commands: ReferralCommand[] = [submit];
  // With no errors reported, each stage's time being given means its other columns are too.
  if (times.triaged_at && priority) {
    const triage: TriageReferral = {
      type: 'TriageReferral',
      ...envelope('triage', times.triaged_at),
      data: { priority, advisorId: reader.raw('advisor_id') },
    };
    commands.push(triage);
  }
  if (times.consent_at && typeof consentGiven === 'boolean') {
    const consent: RecordConsent = {
      type: 'RecordConsent',
      ...envelope('consent', times.consent_at),
      data: { consentGiven },
    };
    commands.push(consent);
  }
  if (times.closed_at && closeReason && !refused) {
    const close: CloseReferral = {
      type: 'CloseReferral',
      ...envelope('close', times.closed_at),
      data: { reason: closeReason, note: reader.optionalText('close_note') },
    };
    commands.push(close);
  }
  if (times.cancelled_at) {
    const cancel: CancelReferral = {
      type: 'CancelReferral',
      ...envelope('cancel', times.cancelled_at),
      data: { reason: reader.raw('cancel_reason') },
    };
    commands.push(cancel);
  }
  return { line: reader.line, referralRef, referralId, commands };
}

/** A refusal closes the referral by itself: the row may restate that closure, not add one. */
function checkRefusal(reader: RowReader, times: RowTimes): void {
  const why = 'consent_given is false, which closes the referral as consent_refused at consent_at';
  const reason = reader.raw('close_reason');
  if (reason !== '' && reason !== 'consent_refused') {
    reader.error('close_reason', `close_reason must be blank or consent_refused: ${why}`);
  }
  if (times.closed_at && times.consent_at && times.closed_at.getTime() !== times.consent_at.getTime()) {
    reader.error('closed_at', `closed_at must be blank or the same as consent_at: ${why}`);
  }
  if (reader.has('close_note')) reader.error('close_note', `close_note must be blank: ${why}, without a note`);
  if (reader.has('cancelled_at')) reader.error('cancelled_at', `cancelled_at must be blank: ${why}`);
}

function checkClosure(reader: RowReader, closeReason: CloseReason | null | undefined): void {
  reader.together(['closed_at', 'close_reason']);
  if (reader.has('close_note') && !reader.has('closed_at') && !reader.has('close_reason')) {
    reader.error('close_note', 'close_note is only for a closed referral (with closed_at and close_reason)');
  }
  if (closeReason === 'consent_refused') {
    reader.error('close_reason', 'consent_refused is recorded as consent_given false (with consent_at), which closes the referral');
  }
}

// ---------------------------------------------------------------------------------------
// Dry run through the real decider

type ReferralDecider = ReturnType<typeof createReferralDecider>;

/** The first business rule the row's commands break, if any, as an error on that row. */
function dryRun(decider: ReferralDecider, commands: readonly ReferralCommand[]): Omit<ImportRowError, 'line'> | undefined {
  let state = decider.initialState;
  for (const command of commands) {
    try {
      state = decider.decide(command, state).reduce(decider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const column = error.field === undefined ? undefined : (COLUMN_OF_FIELD[command.type]?.[error.field] ?? error.field);
      return column === undefined ? { message: error.message } : { column, message: error.message };
    }
  }
  return undefined;
}
