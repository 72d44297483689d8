import { DomainError } from '@casework/core/domain/domain-error';
import { openCsvTable, RowReader, sortByLine, UniqueRefs, type ImportRowError } from '@casework/core/import/csv-import';
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

export type { ImportRowError } from '@casework/core/import/csv-import';

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

const ALL_COLUMNS: readonly Column[] = [...REQUIRED_IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS];

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
  const table = openCsvTable<Column>(csvText, {
    required: REQUIRED_IMPORT_COLUMNS,
    all: ALL_COLUMNS,
    maxRows: opts.maxRows ?? DEFAULT_MAX_IMPORT_ROWS,
    rowNoun: 'referral',
    pluralNoun: 'referrals',
  });
  if (!table.ok) return table;
  const { errors, rowsRead } = table;

  const decider = createReferralDecider({ policy: opts.policy, calendar: opts.calendar });
  const planned: PlannedReferral[] = [];
  const refs = new UniqueRefs('referral_ref');
  for (const { line, cells } of table.rows) {
    refs.check(cells.referral_ref, line, errors);
    const reader = new RowReader<Column>(line, cells, opts.now, opts.calendar.zone);
    const referral = readRow(reader, opts);
    if (!referral) {
      errors.push(...reader.errors);
      continue;
    }
    const ruleBroken = dryRun(decider, referral.commands);
    if (ruleBroken) errors.push({ line, ...ruleBroken });
    else planned.push(referral);
  }
  return errors.length > 0 ? { ok: false, errors: sortByLine(errors), rowsRead } : { ok: true, rows: planned };
}

// ---------------------------------------------------------------------------------------
// One row → its commands

interface RowTimes {
  readonly submitted_at: Date | undefined;
  readonly triaged_at: Date | null | undefined;
  readonly consent_at: Date | null | undefined;
  readonly closed_at: Date | null | undefined;
  readonly cancelled_at: Date | null | undefined;
}

/** Each stage's time against the latest earlier one given; both ends must have parsed. */
function checkOrder(reader: RowReader<Column>, times: RowTimes): void {
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
function readRow(reader: RowReader<Column>, opts: ReferralImportOptions): PlannedReferral | undefined {
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
function checkRefusal(reader: RowReader<Column>, times: RowTimes): void {
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

function checkClosure(reader: RowReader<Column>, closeReason: CloseReason | null | undefined): void {
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
