import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@casework/core/domain/domain-error';
import { deterministicId } from '@casework/core/ids';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { DEFAULT_EXIT_POLICY, type ExitCommand, type NotifyLeaving } from '../../domain/exit';
import * as deciderModule from '../../domain/exit/decider';
import {
  OPTIONAL_LEAVER_IMPORT_COLUMNS,
  planLeaverImport,
  REQUIRED_LEAVER_IMPORT_COLUMNS,
  type ImportRowError,
  type LeaverImportOptions,
  type PlannedLeaver,
} from './leaver-csv';

// The real decider, wrapped so one test can stand in a rule the CSV checks cannot break.
jest.mock('../../domain/exit/decider', () => {
  const actual: typeof deciderModule = jest.requireActual('../../domain/exit/decider');
  return { ...actual, createExitDecider: jest.fn(actual.createExitDecider) };
});

const FORCE = 'force-a';
const ACTOR = { userId: 'u-importer', role: 'hr' };
const NOW = new Date('2026-11-02T12:00:00.000Z');
const OPTIONS: LeaverImportOptions = {
  forceId: FORCE,
  actor: ACTOR,
  now: NOW,
  policy: DEFAULT_EXIT_POLICY,
  calendar: new LondonWorkingCalendar({ holidays: [] }),
};

const HEADER = [...REQUIRED_LEAVER_IMPORT_COLUMNS, ...OPTIONAL_LEAVER_IMPORT_COLUMNS];
type Row = Partial<Record<(typeof HEADER)[number], string>>;

/** A leaver that is fine as it stands: a resignation, with only the required columns. */
const BASE: Row = {
  leaver_ref: 'LV-1',
  person_id: 'PC1',
  name: 'Sarah Whitfield',
  employment_type: 'police_officer',
  department: 'Response North',
  start_date: '2015-09-07',
  leaving_date: '2026-03-27',
  reason: 'resignation',
};
/** Everything given: notice, demographics, drivers and an interview held. */
const FULL: Row = {
  line_manager_id: 'S1123',
  notified_at: '2026-03-02T10:00',
  age_band: '25-34',
  sex: 'female',
  ethnicity: 'white',
  disability: 'not_disabled',
  drivers: 'workload; pay',
  interview: 'held',
  interviewer_id: 'u-retention-okafor',
};

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV with the full header and one line per row, each row laid over BASE. */
function csv(...rows: Row[]): string {
  const line = (row: Row) => HEADER.map((c) => quote({ ...BASE, ...row }[c] ?? '')).join(',');
  return [HEADER.join(','), ...rows.map(line)].join('\n') + '\n';
}

