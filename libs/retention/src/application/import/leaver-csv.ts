import { DateTime } from 'luxon';
import { DomainError } from '@casework/core/domain/domain-error';
import { openCsvTable, RowReader, sortByLine, UniqueRefs, type ImportRowError } from '@casework/core/import/csv-import';
import { deterministicId } from '@casework/core/ids';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { EMPLOYMENT_TYPES } from '@casework/referral/domain/types';
import {
  AGE_BANDS,
  createExitDecider,
  DISABILITY_STATUSES,
  ETHNICITIES,
  LEAVING_REASONS,
  SEXES,
  type Actor,
  type ExitCommand,
  type ExitDemographics,
  type ExitPolicy,
  type NotifyLeaving,
} from '../../domain/exit';

export type { ImportRowError } from '@casework/core/import/csv-import';

/**
 * A back-dated import of historical leavers, one row per leaver, each becoming the exit
 * commands that tell its story on the dates it happened (see `planLeaver` for the times):
 *
 *   NotifyLeaving (at notified_at)
 *   → AllocateExitInterviewer + RecordExitInterview (interview held) or DeclineExitInterview
 *   → WithdrawResignation (retained)
 *   → RecordExitDrivers (drivers)
 *   → RecordLeft (unless retained)
 *
 * Columns:
 * - `leaver_ref` (required, unique in the file): the source system's reference; with the
 *   force it makes every id, so importing the same file again appends nothing new.
 * - `person_id`, `name`, `employment_type` (a referral employment type), `department`.
 * - `start_date`, `leaving_date`: YYYY-MM-DD; start ≤ leaving ≤ today. For a retained
 *   resignation, `leaving_date` is the date they would have left.
 * - `reason`: one of LEAVING_REASONS.
 * - `line_manager_id` (optional). Nobody opted out of their line manager in an import.
 * - `notified_at` (optional): a date (read as 09:00 UK time) or a date-time, on or after
 *   start_date and on or before leaving_date. Blank: 28 days before the leaving date (at
 *   09:00 UK time), but not before the start date — the usual notice, which the source
 *   systems rarely keep.
 * - `age_band`, `sex`, `ethnicity`, `disability` (optional): only what the person gave.
 * - `drivers` (optional): driver codes from the force's taxonomy, separated by `;`.
 * - `interview` (optional): held, declined or none (blank is none). `interviewer_id` is
 *   required with held (an interview needs its interviewer) and only allowed with it.
 * - `retained` (optional, true/false): the resignation was withdrawn and the person
 *   stayed; only for reason resignation. A retained row has no RecordLeft.
 */

export interface PlannedLeaver {
  readonly line: number;
  readonly leaverRef: string;
  readonly exitId: string;
  /** In the order they must be executed. */
  readonly commands: readonly ExitCommand[];
}

export interface LeaverImportOptions {
  readonly forceId: string;
  /** Who is importing; every command is sent as this actor. */
  readonly actor: Actor;
  /** The current time: no date may be after it, and no command is dated after it. */
  readonly now: Date;
  /** The force's exit policy: its driver taxonomy, and the decider's deadlines. */
  readonly policy: ExitPolicy;
  readonly calendar: WorkingCalendar;
  /** Data rows (leavers) allowed in one file; default 10 000. */
  readonly maxRows?: number;
}

export type LeaverImportPlan =
  | { readonly ok: true; readonly leavers: PlannedLeaver[] }
  | { readonly ok: false; readonly errors: ImportRowError[]; readonly rowsRead: number };

export const DEFAULT_MAX_LEAVER_IMPORT_ROWS = 10_000;

/** Notice assumed when `notified_at` is blank: four weeks before the leaving date. */
export const DEFAULT_NOTICE_DAYS = 28;

export const INTERVIEW_OUTCOMES = ['held', 'declined', 'none'] as const;
export type InterviewOutcome = (typeof INTERVIEW_OUTCOMES)[number];

export const REQUIRED_LEAVER_IMPORT_COLUMNS = [
  'leaver_ref',
  'person_id',
  'name',
  'employment_type',
  'department',
  'start_date',
  'leaving_date',
  'reason',
] as const;

export const OPTIONAL_LEAVER_IMPORT_COLUMNS = [
  'line_manager_id',
  'notified_at',
  'age_band',
  'sex',
  'ethnicity',
  'disability',
  'drivers',
  'interview',
  'interviewer_id',
  'retained',
] as const;

