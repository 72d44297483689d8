import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deterministicId } from '@casework/core/ids';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import { DEFAULT_REFERRAL_POLICY } from '../../domain/deadline-policy';
import {
  OPTIONAL_IMPORT_COLUMNS,
  planReferralImport,
  REQUIRED_IMPORT_COLUMNS,
  type ImportRowError,
  type PlannedReferral,
  type ReferralImportOptions,
} from './referral-csv';
import { ReferralImporter, ReferralImportError } from './referral-importer';

const FORCE = 'force-a';
const ACTOR = { userId: 'u-importer', role: 'oh_admin' };
const NOW = new Date('2026-06-01T12:00:00.000Z');
const OPTIONS: ReferralImportOptions = {
  forceId: FORCE,
  actor: ACTOR,
  now: NOW,
  policy: DEFAULT_REFERRAL_POLICY,
  calendar: new LondonWorkingCalendar({ holidays: [] }),
};

const HEADER = [...REQUIRED_IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS];
type Row = Partial<Record<(typeof HEADER)[number], string>>;

/** A referral that is fine as it stands: only submitted. */
const BASE: Row = {
  referral_ref: 'R-1',
  submitted_at: '2026-03-02',
  subject_id: 'PC1234',
  subject_name: 'Jo Bloggs',
  employment_type: 'police_officer',
  department: 'Response',
  source: 'management',
  category: 'mental_health',
  urgency: 'routine',
  reason: 'Low mood after a fatal collision',
};

const TRIAGED: Row = { triaged_at: '2026-03-03T10:00', priority: 'medium', advisor_id: 'u-advisor' };
const CONSENTED: Row = { ...TRIAGED, consent_at: '2026-03-04', consent_given: 'yes' };

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV with the full header and one line per row, each row laid over BASE. */
function csv(...rows: Row[]): string {
  const line = (row: Row) => HEADER.map((c) => quote({ ...BASE, ...row }[c] ?? '')).join(',');
  return [HEADER.join(','), ...rows.map(line)].join('\n') + '\n';
}

