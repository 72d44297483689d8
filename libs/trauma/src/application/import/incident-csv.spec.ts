import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@casework/core/domain/domain-error';
import { deterministicId } from '@casework/core/ids';
import { LondonWorkingCalendar } from '@casework/core/time/working-calendar';
import type { IncidentCommand, RecordIncident } from '../../domain/incident/commands';
import * as deciderModule from '../../domain/incident/decider';
import { DEFAULT_ESTIP_POLICY } from '../../domain/incident/estip-policy';
import { DEFAULT_INCIDENT_TAXONOMY } from '../../domain/incident/incident-taxonomy';
import {
  IMPORTED_INCIDENT_CLOSE_REASON,
  OPTIONAL_INCIDENT_IMPORT_COLUMNS,
  planIncidentImport,
  REQUIRED_INCIDENT_IMPORT_COLUMNS,
  type ImportRowError,
  type IncidentImportOptions,
  type PlannedIncident,
} from './incident-csv';

// The real decider, wrapped so one test can stand in a rule the CSV checks cannot break.
jest.mock('../../domain/incident/decider', () => {
  const actual: typeof deciderModule = jest.requireActual('../../domain/incident/decider');
  return { ...actual, createIncidentDecider: jest.fn(actual.createIncidentDecider) };
});

const FORCE = 'force-a';
const ACTOR = { userId: 'u-importer', role: 'wellbeing_coordinator' };
const NOW = new Date('2026-06-01T12:00:00.000Z');
const OPTIONS: IncidentImportOptions = {
  forceId: FORCE,
  actor: ACTOR,
  now: NOW,
  estip: DEFAULT_ESTIP_POLICY,
  taxonomy: DEFAULT_INCIDENT_TAXONOMY,
  calendar: new LondonWorkingCalendar({ holidays: [] }),
};

const HEADER = [...REQUIRED_INCIDENT_IMPORT_COLUMNS, ...OPTIONAL_INCIDENT_IMPORT_COLUMNS];
type Row = Partial<Record<(typeof HEADER)[number], string>>;

/** One exposure to an incident that is fine as it stands. */
const BASE: Row = {
  incident_ref: 'INC-1',
  occurred_at: '2026-03-02T02:15',
  incident_type: 'fatal_road_collision',
  location: 'A61, Barnsley',
  department: 'Response North',
  summary: 'Fatal collision; first aid given at scene',
  person_id: 'PC1',
  person_name: 'Sarah Whitfield',
  person_department: 'Response North',
  exposure_role: 'first_responder',
};
const INC_2: Row = {
  incident_ref: 'INC-2',
  occurred_at: '2026-05-05T19:40:00',
  incident_type: 'death_of_child',
  location: 'Wath upon Dearne',
  department: 'Public Protection Unit',
  summary: 'Sudden infant death',
};

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV with the full header and one line per row, each row laid over BASE. */
function csv(...rows: Row[]): string {
  const line = (row: Row) => HEADER.map((c) => quote({ ...BASE, ...row }[c] ?? '')).join(',');
  return [HEADER.join(','), ...rows.map(line)].join('\n') + '\n';
}