function plan(text: string, options: Partial<LeaverImportOptions> = {}): PlannedLeaver[] {
  const result = planLeaverImport(text, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(`Expected a plan, got errors:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.leavers;
}

function errorsOf(text: string, options: Partial<LeaverImportOptions> = {}): ImportRowError[] {
  const result = planLeaverImport(text, { ...OPTIONS, ...options });
  if (result.ok) throw new Error('Expected errors, got a plan');
  return result.errors;
}

const id = (...parts: string[]) => deterministicId('import', FORCE, ...parts);
/** Each command as [type, commandId step, now]. */
const steps = (leaver: PlannedLeaver | undefined) =>
  leaver?.commands.map((c) => [c.type, c.commandId, c.now.toISOString()]);
const notifyOf = (leaver: PlannedLeaver | undefined) => leaver?.commands[0] as NotifyLeaving;
const DRIVERS = DEFAULT_EXIT_POLICY.drivers.join(', ');

describe('planning a leaver import from CSV', () => {
  describe('a valid file', () => {
    it('becomes the exit’s back-dated commands: notified, interviewed, drivers, left', () => {
      const [leaver] = plan(csv(FULL));
      expect(leaver).toMatchObject({ line: 2, leaverRef: 'LV-1', exitId: id('LV-1') });
      const notified = new Date('2026-03-02T10:00:00.000Z'); // GMT in March
      const dayBefore = new Date('2026-03-26T00:00:00.000Z');
      const leavingDay = new Date('2026-03-27T00:00:00.000Z');
      const envelope = (step: string, now: Date) => ({ commandId: id('LV-1', step), now, actor: ACTOR });
      expect(leaver?.commands).toEqual<ExitCommand[]>([
        {
          type: 'NotifyLeaving',
          ...envelope('notify', notified),
          data: {
            exitId: id('LV-1'),
            person: {
              personId: 'PC1',
              name: 'Sarah Whitfield',
              employmentType: 'police_officer',
              department: 'Response North',
              lineManagerId: 'S1123',
              startDate: '2015-09-07',
            },
            demographics: { ageBand: '25-34', sex: 'female', ethnicity: 'white', disability: 'not_disabled' },
            leavingDate: '2026-03-27',
            reason: 'resignation',
            optOutOfLineManager: false,
          },
        },
        { type: 'AllocateExitInterviewer', ...envelope('allocate', dayBefore), data: { interviewerId: 'u-retention-okafor' } },
        { type: 'RecordExitInterview', ...envelope('interview', dayBefore), data: { heldAt: dayBefore, summary: null } },
        { type: 'RecordExitDrivers', ...envelope('drivers', leavingDay), data: { codes: ['workload', 'pay'], note: null } },
        { type: 'RecordLeft', ...envelope('left', new Date('2026-03-27T23:59:59.999Z')), data: { leavingDate: null } },
      ]);
    });

    it('with only the required columns: notified 28 days before the leaving date at 09:00 UK time, then left', () => {
      const [leaver] = plan(csv({ leaving_date: '2026-07-31', reason: 'retirement' }));
      // BST in July: 09:00 is 08:00Z, and the end of the leaving day 22:59:59.999Z.
      expect(steps(leaver)).toEqual([
        ['NotifyLeaving', id('LV-1', 'notify'), '2026-07-03T08:00:00.000Z'],
        ['RecordLeft', id('LV-1', 'left'), '2026-07-31T22:59:59.999Z'],
      ]);
      expect(notifyOf(leaver).data).toMatchObject({ demographics: {}, person: { lineManagerId: null }, reason: 'retirement' });
    });

    it('the default notice is not before the start date', () => {
      const [leaver] = plan(csv({ start_date: '2026-03-16', notified_at: '' }));
      expect(steps(leaver)?.[0]).toEqual(['NotifyLeaving', id('LV-1', 'notify'), '2026-03-16T09:00:00.000Z']);
    });

    it('a notice given as a date is read as 09:00 UK time; the interview is no earlier than the notice', () => {
      const [leaver] = plan(csv({ notified_at: '2026-03-26', interview: 'held', interviewer_id: 'u-int' }));
      expect(steps(leaver)).toEqual([
        ['NotifyLeaving', id('LV-1', 'notify'), '2026-03-26T09:00:00.000Z'],
        ['AllocateExitInterviewer', id('LV-1', 'allocate'), '2026-03-26T09:00:00.000Z'],
        ['RecordExitInterview', id('LV-1', 'interview'), '2026-03-26T09:00:00.000Z'],
        ['RecordLeft', id('LV-1', 'left'), '2026-03-27T23:59:59.999Z'],
      ]);
    });

    it('interview declined is declined at the notice; none or blank records no interview', () => {
      const leavers = plan(
        csv(
          { notified_at: '2026-03-02T10:00', interview: 'declined' },
          { leaver_ref: 'LV-2', interview: 'none' },
          { leaver_ref: 'LV-3', interview: '' },
        ),
      );
      expect(steps(leavers[0])).toEqual([
        ['NotifyLeaving', id('LV-1', 'notify'), '2026-03-02T10:00:00.000Z'],
        ['DeclineExitInterview', id('LV-1', 'decline'), '2026-03-02T10:00:00.000Z'],
        ['RecordLeft', id('LV-1', 'left'), '2026-03-27T23:59:59.999Z'],
      ]);
      expect(leavers.slice(1).map((l) => l.commands.map((c) => c.type))).toEqual([
        ['NotifyLeaving', 'RecordLeft'],
        ['NotifyLeaving', 'RecordLeft'],
      ]);
    });

    it('a retained resignation is withdrawn the day before the leaving date and never left; retained false leaves', () => {
      const leavers = plan(
        csv({ ...FULL, retained: 'true' }, { leaver_ref: 'LV-2', retained: 'false' }, { leaver_ref: 'LV-3', retained: 'yes', drivers: 'pay' }),
      );
      expect(steps(leavers[0])).toEqual([
        ['NotifyLeaving', id('LV-1', 'notify'), '2026-03-02T10:00:00.000Z'],
        ['AllocateExitInterviewer', id('LV-1', 'allocate'), '2026-03-26T00:00:00.000Z'],
        ['RecordExitInterview', id('LV-1', 'interview'), '2026-03-26T00:00:00.000Z'],
        ['WithdrawResignation', id('LV-1', 'withdraw'), '2026-03-26T00:00:00.000Z'],
        ['RecordExitDrivers', id('LV-1', 'drivers'), '2026-03-27T00:00:00.000Z'],
      ]);
      expect(leavers.slice(1).map((l) => l.commands.map((c) => c.type))).toEqual([
        ['NotifyLeaving', 'RecordLeft'],
        ['NotifyLeaving', 'WithdrawResignation', 'RecordExitDrivers'],
      ]);
    });

    it('someone leaving today is recorded as left now, never after it', () => {
      const [leaver] = plan(csv({ leaving_date: '2026-11-02', notified_at: '2026-11-02T10:00' }));
      expect(steps(leaver)).toEqual([
        ['NotifyLeaving', id('LV-1', 'notify'), '2026-11-02T10:00:00.000Z'],
        ['RecordLeft', id('LV-1', 'left'), NOW.toISOString()],
      ]);
    });

    it('needs only the required columns, in any order, and skips blank lines', () => {
      const text = [
        'reason,leaving_date,start_date,department,employment_type,name,person_id,leaver_ref',
        '',
        'transfer_out,2026-01-30,2019-04-01,Contact Centre,police_staff,Kim Lee,ST0551,L-9',
        ',,,,,,,',
        '',
      ].join('\r\n');
      const leavers = plan(text);
      expect(leavers.map((l) => [l.line, l.leaverRef, l.commands.map((c) => c.type)])).toEqual([[3, 'L-9', ['NotifyLeaving', 'RecordLeft']]]);
    });

    it('dry-runs every leaver through the real decider, with the force’s policy', () => {
      const create = jest.mocked(deciderModule.createExitDecider);
      create.mockClear();
      plan(csv(BASE));
      expect(create).toHaveBeenCalledWith({ policy: DEFAULT_EXIT_POLICY, calendar: OPTIONS.calendar });
    });

    it('the demo fixture file is a valid import of leavers over the last four quarters, one of them retained', () => {
      const text = readFileSync(join(__dirname, '../../../../../infra/demo/leavers.csv'), 'utf8');
      const leavers = plan(text);
      expect(leavers.length).toBeGreaterThanOrEqual(10);
      const notices = leavers.map(notifyOf);
      expect(new Set(notices.map((n) => n.data.reason)).size).toBeGreaterThanOrEqual(5);
      expect(new Set(notices.map((n) => n.data.person.employmentType)).size).toBeGreaterThanOrEqual(4);
      expect(notices.every((n) => n.data.leavingDate < '2026-11-01')).toBe(true);
      expect(leavers.filter((l) => l.commands.some((c) => c.type === 'WithdrawResignation'))).toHaveLength(1);
      expect(leavers.filter((l) => l.commands.some((c) => c.type === 'RecordExitInterview')).length).toBeGreaterThanOrEqual(3);
      expect(leavers.filter((l) => l.commands.some((c) => c.type === 'RecordExitDrivers')).length).toBeGreaterThanOrEqual(5);
      expect(notices.filter((n) => Object.keys(n.data.demographics).length === 0).length).toBeGreaterThanOrEqual(1);
      expect(leavers.every((l) => l.commands.every((c) => c.now.getTime() < Date.parse('2026-11-01T00:00:00Z')))).toBe(true);
    });
  });

  describe('re-importing', () => {
    it('the same file plans the same ids and times whenever it is imported', () => {
      const text = csv(FULL, { leaver_ref: 'LV-2', interview: 'declined', retained: 'true' }, { leaver_ref: 'LV-3', reason: 'other' });
      expect(plan(text, { now: new Date('2027-02-01T00:00:00.000Z') })).toEqual(plan(text));
    });

    it('another force importing the same refs gets different ids', () => {
      const [ours] = plan(csv(FULL));
      const [theirs] = plan(csv(FULL), { forceId: 'force-b' });
      expect(theirs?.exitId).not.toBe(ours?.exitId);
      expect(theirs?.commands.map((c) => c.commandId)).not.toEqual(ours?.commands.map((c) => c.commandId));
    });
  });

  describe('errors, every one with its line', () => {
    it('reports every bad row and every bad cell, not just the first', () => {
      const errors = errorsOf(
        csv(
          BASE,
          { leaver_ref: 'bad-1', name: '', employment_type: 'sergeant' },
          { leaver_ref: 'LV-3' },
          { leaver_ref: 'bad-2', start_date: '07/09/2015', reason: 'moved_on', sex: 'f', interview: 'maybe', retained: 'perhaps' },
        ),
      );
      expect(errors).toEqual([
        { line: 3, column: 'name', message: 'name is required' },
        {
          line: 3,
          column: 'employment_type',
          message: 'employment_type "sergeant" is not allowed; one of: police_officer, police_staff, pcso, special_constable, volunteer',
        },
        { line: 5, column: 'start_date', message: 'start_date "07/09/2015" is not a date: use YYYY-MM-DD, such as 2026-03-27' },
        {
          line: 5,
          column: 'reason',
          message: 'reason "moved_on" is not allowed; one of: retirement, transfer_out, resignation, ill_health_retirement, dismissal, other',
        },
        { line: 5, column: 'sex', message: 'sex "f" is not allowed; one of: female, male, prefer_not_to_say' },
        { line: 5, column: 'interview', message: 'interview "maybe" is not allowed; one of: held, declined, none' },
        { line: 5, column: 'retained', message: 'retained "perhaps" is not allowed; one of: true, false, yes, no' },
      ]);
    });

    it('returns how many rows it read', () => {
      expect(planLeaverImport(csv(BASE, { leaver_ref: 'LV-2', reason: 'x' }), OPTIONS)).toMatchObject({ ok: false, rowsRead: 2 });
    });

    it('each demographic lists its allowed values', () => {
      const errors = errorsOf(csv({ age_band: '30-39', ethnicity: 'british', disability: 'yes' }));
      expect(errors).toEqual([
        { line: 2, column: 'age_band', message: 'age_band "30-39" is not allowed; one of: 16-24, 25-34, 35-44, 45-54, 55+, prefer_not_to_say' },
        { line: 2, column: 'ethnicity', message: 'ethnicity "british" is not allowed; one of: asian, black, mixed, white, other, prefer_not_to_say' },
        { line: 2, column: 'disability', message: 'disability "yes" is not allowed; one of: disabled, not_disabled, prefer_not_to_say' },
      ]);
    });

    it('a leaver_ref used twice is an error on the later row', () => {
      const errors = errorsOf(csv(BASE, { leaver_ref: 'LV-2' }, { person_id: 'PC9' }));
      expect(errors).toEqual([{ line: 4, column: 'leaver_ref', message: 'leaver_ref "LV-1" is already used on line 2' }]);
    });

    it('dates must run start_date ≤ notified_at ≤ leaving_date, and be real dates', () => {
      const errors = errorsOf(
        csv(
          { start_date: '2026-04-01' },
          { leaver_ref: 'LV-2', notified_at: '2026-03-28T09:00' },
          { leaver_ref: 'LV-3', start_date: '2026-03-10', notified_at: '2026-03-09' },
          { leaver_ref: 'LV-4', leaving_date: '2026-02-30', notified_at: '27/02/2026' },
          { leaver_ref: 'LV-5', start_date: '', leaving_date: '' },
        ),
      );
      expect(errors).toEqual([
        { line: 2, column: 'leaving_date', message: 'leaving_date "2026-03-27" is before start_date "2026-04-01"' },
        { line: 3, column: 'notified_at', message: 'notified_at "2026-03-28T09:00" is after leaving_date "2026-03-27"' },
        { line: 4, column: 'notified_at', message: 'notified_at "2026-03-09" is before start_date "2026-03-10"' },
        { line: 5, column: 'leaving_date', message: 'leaving_date "2026-02-30" is not a date: use YYYY-MM-DD, such as 2026-03-27' },
        { line: 5, column: 'notified_at', message: expect.stringMatching(/^notified_at "27\/02\/2026" is not a date: use YYYY-MM-DD/) },
        { line: 6, column: 'start_date', message: 'start_date is required' },
        { line: 6, column: 'leaving_date', message: 'leaving_date is required' },
      ]);
    });

    it('neither the leaving date nor the notice may be in the future', () => {
      const errors = errorsOf(
        csv(
          { leaving_date: '2026-11-03' },
          { leaver_ref: 'LV-2', leaving_date: '2026-11-02', notified_at: '2026-11-02T12:00:01Z' },
          { leaver_ref: 'LV-3', leaving_date: '2026-11-02', notified_at: '2026-11-02T12:00Z' }, // exactly now: fine
        ),
      );
      expect(errors).toEqual([
        { line: 2, column: 'leaving_date', message: 'leaving_date "2026-11-03" is in the future' },
        { line: 3, column: 'notified_at', message: 'notified_at "2026-11-02T12:00:01Z" is in the future' },
      ]);
    });

    it('drivers must come from the force’s taxonomy, each once', () => {
      const errors = errorsOf(
        csv({ drivers: 'pay;money;workload' }, { leaver_ref: 'LV-2', drivers: 'pay; pay' }, { leaver_ref: 'LV-3', drivers: ' ; ' }),
      );
      expect(errors).toEqual([
        { line: 2, column: 'drivers', message: `drivers "money" is not allowed; one of: ${DRIVERS}` },
        { line: 3, column: 'drivers', message: 'drivers lists "pay" more than once' },
        { line: 4, column: 'drivers', message: 'drivers has no codes: separate codes with ";", such as workload;pay' },
      ]);
      const policy = { ...DEFAULT_EXIT_POLICY, drivers: ['shift_pattern', 'pay'] };
      expect(plan(csv({ drivers: 'shift_pattern' }), { policy })).toHaveLength(1);
      expect(errorsOf(csv({ drivers: 'workload' }), { policy })).toEqual([
        { line: 2, column: 'drivers', message: 'drivers "workload" is not allowed; one of: shift_pattern, pay' },
      ]);
    });

    it('retained is only for a resignation', () => {
      const errors = errorsOf(csv({ reason: 'retirement', retained: 'true' }, { leaver_ref: 'LV-2', reason: 'dismissal', retained: 'false' }));
      expect(errors).toEqual([
        {
          line: 2,
          column: 'retained',
          message: 'retained is only for reason resignation (a withdrawn resignation); this leaver\'s reason is retirement',
        },
      ]);
    });

    it('an interview held needs its interviewer, and an interviewer needs an interview held', () => {
      const errors = errorsOf(
        csv({ interview: 'held' }, { leaver_ref: 'LV-2', interview: 'declined', interviewer_id: 'u-int' }, { leaver_ref: 'LV-3', interviewer_id: 'u-int' }),
      );
      expect(errors).toEqual([
        { line: 2, column: 'interviewer_id', message: 'interviewer_id is required with interview held: who held the exit interview' },
        { line: 3, column: 'interviewer_id', message: 'interviewer_id is only for an exit interview that was held (interview held)' },
        { line: 4, column: 'interviewer_id', message: 'interviewer_id is only for an exit interview that was held (interview held)' },
      ]);
    });

    it('a rule of the decider the row would break is reported from the dry run, in the column it is about', () => {
      // Notice given on the leaving date leaves no day before it for an interview or a withdrawal.
      const errors = errorsOf(
        csv(
          BASE,
          { leaver_ref: 'LV-2', notified_at: '2026-03-27T09:00', interview: 'held', interviewer_id: 'u-int' },
          { leaver_ref: 'LV-3', notified_at: '2026-03-27T09:00', retained: 'true' },
          { leaver_ref: 'LV-4', notified_at: '2026-03-27T09:00', interview: 'declined' },
        ),
      );
      expect(errors).toEqual([
        { line: 3, column: 'interview', message: 'An exit interview is held before the leaving date (2026-03-27)' },
        { line: 4, column: 'retained', message: 'The leaving date (2026-03-27) has been reached' },
      ]);
    });

    it('a field named by the decider maps to its CSV column', () => {
      const actual = jest.requireActual<typeof deciderModule>('../../domain/exit/decider');
      // Stands in for a rule the CSV checks do not repeat, e.g. a force's stricter decider.
      const STEP: Partial<Record<ExitCommand['type'], string>> = { NotifyLeaving: 'notify', RecordExitDrivers: 'drivers', RecordLeft: 'left' };
      const strict = (type: ExitCommand['type'], field: string) => (deps: deciderModule.ExitDeciderDeps) => {
        const real = actual.createExitDecider(deps);
        return {
          ...real,
          decide: (command: ExitCommand, state: Parameters<typeof real.decide>[1]) => {
            if (command.commandId === id('LV-2', STEP[type] ?? '')) {
              throw new DomainError('EXIT.FIELD_REQUIRED', `${field} is not acceptable`, 'invalid', field);
            }
            return real.decide(command, state);
          },
        };
      };
      const create = jest.mocked(deciderModule.createExitDecider);
      const text = csv(BASE, { ...FULL, leaver_ref: 'LV-2' });

      const cases: [ExitCommand['type'], string, string][] = [
        ['NotifyLeaving', 'person.name', 'name'],
        ['NotifyLeaving', 'demographics.sex', 'sex'],
        ['NotifyLeaving', 'person.startDate', 'start_date'],
        ['RecordExitDrivers', 'codes.1', 'drivers'],
        ['RecordLeft', 'leavingDate', 'leaving_date'],
        ['RecordLeft', 'somethingNew', 'leaving_date'],
      ];
      for (const [type, field, column] of cases) {
        create.mockImplementationOnce(strict(type, field));
        expect(errorsOf(text)).toEqual([{ line: 3, column, message: `${field} is not acceptable` }]);
      }
    });

    it('an unknown header is named, and rows are not checked against a header that is wrong', () => {
      const text = csv({ name: '' }).replace('interviewer_id', 'interviewer').replace('\n', ',notes\n');
      expect(errorsOf(text)).toEqual([
        { line: 1, column: 'interviewer', message: expect.stringMatching(/^Unknown column "interviewer"; the columns are: leaver_ref, person_id, /) },
        { line: 1, column: 'notes', message: expect.stringMatching(/^Unknown column "notes"/) },
      ]);
    });

    it('missing required headers, and repeated or blank ones, are named', () => {
      expect(errorsOf('leaver_ref,person_id,name,employment_type,department,start_date\nL-1\n')).toEqual([
        { line: 1, column: 'leaving_date', message: 'Missing required column "leaving_date"' },
        { line: 1, column: 'reason', message: 'Missing required column "reason"' },
      ]);
      expect(errorsOf(csv(BASE).replace('\n', ',name,\n'))).toEqual([
        { line: 1, column: 'name', message: 'Column "name" appears more than once' },
        { line: 1, message: 'Header cell 20 is blank; every column needs a name' },
      ]);
    });

    it('an empty file, or one with a header and no rows, imports nothing', () => {
      for (const text of ['', '\n\n', '\uFEFF']) {
        expect(errorsOf(text)).toEqual([{ line: 1, message: 'The file is empty: expected a header row and a row per leaver' }]);
      }
      expect(planLeaverImport(HEADER.join(',') + '\n', OPTIONS)).toEqual({
        ok: false,
        rowsRead: 0,
        errors: [{ line: 1, message: 'The file has a header but no leavers' }],
      });
    });

    it('rows with the wrong number of cells keep physical line numbers, past quoted line breaks', () => {
      const header = REQUIRED_LEAVER_IMPORT_COLUMNS.join(',');
      const text = [
        header,
        'L-1,PC1,Jo Bloggs,police_officer,"Response,',
        'North",2015-01-01,2026-01-30,resignation',
        'L-2,PC2,Al Smith,police_officer,Response,2015-01-01,2026-01-30,resignation,extra',
        'L-3,PC3,Kim Lee,police_officer,Response,2015-01-01,2026-01-30,quit',
      ].join('\r\n');
      expect(planLeaverImport(text, OPTIONS)).toEqual({
        ok: false,
        rowsRead: 3,
        errors: [
          { line: 4, message: 'The row has 9 cells but the header has 8' },
          { line: 5, column: 'reason', message: expect.stringMatching(/^reason "quit" is not allowed/) },
        ],
      });
      const [leaver] = plan(text.split('\r\n').slice(0, 3).join('\n'));
      expect(notifyOf(leaver).data.person.department).toBe('Response,\nNorth');
    });

    it('refuses more rows than maxRows, naming the first one over', () => {
      const text = csv(BASE, { leaver_ref: 'LV-2' }, { leaver_ref: 'LV-3' });
      expect(errorsOf(text, { maxRows: 2 })).toEqual([
        { line: 4, message: 'The file has 3 leavers; at most 2 can be imported at once, so split it' },
      ]);
      expect(plan(text, { maxRows: 3 })).toHaveLength(3);
      expect(() => planLeaverImport(text, { ...OPTIONS, maxRows: 0 })).toThrow(RangeError);
    });
  });
});