type Column = (typeof REQUIRED_LEAVER_IMPORT_COLUMNS)[number] | (typeof OPTIONAL_LEAVER_IMPORT_COLUMNS)[number];

const ALL_COLUMNS: readonly Column[] = [...REQUIRED_LEAVER_IMPORT_COLUMNS, ...OPTIONAL_LEAVER_IMPORT_COLUMNS];

/** The step names that, with the force and the row's reference, make each command id. */
type Step = 'notify' | 'allocate' | 'interview' | 'decline' | 'withdraw' | 'drivers' | 'left';

/** A command field named by a DomainError, as the CSV column the user can fix. */
const COLUMN_OF_FIELD: Readonly<Partial<Record<ExitCommand['type'], Readonly<Record<string, Column>>>>> = {
  NotifyLeaving: {
    exitId: 'leaver_ref',
    person: 'person_id',
    'person.personId': 'person_id',
    'person.name': 'name',
    'person.employmentType': 'employment_type',
    'person.department': 'department',
    'person.lineManagerId': 'line_manager_id',
    'person.startDate': 'start_date',
    reason: 'reason',
    leavingDate: 'leaving_date',
    'demographics.ageBand': 'age_band',
    'demographics.sex': 'sex',
    'demographics.ethnicity': 'ethnicity',
    'demographics.disability': 'disability',
  },
  AllocateExitInterviewer: { interviewerId: 'interviewer_id' },
  RecordExitInterview: { heldAt: 'interview' },
  RecordExitDrivers: { codes: 'drivers' },
  RecordLeft: { leavingDate: 'leaving_date' },
};

/** The column a rule broken by a command is about, when the error names no field (a conflict). */
const COLUMN_OF_COMMAND: Readonly<Partial<Record<ExitCommand['type'], Column>>> = {
  AllocateExitInterviewer: 'interviewer_id',
  RecordExitInterview: 'interview',
  DeclineExitInterview: 'interview',
  WithdrawResignation: 'retained',
  RecordExitDrivers: 'drivers',
  RecordLeft: 'leaving_date',
};

export function planLeaverImport(csvText: string, opts: LeaverImportOptions): LeaverImportPlan {
  const table = openCsvTable<Column>(csvText, {
    required: REQUIRED_LEAVER_IMPORT_COLUMNS,
    all: ALL_COLUMNS,
    maxRows: opts.maxRows ?? DEFAULT_MAX_LEAVER_IMPORT_ROWS,
    rowNoun: 'leaver',
    pluralNoun: 'leavers',
  });
  if (!table.ok) return table;
  const { errors, rowsRead } = table;

  const decider = createExitDecider({ policy: opts.policy, calendar: opts.calendar });
  const planned: PlannedLeaver[] = [];
  const refs = new UniqueRefs('leaver_ref');
  for (const { line, cells } of table.rows) {
    refs.check(cells.leaver_ref, line, errors);
    const reader = new RowReader<Column>(line, cells, opts.now, opts.calendar.zone);
    const leaver = readRow(reader, opts);
    if (!leaver) {
      errors.push(...reader.errors);
      continue;
    }
    const ruleBroken = dryRun(decider, leaver.commands);
    if (ruleBroken) errors.push({ line, ...ruleBroken });
    else planned.push(leaver);
  }
  return errors.length > 0 ? { ok: false, errors: sortByLine(errors), rowsRead } : { ok: true, leavers: planned };
}

// ---------------------------------------------------------------------------------------
// One row → its commands

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A business date (YYYY-MM-DD) that exists; undefined when blank or wrong (reported). */
function businessDateCell(reader: RowReader<Column>, column: Column): string | undefined {
  if (!reader.has(column)) {
    reader.error(column, `${column} is required`);
    return undefined;
  }
  const value = reader.raw(column);
  if (!DATE_ONLY.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    reader.error(column, `${column} "${value}" is not a date: use YYYY-MM-DD, such as 2026-03-27`);
    return undefined;
  }
  return value;
}