function plan(text: string, options: Partial<ReferralImportOptions> = {}): PlannedReferral[] {
  const result = planReferralImport(text, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(`Expected a plan, got errors:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.rows;
}

function errorsOf(text: string, options: Partial<ReferralImportOptions> = {}): ImportRowError[] {
  const result = planReferralImport(text, { ...OPTIONS, ...options });
  if (result.ok) throw new Error('Expected errors, got a plan');
  return result.errors;
}

const id = (...parts: string[]) => deterministicId('import', FORCE, ...parts);

describe('planning a referral import from CSV', () => {
  describe('a valid file', () => {
    it('becomes each referral’s commands, back-dated to each stage’s own time, with ids from the force and ref', () => {
      const rows = plan(
        csv(
          { ...CONSENTED, closed_at: '2026-03-20T15:30:00Z', close_reason: 'no_further_action', close_note: 'Resolved' },
          { referral_ref: 'R-2', submitted_at: '2026-05-05', urgency: 'urgent', source: 'trim', role: 'Detective' },
        ),
      );

      expect(rows.map((r) => [r.line, r.referralRef, r.referralId])).toEqual([
        [2, 'R-1', id('R-1')],
        [3, 'R-2', id('R-2')],
      ]);
      const [first, second] = rows as [PlannedReferral, PlannedReferral];
      expect(first.commands.map((c) => [c.type, c.commandId, c.now.toISOString()])).toEqual([
        // A date alone is 09:00 in London: GMT in March…
        ['SubmitReferral', id('R-1', 'submit'), '2026-03-02T09:00:00.000Z'],
        ['TriageReferral', id('R-1', 'triage'), '2026-03-03T10:00:00.000Z'],
        ['RecordConsent', id('R-1', 'consent'), '2026-03-04T09:00:00.000Z'],
        ['CloseReferral', id('R-1', 'close'), '2026-03-20T15:30:00.000Z'],
      ]);
      expect(first.commands.every((c) => c.actor.userId === ACTOR.userId && c.actor.role === ACTOR.role)).toBe(true);
      expect(first.commands[0]).toEqual({
        type: 'SubmitReferral',
        commandId: id('R-1', 'submit'),
        now: new Date('2026-03-02T09:00:00.000Z'),
        actor: ACTOR,
        data: {
          referralId: id('R-1'),
          subjectId: 'PC1234',
          subjectName: 'Jo Bloggs',
          employmentType: 'police_officer',
          department: 'Response',
          role: null,
          source: 'management',
          category: 'mental_health',
          urgency: 'routine',
          reason: 'Low mood after a fatal collision',
          referredBy: null,
          lineManagerId: null,
          linkedCaseId: null,
        },
      });
      expect(first.commands.slice(1).map((c) => c.data)).toEqual([
        { priority: 'medium', advisorId: 'u-advisor' },
        { consentGiven: true },
        { reason: 'no_further_action', note: 'Resolved' },
      ]);
      // …and BST in May.
      expect(second.commands.map((c) => [c.type, c.now.toISOString()])).toEqual([
        ['SubmitReferral', '2026-05-05T08:00:00.000Z'],
      ]);
      expect(second.commands[0]?.data).toMatchObject({ urgency: 'urgent', source: 'trim', role: 'Detective' });
    });

    it('needs only the required columns, in any order, and skips blank lines', () => {
      const text = [
        'urgency,reason,category,source,department,employment_type,subject_name,subject_id,submitted_at,referral_ref',
        '',
        'routine,Back pain,physical_health,self,Contact Centre,police_staff,Kim Lee,ST0551,2026-01-12,R-9',
        ',,,,,,,,,',
        '',
      ].join('\r\n');
      const rows = plan(text);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ line: 3, referralRef: 'R-9' });
    });

    it('a cancellation is submitted then cancelled', () => {
      const [row] = plan(csv({ cancelled_at: '2026-03-05', cancel_reason: 'Duplicate of R-0' }));
      expect(row?.commands.map((c) => [c.type, c.commandId, c.data])).toEqual([
        ['SubmitReferral', id('R-1', 'submit'), expect.anything()],
        ['CancelReferral', id('R-1', 'cancel'), { reason: 'Duplicate of R-0' }],
      ]);
    });

    it('a refusal of consent closes the referral by itself: the row may restate that closure but adds no command', () => {
      const refusal = { ...TRIAGED, consent_at: '2026-03-04', consent_given: 'FALSE' };
      for (const row of [refusal, { ...refusal, closed_at: '2026-03-04', close_reason: 'consent_refused' }]) {
        const [planned] = plan(csv(row));
        expect(planned?.commands.map((c) => c.type)).toEqual(['SubmitReferral', 'TriageReferral', 'RecordConsent']);
        expect(planned?.commands[2]?.data).toEqual({ consentGiven: false });
      }
    });

    it('the sample fixture file is a valid import', () => {
      const text = readFileSync(join(__dirname, '../../../../../infra/demo/referrals.csv'), 'utf8');
      const rows = plan(text);
      expect(rows).toHaveLength(6);
      expect(rows.map((r) => r.commands.at(-1)?.type)).toEqual([
        'RecordConsent',
        'RecordConsent',
        'SubmitReferral',
        'CloseReferral',
        'CancelReferral',
        'RecordConsent',
      ]);
    });
  });

  describe('re-importing', () => {
    it('the same file plans the same ids and times, so the pipeline appends nothing new', () => {
      const text = csv(CONSENTED, { referral_ref: 'R-2' });
      const later = new Date('2026-09-01T00:00:00.000Z');
      expect(plan(text, { now: later })).toEqual(plan(text));
    });

    it('another force importing the same refs gets different ids', () => {
      const text = csv(BASE);
      const [ours] = plan(text);
      const [theirs] = plan(text, { forceId: 'force-b' });
      expect(theirs?.referralId).not.toBe(ours?.referralId);
      expect(theirs?.commands[0]?.commandId).not.toBe(ours?.commands[0]?.commandId);
    });
  });

  describe('errors, every one with its line', () => {
    it('reports every bad row and every bad cell, not just the first', () => {
      const errors = errorsOf(
        csv(
          { referral_ref: 'ok-1' },
          { referral_ref: 'bad-1', subject_name: '', urgency: 'soon' },
          { referral_ref: 'ok-2' },
          { referral_ref: 'bad-2', submitted_at: '02/03/2026', employment_type: 'detective', consent_given: 'maybe' },
        ),
      );
      expect(errors).toEqual([
        { line: 3, column: 'subject_name', message: 'subject_name is required' },
        { line: 3, column: 'urgency', message: 'urgency "soon" is not allowed; one of: routine, urgent' },
        {
          line: 5,
          column: 'employment_type',
          message:
            'employment_type "detective" is not allowed; one of: police_officer, police_staff, pcso, special_constable, volunteer',
        },
        {
          line: 5,
          column: 'submitted_at',
          message:
            'submitted_at "02/03/2026" is not a date: use YYYY-MM-DD or an ISO date-time such as 2026-03-02T14:30 or 2026-03-02T14:30:00Z',
        },
        { line: 5, column: 'consent_given', message: 'consent_given "maybe" is not allowed; one of: true, false, yes, no' },
        { line: 5, column: 'consent_at', message: 'consent_at is required with consent_given (give consent_at, consent_given together)' },
      ]);
    });

    it('returns how many rows it read', () => {
      const result = planReferralImport(csv(BASE, { referral_ref: 'R-2', source: 'x' }), OPTIONS);
      expect(result).toMatchObject({ ok: false, rowsRead: 2 });
    });

    it('lists the allowed values of every vocabulary', () => {
      const errors = errorsOf(
        csv({ source: 'gp', category: 'both', ...TRIAGED, priority: 'p1', closed_at: '2026-03-05', close_reason: 'done' }),
      );
      expect(errors.map((e) => [e.column, e.message])).toEqual([
        ['source', 'source "gp" is not allowed; one of: management, self, trim, welfare_liaison, hr'],
        ['category', 'category "both" is not allowed; one of: mental_health, physical_health'],
        ['priority', 'priority "p1" is not allowed; one of: high, medium, low'],
        [
          'close_reason',
          'close_reason "done" is not allowed; one of: completed, consent_refused, did_not_attend, no_further_action, other',
        ],
      ]);
    });

    it('an unknown header is named, and rows are not checked against a header that is wrong', () => {
      const text = csv(BASE).replace('triaged_at', 'triage_date').replace('\n', ',notes\n');
      expect(errorsOf(text)).toEqual([
        { line: 1, column: 'triage_date', message: expect.stringMatching(/^Unknown column "triage_date"; the columns are: referral_ref, /) },
        { line: 1, column: 'notes', message: expect.stringMatching(/^Unknown column "notes"/) },
      ]);
    });

    it('a missing required header is named', () => {
      const text = 'referral_ref,submitted_at,subject_id,employment_type,department,source,category,reason\nR-1\n';
      expect(errorsOf(text)).toEqual([
        { line: 1, column: 'subject_name', message: 'Missing required column "subject_name"' },
        { line: 1, column: 'urgency', message: 'Missing required column "urgency"' },
      ]);
    });

    it('a repeated or blank header cell is an error', () => {
      const text = csv(BASE).replace('\n', ',reason,\n');
      expect(errorsOf(text)).toEqual([
        { line: 1, column: 'reason', message: 'Column "reason" appears more than once' },
        { line: 1, message: 'Header cell 25 is blank; every column needs a name' },
      ]);
    });

    it('a referral_ref used twice is an error on the second line (and any later one)', () => {
      const errors = errorsOf(csv(BASE, { referral_ref: 'R-2' }, BASE, { referral_ref: '' }, BASE));
      expect(errors).toEqual([
        { line: 4, column: 'referral_ref', message: 'referral_ref "R-1" is already used on line 2' },
        { line: 5, column: 'referral_ref', message: 'referral_ref is required' },
        { line: 6, column: 'referral_ref', message: 'referral_ref "R-1" is already used on line 2' },
      ]);
    });

    it('dates must run submitted ≤ triaged ≤ consent ≤ closed or cancelled', () => {
      const errors = errorsOf(
        csv(
          { ...TRIAGED, triaged_at: '2026-03-01' },
          { referral_ref: 'R-2', ...CONSENTED, consent_at: '2026-03-03T09:59' },
          { referral_ref: 'R-3', ...TRIAGED, cancelled_at: '2026-03-02T08:00', cancel_reason: 'Error' },
          // Same instant is in order.
          { referral_ref: 'R-4', submitted_at: '2026-03-02T09:00:00Z', triaged_at: '2026-03-02', priority: 'low', advisor_id: 'a' },
        ),
      );
      const order = 'dates must run submitted_at ≤ triaged_at ≤ consent_at ≤ closed_at or cancelled_at';
      expect(errors).toEqual([
        { line: 2, column: 'triaged_at', message: `triaged_at "2026-03-01" is before submitted_at "2026-03-02"; ${order}` },
        { line: 3, column: 'consent_at', message: `consent_at "2026-03-03T09:59" is before triaged_at "2026-03-03T10:00"; ${order}` },
        { line: 4, column: 'cancelled_at', message: `cancelled_at "2026-03-02T08:00" is before triaged_at "2026-03-03T10:00"; ${order}` },
      ]);
    });

    it('no date may be after now', () => {
      const errors = errorsOf(
        csv({ submitted_at: '2026-06-01T12:00:01Z' }, { referral_ref: 'R-2', cancelled_at: '2026-06-02', cancel_reason: 'x' }),
      );
      expect(errors).toEqual([
        { line: 2, column: 'submitted_at', message: 'submitted_at "2026-06-01T12:00:01Z" is in the future' },
        { line: 3, column: 'cancelled_at', message: 'cancelled_at "2026-06-02" is in the future' },
      ]);
    });

    it('impossible dates and non-ISO forms are not dates', () => {
      const errors = errorsOf(
        csv({ submitted_at: '2026-02-30' }, { referral_ref: 'R-2', submitted_at: '2026-W10-1' }, { referral_ref: 'R-3', submitted_at: '2026-03-02 10:00' }),
      );
      expect(errors.map((e) => [e.line, e.column])).toEqual([
        [2, 'submitted_at'],
        [3, 'submitted_at'],
        [4, 'submitted_at'],
      ]);
    });

    it('a date-time with an offset is taken as written', () => {
      const [row] = plan(csv({ submitted_at: '2026-05-05T10:00:00+02:00' }));
      expect(row?.commands[0]?.now.toISOString()).toBe('2026-05-05T08:00:00.000Z');
    });

    it('stage columns go together', () => {
      const errors = errorsOf(
        csv(
          { triaged_at: '2026-03-03', advisor_id: 'u-advisor' },
          { referral_ref: 'R-2', closed_at: '2026-03-05' },
          { referral_ref: 'R-3', cancel_reason: 'Mistake' },
          { referral_ref: 'R-4', close_note: 'Why' },
          { referral_ref: 'R-5', ...TRIAGED, closed_at: '2026-03-05', close_reason: 'other', close_note: 'n', cancelled_at: '2026-03-05', cancel_reason: 'x' },
        ),
      );
      expect(errors).toEqual([
        { line: 2, column: 'priority', message: 'priority is required with triaged_at and advisor_id (give triaged_at, priority, advisor_id together)' },
        { line: 3, column: 'close_reason', message: 'close_reason is required with closed_at (give closed_at, close_reason together)' },
        { line: 4, column: 'cancelled_at', message: 'cancelled_at is required with cancel_reason (give cancelled_at, cancel_reason together)' },
        { line: 5, column: 'close_note', message: 'close_note is only for a closed referral (with closed_at and close_reason)' },
        { line: 6, column: 'cancelled_at', message: 'A referral is either closed or cancelled, not both' },
      ]);
    });

    it('a refusal of consent cannot also be closed another way, and consent_refused needs the refusal', () => {
      const refusal = { ...TRIAGED, consent_at: '2026-03-04', consent_given: 'no' };
      const errors = errorsOf(
        csv(
          { ...refusal, closed_at: '2026-03-06', close_reason: 'other', close_note: 'Declined' },
          { referral_ref: 'R-2', ...CONSENTED, closed_at: '2026-03-06', close_reason: 'consent_refused' },
        ),
      );
      const why = 'consent_given is false, which closes the referral as consent_refused at consent_at';
      expect(errors).toEqual([
        { line: 2, column: 'close_reason', message: `close_reason must be blank or consent_refused: ${why}` },
        { line: 2, column: 'closed_at', message: `closed_at must be blank or the same as consent_at: ${why}` },
        { line: 2, column: 'close_note', message: `close_note must be blank: ${why}, without a note` },
        {
          line: 3,
          column: 'close_reason',
          message: 'consent_refused is recorded as consent_given false (with consent_at), which closes the referral',
        },
      ]);
    });

    it('a rule of the workflow the row would break is reported on its row, from a dry run of the decider', () => {
      const errors = errorsOf(
        csv(
          { ...CONSENTED, closed_at: '2026-03-06', close_reason: 'completed' },
          { referral_ref: 'R-2', closed_at: '2026-03-06', close_reason: 'other' },
          { referral_ref: 'R-3', consent_at: '2026-03-04', consent_given: 'true' },
          { referral_ref: 'R-4', ...TRIAGED, advisor_id: 'u-advisor' },
          { referral_ref: 'R-5', reason: 'ok', closed_at: '2026-03-06', close_reason: 'did_not_attend', close_note: 'DNA x2' },
        ),
      );
      expect(errors).toEqual([
        { line: 2, column: 'close_reason', message: 'Not completed before the report is released or withheld' },
        { line: 3, column: 'close_note', message: 'Say why the referral is closed' },
        { line: 4, message: 'The referral has not been triaged yet' },
        { line: 6, column: 'close_reason', message: 'Record did_not_attend through consent or attendance' },
      ]);
    });

    it('an empty file, or one with a header and no rows, imports nothing', () => {
      for (const text of ['', '\n\n', '\uFEFF']) {
        expect(errorsOf(text)).toEqual([
          { line: 1, message: 'The file is empty: expected a header row and a row per referral' },
        ]);
      }
      expect(planReferralImport(HEADER.join(',') + '\n', OPTIONS)).toEqual({
        ok: false,
        rowsRead: 0,
        errors: [{ line: 1, message: 'The file has a header but no referrals' }],
      });
    });

    it('quoted cells may hold commas, quotes and line breaks; later lines keep their physical numbers', () => {
      const text = [
        'referral_ref,submitted_at,subject_id,subject_name,employment_type,department,source,category,urgency,reason',
        'R-1,2026-03-02,PC1,"Bloggs, Jo",police_officer,Response,management,mental_health,routine,"Said ""I can\'t sleep"",',
        'then, after a week,',
        'asked for help"',
        'R-2,2026-03-02,PC2,Ann Lee,police_officer,Response,management,mental_health,sometimes,Stress',
        'R-3,2026-03-02,PC3,"Multi\r\nline\r\nname",police_officer,"",management,mental_health,routine,Stress',
        'R-4,2026-03-02,PC4,Sam Cole,police_officer,Response,management,mental_health,routine,Stress,extra',
      ].join('\r\n');
      const result = planReferralImport(text, OPTIONS);
      expect(result).toEqual({
        ok: false,
        rowsRead: 4,
        errors: [
          { line: 5, column: 'urgency', message: 'urgency "sometimes" is not allowed; one of: routine, urgent' },
          { line: 6, column: 'department', message: 'department is required' },
          { line: 9, message: 'The row has 11 cells but the header has 10' },
        ],
      });

      const [row] = plan(text.split('\r\n').slice(0, 4).join('\n'));
      expect(row?.commands[0]?.data).toMatchObject({
        subjectName: 'Bloggs, Jo',
        reason: 'Said "I can\'t sleep",\nthen, after a week,\nasked for help',
      });
    });

    it('CSV syntax errors are reported with their line, alongside the rows that did parse', () => {
      const header = HEADER.slice(0, 10).join(',');
      const good = (ref: string) => `${ref},2026-03-02,PC1,Jo,police_officer,Response,management,mental_health,routine,Stress`;
      const text = [header, good('R-1'), good('R-2').replace('routine', 'rout"ine"x'), good('R-3'), `R-4,2026-03-02,PC1,"Jo,`, good('R-5')].join('\n');
      const errors = errorsOf(text);
      expect(errors).toEqual([
        { line: 3, message: expect.stringMatching(/^CSV syntax: Invalid Opening Quote: a quote is found on field 8 at line 3/) },
        { line: 5, message: 'CSV syntax: a quoted cell opened on or after line 5 is never closed' },
      ]);
    });

    it('refuses more rows than maxRows, naming the first one over', () => {
      const text = csv(BASE, { referral_ref: 'R-2' }, { referral_ref: 'R-3' });
      expect(errorsOf(text, { maxRows: 2 })).toEqual([
        { line: 4, message: 'The file has 3 referrals; at most 2 can be imported at once, so split it' },
      ]);
      expect(plan(text, { maxRows: 3 })).toHaveLength(3);
    });
  });
});

