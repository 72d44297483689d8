import { suppress, suppressionAppliesTo, type ReportColumn, type ReportRow } from './suppression';

const COLUMNS: ReportColumn[] = [
  { name: 'period', kind: 'dimension' },
  { name: 'employmentType', kind: 'dimension' },
  { name: 'referrals', kind: 'count' },
  { name: 'percentOfPeriod', kind: 'percent', basis: ['referrals'] },
];
const row = (period: string, employmentType: string, referrals: number, percentOfPeriod: number): ReportRow => ({
  period,
  employmentType,
  referrals,
  percentOfPeriod,
});
const byPeriod = { columns: [{ columns: ['referrals'], within: ['period'] }] };

describe('small-number suppression', () => {
  it('suppresses counts from 1 to threshold − 1 and keeps 0 and the threshold itself', () => {
    const rows = [row('Q1', 'a', 0, 0), row('Q1', 'b', 1, 5), row('Q1', 'c', 4, 20), row('Q1', 'd', 5, 25), row('Q1', 'e', 10, 50)];
    const result = suppress(COLUMNS, rows);
    expect(result.rows.map((r) => r.referrals)).toEqual([0, null, null, 5, 10]);
    expect(result.rows.map((r) => r.percentOfPeriod)).toEqual([0, null, null, 25, 50]);
    expect(result.cells).toEqual([
      { row: 1, column: 'referrals', reason: 'primary' },
      { row: 1, column: 'percentOfPeriod', reason: 'derived' },
      { row: 2, column: 'referrals', reason: 'primary' },
      { row: 2, column: 'percentOfPeriod', reason: 'derived' },
    ]);
    expect(rows[1]?.referrals).toBe(1); // the input is not changed
  });

  it('a configurable threshold', () => {
    const rows = [row('Q1', 'a', 9, 45), row('Q1', 'b', 10, 50), row('Q1', 'c', 1, 5)];
    expect(suppress(COLUMNS, rows, { threshold: 10 }).rows.map((r) => r.referrals)).toEqual([null, 10, null]);
    expect(suppress(COLUMNS, rows, { threshold: 1 }).rows.map((r) => r.referrals)).toEqual([9, 10, 1]);
    expect(suppress(COLUMNS, rows, { threshold: 1 }).notes[0]).toMatch(/no count is suppressed/);
    expect(() => suppress(COLUMNS, rows, { threshold: 0 })).toThrow(RangeError);
    expect(() => suppress(COLUMNS, rows, { threshold: 2.5 })).toThrow(RangeError);
  });

  it('secondary: a lone suppressed cell in a group with a known total takes the next-smallest cell with it', () => {
    const rows = [
      row('Q1', 'a', 3, 10),
      row('Q1', 'b', 12, 40),
      row('Q1', 'c', 7, 23.3),
      row('Q1', 'd', 8, 26.7),
      // Q2 already has two suppressed cells: nothing more to do there.
      row('Q2', 'a', 2, 10),
      row('Q2', 'b', 4, 20),
      row('Q2', 'c', 14, 70),
    ];
    const result = suppress(COLUMNS, rows, { additive: byPeriod });
    expect(result.rows.map((r) => r.referrals)).toEqual([null, 12, null, 8, null, null, 14]);
    expect(result.rows.map((r) => r.percentOfPeriod)).toEqual([null, 40, null, 26.7, null, null, 70]);
    expect(result.cells.filter((c) => c.reason === 'secondary')).toEqual([{ row: 2, column: 'referrals', reason: 'secondary' }]);
    expect(result.notes.join(' ')).toMatch(/secondary suppression/);
  });

  it('secondary prefers a non-zero cell and uses a zero only when nothing else is left', () => {
    const withZero = [row('Q1', 'a', 2, 10), row('Q1', 'b', 0, 0), row('Q1', 'c', 18, 90)];
    expect(suppress(COLUMNS, withZero, { additive: byPeriod }).rows.map((r) => r.referrals)).toEqual([null, 0, null]);
    const onlyZero = [row('Q1', 'a', 2, 100), row('Q1', 'b', 0, 0)];
    expect(suppress(COLUMNS, onlyZero, { additive: byPeriod }).rows.map((r) => r.referrals)).toEqual([null, null]);
    const alone = [row('Q1', 'a', 2, 100)];
    expect(suppress(COLUMNS, alone, { additive: byPeriod }).rows.map((r) => r.referrals)).toEqual([null]);
  });

  it('without a declared total there is no secondary suppression', () => {
    const rows = [row('Q1', 'a', 3, 10), row('Q1', 'b', 27, 90)];
    expect(suppress(COLUMNS, rows).rows.map((r) => r.referrals)).toEqual([null, 27]);
  });

  it('row sums: due = on time + late, so one suppressed part takes the other with it, and the percentage goes too', () => {
    const columns: ReportColumn[] = [
      { name: 'period', kind: 'dimension' },
      { name: 'due', kind: 'count' },
      { name: 'onTime', kind: 'count' },
      { name: 'late', kind: 'count' },
      { name: 'percentOnTime', kind: 'percent', basis: ['onTime', 'due'] },
    ];
    const rows: ReportRow[] = [
      { period: 'Q1', due: 20, onTime: 17, late: 3, percentOnTime: 85 },
      { period: 'Q2', due: 20, onTime: 20, late: 0, percentOnTime: 100 },
      { period: 'Q3', due: 3, onTime: 3, late: 0, percentOnTime: 100 },
    ];
    const result = suppress(columns, rows, { additive: { rows: [['due', 'onTime', 'late']] } });
    expect(result.rows).toEqual([
      { period: 'Q1', due: 20, onTime: null, late: null, percentOnTime: null },
      { period: 'Q2', due: 20, onTime: 20, late: 0, percentOnTime: 100 },
      { period: 'Q3', due: null, onTime: null, late: 0, percentOnTime: null },
    ]);
  });

  it('repeats until no set has a single suppressed cell (a roll-up row and its departments, column by column)', () => {
    const columns: ReportColumn[] = [
      { name: 'department', kind: 'dimension' },
      { name: 'cases', kind: 'count' },
      { name: 'compliant', kind: 'count' },
    ];
    const rows: ReportRow[] = [
      { department: 'A', cases: 6, compliant: 4 },
      { department: 'B', cases: 9, compliant: 8 },
      { department: 'C', cases: 20, compliant: 15 },
      { department: 'All departments', cases: 35, compliant: 27 },
    ];
    const result = suppress(columns, rows, { additive: { columns: [{ columns: ['cases', 'compliant'], within: [] }] } });
    expect(result.rows.map((r) => [r.cases, r.compliant])).toEqual([
      [6, null],
      [9, null],
      [20, 15],
      [35, 27],
    ]);
  });

  it('medians go with the count they are computed over; already-null values stay null and are not marked', () => {
    const columns: ReportColumn[] = [
      { name: 'period', kind: 'dimension' },
      { name: 'triaged', kind: 'count' },
      { name: 'median', kind: 'number', basis: ['triaged'] },
    ];
    const rows: ReportRow[] = [
      { period: 'Q1', triaged: 2, median: 1.5 },
      { period: 'Q2', triaged: 0, median: null },
      { period: 'Q3', triaged: 9, median: 2 },
    ];
    const result = suppress(columns, rows);
    expect(result.rows).toEqual([
      { period: 'Q1', triaged: null, median: null },
      { period: 'Q2', triaged: 0, median: null },
      { period: 'Q3', triaged: 9, median: 2 },
    ]);
    expect(result.cells).toHaveLength(2);
    expect(result.notes.join(' ')).toMatch(/percentage or median was suppressed/);
  });

  it('says when nothing needed suppressing', () => {
    const result = suppress(COLUMNS, [row('Q1', 'a', 12, 100)]);
    expect(result.cells).toEqual([]);
    expect(result.notes).toContain('Nothing in this report needed suppressing.');
  });

  it('applies to everyone but OH and wellbeing managers', () => {
    expect(suppressionAppliesTo('hr')).toBe(true);
    expect(suppressionAppliesTo('people_board')).toBe(true);
    expect(suppressionAppliesTo('national_analyst')).toBe(true);
    expect(suppressionAppliesTo('oh_manager')).toBe(false);
    expect(suppressionAppliesTo('head_of_wellbeing')).toBe(false);
  });
});
