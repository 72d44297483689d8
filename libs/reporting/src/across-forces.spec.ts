import { PERMISSIONS } from '@casework/identity/permissions';
import { mergeForceResults } from './across-forces';
import { ALL_REPORTS } from './report-registry';
import type { ReportResult } from './reports/report';
import type { ReportColumn } from './suppression';

describe('national figures from force-by-force reports', () => {
  const columns: ReportColumn[] = [
    { name: 'quarter', kind: 'dimension' },
    { name: 'reason', kind: 'dimension' },
    { name: 'leavers', kind: 'count' },
    { name: 'percentOfQuarter', kind: 'percent', basis: ['leavers'] },
  ];
  const additive = { columns: [{ columns: ['leavers'], within: ['quarter'] }] };

  it('adds counts per combination of dimensions and works each share out again from the sums', () => {
    const a: ReportResult = {
      columns,
      additive,
      rows: [
        { quarter: '2026-Q1', reason: 'resignation', leavers: 3, percentOfQuarter: 75 },
        { quarter: '2026-Q1', reason: 'retirement', leavers: 1, percentOfQuarter: 25 },
      ],
    };
    const b: ReportResult = {
      columns,
      additive,
      rows: [
        { quarter: '2026-Q1', reason: 'resignation', leavers: 1, percentOfQuarter: 50 },
        { quarter: '2026-Q1', reason: 'dismissal', leavers: 1, percentOfQuarter: 50 },
        { quarter: '2026-Q2', reason: 'retirement', leavers: 2, percentOfQuarter: 100 },
      ],
    };
    const { result, notes } = mergeForceResults(columns, [a, b]);
    expect(result.rows).toEqual([
      { quarter: '2026-Q1', reason: 'resignation', leavers: 4, percentOfQuarter: 66.7 },
      { quarter: '2026-Q1', reason: 'retirement', leavers: 1, percentOfQuarter: 16.7 },
      { quarter: '2026-Q1', reason: 'dismissal', leavers: 1, percentOfQuarter: 16.7 },
      { quarter: '2026-Q2', reason: 'retirement', leavers: 2, percentOfQuarter: 100 },
    ]);
    expect(result.additive).toEqual(additive);
    expect(notes[0]).toMatch(/sum of 2 forces/);
  });

  it('a rate is worked out from its summed parts; a median survives only where one force contributed', () => {
    const cols: ReportColumn[] = [
      { name: 'department', kind: 'dimension' },
      { name: 'cases', kind: 'count' },
      { name: 'compliant', kind: 'count' },
      { name: 'percentCompliant', kind: 'percent', basis: ['compliant', 'cases'] },
      { name: 'medianHours', kind: 'number', basis: ['cases'] },
    ];
    const { result, notes } = mergeForceResults(cols, [
      { columns: cols, rows: [{ department: 'Response', cases: 4, compliant: 3, percentCompliant: 75, medianHours: 10 }] },
      {
        columns: cols,
        rows: [
          { department: 'Response', cases: 6, compliant: 6, percentCompliant: 100, medianHours: 2 },
          { department: 'Custody', cases: 0, compliant: 0, percentCompliant: null, medianHours: 5 },
        ],
      },
    ]);
    expect(result.rows).toEqual([
      { department: 'Response', cases: 10, compliant: 9, percentCompliant: 90, medianHours: null },
      { department: 'Custody', cases: 0, compliant: 0, percentCompliant: null, medianHours: 5 },
    ]);
    expect(notes).toContainEqual(expect.stringMatching(/Medians cannot be combined/));
  });

  it('no force at all gives no rows', () => {
    expect(mergeForceResults(columns, []).result.rows).toEqual([]);
  });
});

describe('every report is an aggregate without names, so national analysts may run each one', () => {
  it.each(ALL_REPORTS.map((r) => [r.name, r.roles] as const))('%s', (_, roles) => {
    expect(roles).toContain('national_analyst');
    // A report's own roles never reach beyond who may run reports at all.
    expect(roles.filter((role) => !(PERMISSIONS.reporting.run as readonly string[]).includes(role))).toEqual([]);
  });
});