/** `drivers` split on `;`, each code from the taxonomy and listed once; null when blank. */
function driverCodes(reader: RowReader<Column>, taxonomy: readonly string[]): string[] | null | undefined {
  if (!reader.has('drivers')) return null;
  const codes = reader
    .raw('drivers')
    .split(';')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  if (codes.length === 0) {
    reader.error('drivers', 'drivers has no codes: separate codes with ";", such as workload;pay');
    return undefined;
  }
  let ok = true;
  codes.forEach((code, i) => {
    if (!taxonomy.includes(code)) {
      reader.error('drivers', `drivers "${code}" is not allowed; one of: ${taxonomy.join(', ')}`);
      ok = false;
    } else if (codes.indexOf(code) !== i) {
      reader.error('drivers', `drivers lists "${code}" more than once`);
      ok = false;
    }
  });
  return ok ? codes : undefined;
}

/** The row as its commands, or undefined when anything in it is wrong (see reader.errors). */
function readRow(reader: RowReader<Column>, opts: LeaverImportOptions): PlannedLeaver | undefined {
  const { zone } = opts.calendar;
  // Read every cell first, so that all of the row's problems are reported at once.
  const leaverRef = reader.text('leaver_ref');
  const personId = reader.text('person_id');
  const name = reader.text('name');
  const employmentType = reader.oneOf('employment_type', EMPLOYMENT_TYPES);
  const department = reader.text('department');
  const startDate = businessDateCell(reader, 'start_date');
  const leavingDate = businessDateCell(reader, 'leaving_date');
  const reason = reader.oneOf('reason', LEAVING_REASONS);
  const notifiedAt = reader.optionalTime('notified_at');
  const ageBand = reader.optionalOneOf('age_band', AGE_BANDS);
  const sex = reader.optionalOneOf('sex', SEXES);
  const ethnicity = reader.optionalOneOf('ethnicity', ETHNICITIES);
  const disability = reader.optionalOneOf('disability', DISABILITY_STATUSES);
  const drivers = driverCodes(reader, opts.policy.drivers);
  const interview = reader.optionalOneOf('interview', INTERVIEW_OUTCOMES);
  const retained = reader.optionalBoolean('retained');

  // Across cells, where both ends were read.
  const today = DateTime.fromJSDate(opts.now, { zone }).toISODate() as string;
  if (leavingDate !== undefined && leavingDate > today) {
    reader.error('leaving_date', `leaving_date "${leavingDate}" is in the future`);
  }
  if (startDate !== undefined && leavingDate !== undefined && leavingDate < startDate) {
    reader.error('leaving_date', `leaving_date "${leavingDate}" is before start_date "${startDate}"`);
  }
  if (notifiedAt) {
    const noticeDate = DateTime.fromJSDate(notifiedAt, { zone }).toISODate() as string;
    if (startDate !== undefined && noticeDate < startDate) {
      reader.error('notified_at', `notified_at "${reader.raw('notified_at')}" is before start_date "${startDate}"`);
    }
    if (leavingDate !== undefined && noticeDate > leavingDate) {
      reader.error('notified_at', `notified_at "${reader.raw('notified_at')}" is after leaving_date "${leavingDate}"`);
    }
  }
  if (interview === 'held' && !reader.has('interviewer_id')) {
    reader.error('interviewer_id', 'interviewer_id is required with interview held: who held the exit interview');
  } else if (interview !== 'held' && interview !== undefined && reader.has('interviewer_id')) {
    reader.error('interviewer_id', 'interviewer_id is only for an exit interview that was held (interview held)');
  }
  if (retained === true && reason !== undefined && reason !== 'resignation') {
    reader.error('retained', `retained is only for reason resignation (a withdrawn resignation); this leaver's reason is ${reason}`);
  }
  if (
    reader.errors.length > 0 ||
    leaverRef === undefined ||
    personId === undefined ||
    name === undefined ||
    employmentType === undefined ||
    department === undefined ||
    startDate === undefined ||
    leavingDate === undefined ||
    reason === undefined ||
    notifiedAt === undefined ||
    drivers === undefined ||
    interview === undefined ||
    retained === undefined
  ) {
    return undefined;
  }

  const times = stepTimes({ startDate, leavingDate, notifiedAt, now: opts.now, zone });
  const exitId = deterministicId('import', opts.forceId, leaverRef);
  const envelope = (step: Step, now: Date) => ({
    commandId: deterministicId('import', opts.forceId, leaverRef, step),
    now,
    actor: { userId: opts.actor.userId, role: opts.actor.role },
  });
  const demographics: ExitDemographics = {
    ...(ageBand ? { ageBand } : {}),
    ...(sex ? { sex } : {}),
    ...(ethnicity ? { ethnicity } : {}),
    ...(disability ? { disability } : {}),
  };
  const notify: NotifyLeaving = {
    type: 'NotifyLeaving',
    ...envelope('notify', times.notified),
    data: {
      exitId,
      person: {
        personId,
        name,
        employmentType,
        department,
        lineManagerId: reader.optionalText('line_manager_id'),
        startDate,
      },
      demographics,
      leavingDate,
      reason,
      optOutOfLineManager: false,
    },
  };
  const commands: ExitCommand[] = [notify];
  if (interview === 'held') {
    commands.push(
      { type: 'AllocateExitInterviewer', ...envelope('allocate', times.beforeLeaving), data: { interviewerId: reader.raw('interviewer_id') } },
      { type: 'RecordExitInterview', ...envelope('interview', times.beforeLeaving), data: { heldAt: times.beforeLeaving, summary: null } },
    );
  } else if (interview === 'declined') {
    commands.push({ type: 'DeclineExitInterview', ...envelope('decline', times.notified), data: { reason: null } });
  }
  if (retained) {
    commands.push({ type: 'WithdrawResignation', ...envelope('withdraw', times.beforeLeaving), data: { note: null } });
  }
  if (drivers) {
    commands.push({ type: 'RecordExitDrivers', ...envelope('drivers', times.drivers), data: { codes: drivers, note: null } });
  }
  if (!retained) {
    commands.push({ type: 'RecordLeft', ...envelope('left', times.left), data: { leavingDate: null } });
  }
  return { line: reader.line, leaverRef, exitId, commands };
}