describe('running a planned import', () => {
  const RUN = { forceId: FORCE, actor: ACTOR, correlationId: 'corr-1' };
  const rows = plan(
    csv(
      CONSENTED,
      ...Array.from({ length: 11 }, (_, i) => ({ referral_ref: `R-${i + 2}`, ...TRIAGED })),
      { referral_ref: 'R-13', cancelled_at: '2026-03-03', cancel_reason: 'Duplicate' },
    ),
  );
  const total = rows.reduce((n, r) => n + r.commands.length, 0);

  it('runs each referral’s commands in order, a few referrals at a time, with the command’s own id and time', async () => {
    const calls: { referralId: string; commandId: string; context: unknown }[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const importer = new ReferralImporter(async (referralId, command, context) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      calls.push({ referralId, commandId: command.commandId, context });
      inFlight--;
    });

    await expect(importer.run(rows, RUN)).resolves.toEqual({ referrals: 13, commands: total });
    expect(mostInFlight).toBe(8);
    for (const row of rows) {
      expect(calls.filter((c) => c.referralId === row.referralId).map((c) => c.commandId)).toEqual(
        row.commands.map((c) => c.commandId),
      );
    }
    const triage = rows[0]?.commands[1];
    expect(calls.find((c) => c.commandId === triage?.commandId)?.context).toEqual({
      commandId: triage?.commandId,
      correlationId: 'corr-1',
      causationId: 'corr-1',
      actor: ACTOR,
      forceId: FORCE,
      occurredAt: new Date('2026-03-03T10:00:00.000Z'),
    });
  });

  it('stops starting referrals after a failure and says where it stopped', async () => {
    const failing = rows[2] as PlannedReferral;
    const started = new Set<string>();
    const importer = new ReferralImporter(async (referralId, command) => {
      started.add(referralId);
      await new Promise((resolve) => setImmediate(resolve));
      if (command.commandId === failing.commands[1]?.commandId) throw new Error('connection reset');
    });

    const run = importer.run(rows, { ...RUN, concurrency: 2 });
    await expect(run).rejects.toBeInstanceOf(ReferralImportError);
    await expect(run).rejects.toMatchObject({ line: failing.line, referralRef: failing.referralRef });
    expect(started.size).toBeLessThan(rows.length);
  });
});
