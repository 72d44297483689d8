import { DomainError } from '@casework/core/domain/domain-error';
import { openCsvTable, RowReader, sortByLine, type ImportRowError } from '@casework/core/import/csv-import';
import { deterministicId } from '@casework/core/ids';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import type { CloseIncident, ExposedColleagueInput, IncidentCommand, RecordIncident } from '../../domain/incident/commands';
import { createIncidentDecider } from '../../domain/incident/decider';
import type { EstipPolicy } from '../../domain/incident/estip-policy';
import type { IncidentTaxonomy } from '../../domain/incident/incident-taxonomy';
import { EXPOSURE_ROLES, type Actor, type ExposureRole } from '../../domain/incident/types';

export type { ImportRowError } from '@casework/core/import/csv-import';

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

const ALL_COLUMNS: readonly Column[] = [...REQUIRED_INCIDENT_IMPORT_COLUMNS, ...OPTIONAL_INCIDENT_IMPORT_COLUMNS];

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
  const table = openCsvTable<Column>(csvText, {
    required: REQUIRED_INCIDENT_IMPORT_COLUMNS,
    all: ALL_COLUMNS,
    maxRows: opts.maxRows ?? DEFAULT_MAX_INCIDENT_IMPORT_ROWS,
    rowNoun: 'exposed colleague',
    pluralNoun: 'rows',
  });
  if (!table.ok) return table;
  const { errors, rowsRead } = table;

  const codes = opts.taxonomy.map((t) => t.code);
  const groups = new Map<string, IncidentGroup>();
  for (const row of table.rows) {
    const reader = new RowReader<Column>(row.line, row.cells, opts.now, opts.calendar.zone);
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
// One row → its incident's facts and one exposed colleague

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

function readRow(reader: RowReader<Column>, incidentTypes: readonly string[]): ReadRow {
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

function checkAgreement(reader: RowReader<Column>, group: IncidentGroup, keys: AgreementKeys): void {
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