/**
 * When each step happened, as near as a historical record can say, in order and never
 * after the import's `now`:
 * - notified: `notified_at`, or 09:00 UK time DEFAULT_NOTICE_DAYS before the leaving date
 *   (not before the start date);
 * - the interview (allocated and held) and a withdrawn resignation: the start of the day
 *   before the leaving date (the last day the decider takes them), or the notice if later;
 * - drivers: the start of the leaving date, or the notice if later;
 * - left: the end of the leaving date (or now, when that is today).
 */
function stepTimes(given: {
  readonly startDate: string;
  readonly leavingDate: string;
  readonly notifiedAt: Date | null;
  readonly now: Date;
  readonly zone: string;
}): { notified: Date; beforeLeaving: Date; drivers: Date; left: Date } {
  const { zone, now } = given;
  const leavingStart = DateTime.fromISO(given.leavingDate, { zone }).startOf('day');
  const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
  const latest = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
  let notified = given.notifiedAt;
  if (notified === null) {
    const noticeDate = leavingStart.minus({ days: DEFAULT_NOTICE_DAYS }).toISODate() as string;
    const day = noticeDate < given.startDate ? given.startDate : noticeDate;
    notified = earliest(DateTime.fromISO(day, { zone }).set({ hour: 9 }).toJSDate(), now);
  }
  return {
    notified,
    beforeLeaving: latest(notified, leavingStart.minus({ days: 1 }).toJSDate()),
    drivers: latest(notified, leavingStart.toJSDate()),
    left: earliest(leavingStart.endOf('day').toJSDate(), now),
  };
}

// ---------------------------------------------------------------------------------------
// Dry run through the real decider

type ExitDecider = ReturnType<typeof createExitDecider>;

/** The first business rule the row's commands break, if any, as an error on that row. */
function dryRun(decider: ExitDecider, commands: readonly ExitCommand[]): Omit<ImportRowError, 'line'> | undefined {
  let state = decider.initialState;
  for (const command of commands) {
    try {
      state = decider.decide(command, state).reduce(decider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const column = columnOf(command.type, error.field);
      return column === undefined ? { message: error.message } : { column, message: error.message };
    }
  }
  return undefined;
}

/** `codes.2` is the `codes` field's third entry: the column of `codes`. */
function columnOf(type: ExitCommand['type'], field: string | undefined): string | undefined {
  if (field === undefined) return COLUMN_OF_COMMAND[type];
  const fields = COLUMN_OF_FIELD[type] ?? {};
  return fields[field] ?? fields[field.replace(/\.\d+$/, '')] ?? COLUMN_OF_COMMAND[type] ?? field;
}