function plan(text: string, options: Partial<IncidentImportOptions> = {}): PlannedIncident[] {
  const result = planIncidentImport(text, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(`Expected a plan, got errors:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.incidents;
}

function errorsOf(text: string, options: Partial<IncidentImportOptions> = {}): ImportRowError[] {
  const result = planIncidentImport(text, { ...OPTIONS, ...options });
  if (result.ok) throw new Error('Expected errors, got a plan');
  return result.errors;
}

const id = (...parts: string[]) => deterministicId('import', FORCE, ...parts);
const recordOf = (incident: PlannedIncident | undefined) => incident?.commands[0] as RecordIncident;
const CODES = DEFAULT_INCIDENT_TAXONOMY.map((t) => t.code).join(', ');

describe('planning an incident import from CSV', () => {
  describe('a valid file', () => {
    it('becomes one RecordIncident per incident with all its colleagues, back-dated and then closed', () => {
      const incidents = plan(
        csv(
          BASE,
          { person_id: 'PC2', person_name: 'Tom Ashworth', person_role: 'Response Officer' },
          { ...INC_2, person_id: 'DC9', person_name: 'Amir Hussain', person_department: 'PPU', exposure_role: 'investigator' },
          { person_id: 'S1', person_name: 'Helen Marsh', exposure_role: 'supervisor' },
        ),
      );

      expect(incidents.map((i) => [i.line, i.lines, i.incidentRef, i.incidentId])).toEqual([
        [2, [2, 3, 5], 'INC-1', id('INC-1')],
        [4, [4], 'INC-2', id('INC-2')],
      ]);
      const [first, second] = incidents as [PlannedIncident, PlannedIncident];
      // Without an offset, UK time: GMT in March…
      const occurredAt = new Date('2026-03-02T02:15:00.000Z');
      expect(first.commands).toEqual<IncidentCommand[]>([
        {
          type: 'RecordIncident',
          commandId: id('INC-1', 'record'),
          now: occurredAt,
          actor: ACTOR,
          data: {
            incidentId: id('INC-1'),
            type: 'fatal_road_collision',
            occurredAt,
            location: 'A61, Barnsley',
            department: 'Response North',
            summary: 'Fatal collision; first aid given at scene',
            recordedBy: null,
            exposedColleagues: [
              { personId: 'PC1', name: 'Sarah Whitfield', department: 'Response North', role: null, exposureRole: 'first_responder' },
              { personId: 'PC2', name: 'Tom Ashworth', department: 'Response North', role: 'Response Officer', exposureRole: 'first_responder' },
              { personId: 'S1', name: 'Helen Marsh', department: 'Response North', role: null, exposureRole: 'supervisor' },
            ],
          },
        },
        {
          type: 'CloseIncident',
          commandId: id('INC-1', 'close'),
          now: occurredAt,
          actor: ACTOR,
          data: { reason: IMPORTED_INCIDENT_CLOSE_REASON },
        },
      ]);
      // …and BST in May.
      expect(second.commands.map((c) => [c.type, c.commandId, c.now.toISOString()])).toEqual([
        ['RecordIncident', id('INC-2', 'record'), '2026-05-05T18:40:00.000Z'],
        ['CloseIncident', id('INC-2', 'close'), '2026-05-05T18:40:00.000Z'],
      ]);
      expect(recordOf(second).data.exposedColleagues).toEqual([
        { personId: 'DC9', name: 'Amir Hussain', department: 'PPU', role: null, exposureRole: 'investigator' },
      ]);
    });

    it('needs only the required columns, in any order, and skips blank lines', () => {
      const text = [
        'exposure_role,person_department,person_name,person_id,summary,department,location,incident_type,occurred_at,incident_ref',
        '',
        'witness,Contact Centre,Kim Lee,ST0551,Heard the call,Contact Centre,Force HQ,other,2026-01-12T10:00Z,I-9',
        ',,,,,,,,,',
        '',
      ].join('\r\n');
      const incidents = plan(text);
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ line: 3, lines: [3], incidentRef: 'I-9' });
      expect(incidents[0]?.commands.map((c) => c.type)).toEqual(['RecordIncident', 'CloseIncident']);
    });

    it('still_open keeps an incident open (no CloseIncident); blank or false closes it', () => {
      const incidents = plan(
        csv(
          { still_open: 'TRUE' },
          { person_id: 'PC2', still_open: 'yes' },
          { ...INC_2, still_open: 'false' },
          { ...INC_2, person_id: 'PC2', still_open: '' },
          { incident_ref: 'INC-3', still_open: 'No' },
        ),
      );
      expect(incidents.map((i) => [i.incidentRef, i.commands.map((c) => c.type)])).toEqual([
        ['INC-1', ['RecordIncident']],
        ['INC-2', ['RecordIncident', 'CloseIncident']],
        ['INC-3', ['RecordIncident', 'CloseIncident']],
      ]);
    });

    it('the same person may be exposed in several incidents', () => {
      const incidents = plan(csv(BASE, { ...INC_2 }));
      expect(incidents.map((i) => recordOf(i).data.exposedColleagues.map((c) => c.personId))).toEqual([['PC1'], ['PC1']]);
    });

    it('an incident’s rows need not be adjacent, and agree on occurred_at when it is the same instant', () => {
      const incidents = plan(
        csv(BASE, INC_2, { person_id: 'PC2', occurred_at: '2026-03-02T02:15:00Z' }, { person_id: 'PC3', occurred_at: '2026-03-02T02:15:00.000+00:00' }),
      );
      expect(incidents.map((i) => [i.incidentRef, i.lines])).toEqual([
        ['INC-1', [2, 4, 5]],
        ['INC-2', [3]],
      ]);
    });

    it('dry-runs every incident through the real decider', () => {
      const create = jest.mocked(deciderModule.createIncidentDecider);
      create.mockClear();
      plan(csv(BASE, INC_2));
      expect(create).toHaveBeenCalledWith({ policy: DEFAULT_ESTIP_POLICY, taxonomy: DEFAULT_INCIDENT_TAXONOMY, calendar: OPTIONS.calendar });
    });

    it('the demo fixture file is a valid import, with colleagues exposed more than once within 90 days', () => {
      const text = readFileSync(join(__dirname, '../../../../../infra/demo/incidents.csv'), 'utf8');
      const incidents = plan(text);
      expect(incidents.map((i) => [i.incidentRef, i.lines.length, i.commands.map((c) => c.type)])).toEqual([
        ['TI-2025-0007', 4, ['RecordIncident', 'CloseIncident']],
        ['TI-2025-0011', 5, ['RecordIncident', 'CloseIncident']],
        ['TI-2025-0019', 4, ['RecordIncident', 'CloseIncident']],
        ['TI-2025-0023', 2, ['RecordIncident', 'CloseIncident']],
      ]);
      const exposures = incidents.flatMap((i) => {
        const { occurredAt, exposedColleagues } = recordOf(i).data;
        return exposedColleagues.map((c) => ({ personId: c.personId, at: occurredAt.getTime() }));
      });
      const ninetyDays = 90 * 24 * 3600 * 1000;
      const repeated = new Set(
        exposures
          .filter((a) => exposures.some((b) => b !== a && b.personId === a.personId && Math.abs(b.at - a.at) <= ninetyDays))
          .map((e) => e.personId),
      );
      expect(repeated.size).toBeGreaterThanOrEqual(3);
    });
  });

  describe('re-importing', () => {
    it('the same file plans the same ids and times whenever it is imported', () => {
      const text = csv(BASE, { person_id: 'PC2' }, { ...INC_2, still_open: 'true' });
      expect(plan(text, { now: new Date('2026-09-01T00:00:00.000Z') })).toEqual(plan(text));
    });

    it('another force importing the same refs gets different ids', () => {
      const [ours] = plan(csv(BASE));
      const [theirs] = plan(csv(BASE), { forceId: 'force-b' });
      expect(theirs?.incidentId).not.toBe(ours?.incidentId);
      expect(theirs?.commands.map((c) => c.commandId)).not.toEqual(ours?.commands.map((c) => c.commandId));
    });
  });

  describe('errors, every one with its line', () => {
    it('reports every bad row and every bad cell, not just the first', () => {
      const errors = errorsOf(
        csv(
          BASE,
          { incident_ref: 'bad-1', person_name: '', exposure_role: 'bystander' },
          INC_2,
          { incident_ref: 'bad-2', occurred_at: '02/03/2026 10:00', location: '\u00a0', still_open: 'maybe' },
        ),
      );
      expect(errors).toEqual([
        { line: 3, column: 'person_name', message: 'person_name is required' },
        {
          line: 3,
          column: 'exposure_role',
          message:
            'exposure_role "bystander" is not allowed; one of: first_responder, investigator, witness, call_handler, reviewer, family_liaison, supervisor, other',
        },
        {
          line: 5,
          column: 'occurred_at',
          message:
            'occurred_at "02/03/2026 10:00" is not a date-time: use an ISO date-time such as 2026-03-02T14:30 (UK time) or 2026-03-02T14:30:00Z',
        },
        { line: 5, column: 'location', message: 'location is required' },
        { line: 5, column: 'still_open', message: 'still_open "maybe" is not allowed; one of: true, false, yes, no (blank is false)' },
      ]);
    });

    it('returns how many rows it read', () => {
      expect(planIncidentImport(csv(BASE, { person_id: 'PC2', exposure_role: 'x' }), OPTIONS)).toMatchObject({ ok: false, rowsRead: 2 });
    });

    it('an unknown incident type lists the force’s codes', () => {
      const errors = errorsOf(csv({ incident_type: 'rtc' }), {});
      expect(errors).toEqual([{ line: 2, column: 'incident_type', message: `incident_type "rtc" is not allowed; one of: ${CODES}` }]);
      const taxonomy = [{ code: 'rtc', label: 'Road traffic collision', weight: 2 }];
      expect(plan(csv({ incident_type: 'rtc' }), { taxonomy })).toHaveLength(1);
      expect(errorsOf(csv(BASE), { taxonomy })).toEqual([
        { line: 2, column: 'incident_type', message: 'incident_type "fatal_road_collision" is not allowed; one of: rtc' },
      ]);
    });

    it('occurred_at needs a time of day and may not be after now', () => {
      const errors = errorsOf(
        csv(
          { occurred_at: '2026-03-02' },
          { incident_ref: 'INC-2', occurred_at: '2026-06-01T12:00:01Z' },
          { incident_ref: 'INC-3', occurred_at: '2026-06-01T14:00' }, // 13:00Z: BST
          { incident_ref: 'INC-4', occurred_at: '2026-02-30T10:00' },
          { incident_ref: 'INC-5', occurred_at: '2026-06-01T13:00+01:00' }, // exactly now
        ),
      );
      expect(errors).toEqual([
        {
          line: 2,
          column: 'occurred_at',
          message: 'occurred_at "2026-03-02" has no time of day: give when it happened, such as 2026-03-02T14:30 (UK time) or 2026-03-02T14:30:00Z',
        },
        { line: 3, column: 'occurred_at', message: 'occurred_at "2026-06-01T12:00:01Z" is in the future' },
        { line: 4, column: 'occurred_at', message: 'occurred_at "2026-06-01T14:00" is in the future' },
        { line: 5, column: 'occurred_at', message: expect.stringMatching(/^occurred_at "2026-02-30T10:00" is not a date-time/) },
      ]);
    });

    it('the incident columns must be the same on every row of an incident: a later row that differs is named', () => {
      const errors = errorsOf(
        csv(
          BASE,
          INC_2,
          { person_id: 'PC2', location: 'A61 Barnsley' },
          { person_id: 'PC3', occurred_at: '2026-03-02T02:16', still_open: 'true' },
          { ...INC_2, person_id: 'PC2', summary: 'Sudden infant death.' },
        ),
      );
      const same = 'the incident columns must be the same on every row of an incident';
      expect(errors).toEqual([
        { line: 4, column: 'location', message: `location "A61 Barnsley" differs from line 2 ("A61, Barnsley") for incident_ref "INC-1"; ${same}` },
        {
          line: 5,
          column: 'occurred_at',
          message: `occurred_at "2026-03-02T02:16" differs from line 2 ("2026-03-02T02:15") for incident_ref "INC-1"; ${same}`,
        },
        { line: 5, column: 'still_open', message: `still_open "true" differs from line 2 (blank) for incident_ref "INC-1"; ${same}` },
        {
          line: 6,
          column: 'summary',
          message: `summary "Sudden infant death." differs from line 3 ("Sudden infant death") for incident_ref "INC-2"; ${same}`,
        },
      ]);
    });

    it('a person exposed twice to one incident is an error on the later row', () => {
      const errors = errorsOf(csv(BASE, { person_id: 'PC2' }, { person_name: 'S. Whitfield' }, INC_2, { person_id: 'PC2', exposure_role: 'witness' }));
      expect(errors).toEqual([
        { line: 4, column: 'person_id', message: 'person_id "PC1" is already exposed to incident_ref "INC-1" on line 2' },
        { line: 6, column: 'person_id', message: 'person_id "PC2" is already exposed to incident_ref "INC-1" on line 3' },
      ]);
    });

    it('an incident with any bad row is not planned, and a blank incident_ref is required', () => {
      const errors = errorsOf(csv(BASE, { person_id: 'PC2', exposure_role: '' }, { incident_ref: '' }));
      expect(errors).toEqual([
        {
          line: 3,
          column: 'exposure_role',
          message:
            'exposure_role is required; one of: first_responder, investigator, witness, call_handler, reviewer, family_liaison, supervisor, other',
        },
        { line: 4, column: 'incident_ref', message: 'incident_ref is required' },
      ]);
    });

    it('a rule of the decider the incident would break is reported from the dry run, on the row it is about', () => {
      const actual = jest.requireActual<typeof deciderModule>('../../domain/incident/decider');
      // Stands in for a rule the CSV checks do not repeat, e.g. a force's stricter decider.
      const strict = (field: string) => (deps: deciderModule.IncidentDeciderDeps) => {
        const real = actual.createIncidentDecider(deps);
        return {
          ...real,
          decide: (command: IncidentCommand, state: Parameters<typeof real.decide>[1]) => {
            if (command.type === 'RecordIncident' && (command.data as { incidentId: string }).incidentId === id('INC-2')) {
              throw new DomainError('INCIDENT.FIELD_REQUIRED', `${field} is not acceptable`, 'invalid', field);
            }
            return real.decide(command, state);
          },
        };
      };
      const create = jest.mocked(deciderModule.createIncidentDecider);
      const text = csv(BASE, INC_2, { ...INC_2, person_id: 'PC2' });

      create.mockImplementationOnce(strict('location'));
      expect(errorsOf(text)).toEqual([{ line: 3, column: 'location', message: 'location is not acceptable' }]);

      create.mockImplementationOnce(strict('exposedColleagues[1].name'));
      expect(errorsOf(text)).toEqual([{ line: 4, column: 'person_name', message: 'exposedColleagues[1].name is not acceptable' }]);
    });

    it('an unknown header is named, and rows are not checked against a header that is wrong', () => {
      const text = csv({ person_name: '' }).replace('person_role', 'rank').replace('\n', ',notes\n');
      expect(errorsOf(text)).toEqual([
        { line: 1, column: 'rank', message: expect.stringMatching(/^Unknown column "rank"; the columns are: incident_ref, occurred_at, /) },
        { line: 1, column: 'notes', message: expect.stringMatching(/^Unknown column "notes"/) },
      ]);
    });

    it('missing required headers, and repeated or blank ones, are named', () => {
      expect(errorsOf('incident_ref,occurred_at,incident_type,location,department,summary,person_id,person_name\nI-1\n')).toEqual([
        { line: 1, column: 'person_department', message: 'Missing required column "person_department"' },
        { line: 1, column: 'exposure_role', message: 'Missing required column "exposure_role"' },
      ]);
      expect(errorsOf(csv(BASE).replace('\n', ',summary,\n'))).toEqual([
        { line: 1, column: 'summary', message: 'Column "summary" appears more than once' },
        { line: 1, message: 'Header cell 14 is blank; every column needs a name' },
      ]);
    });

    it('an empty file, or one with a header and no rows, imports nothing', () => {
      for (const text of ['', '\n\n', '\uFEFF']) {
        expect(errorsOf(text)).toEqual([{ line: 1, message: 'The file is empty: expected a header row and a row per exposed colleague' }]);
      }
      expect(planIncidentImport(HEADER.join(',') + '\n', OPTIONS)).toEqual({
        ok: false,
        rowsRead: 0,
        errors: [{ line: 1, message: 'The file has a header but no rows' }],
      });
    });

    it('rows with the wrong number of cells, and quoted line breaks, keep physical line numbers', () => {
      const header = REQUIRED_INCIDENT_IMPORT_COLUMNS.join(',');
      const text = [
        header,
        'I-1,2026-03-02T10:00,other,"Leeds, LS1",Response,"Line one,',
        'line two",PC1,Jo,Response,witness',
        'I-1,2026-03-02T10:00,other,"Leeds, LS1",Response,"Line one,\r\nline two",PC2,Al,Response,witness,extra',
        'I-2,2026-03-02T10:00,other,Leeds,Response,Short,PC1,Jo,Response,onlooker',
      ].join('\r\n');
      expect(planIncidentImport(text, OPTIONS)).toEqual({
        ok: false,
        rowsRead: 3,
        errors: [
          { line: 4, message: 'The row has 11 cells but the header has 10' },
          { line: 6, column: 'exposure_role', message: expect.stringMatching(/^exposure_role "onlooker" is not allowed/) },
        ],
      });
      const [incident] = plan(text.split('\r\n').slice(0, 3).join('\n'));
      expect(recordOf(incident).data).toMatchObject({ location: 'Leeds, LS1', summary: 'Line one,\nline two' });
    });

    it('CSV syntax errors are reported with their line', () => {
      const header = REQUIRED_INCIDENT_IMPORT_COLUMNS.join(',');
      const good = (ref: string) => `${ref},2026-03-02T10:00,other,Leeds,Response,Summary,PC1,Jo,Response,witness`;
      const text = [header, good('I-1'), good('I-2').replace('Leeds', 'Le"eds"x'), good('I-3'), `I-4,2026-03-02T10:00,"other`].join('\n');
      expect(errorsOf(text)).toEqual([
        { line: 3, message: expect.stringMatching(/^CSV syntax: /) },
        { line: 5, message: 'CSV syntax: a quoted cell opened on or after line 5 is never closed' },
      ]);
    });

    it('refuses more rows than maxRows, naming the first one over', () => {
      const text = csv(BASE, { person_id: 'PC2' }, INC_2);
      expect(errorsOf(text, { maxRows: 2 })).toEqual([
        { line: 4, message: 'The file has 3 rows; at most 2 can be imported at once, so split it' },
      ]);
      expect(plan(text, { maxRows: 3 })).toHaveLength(2);
    });
  });
});
