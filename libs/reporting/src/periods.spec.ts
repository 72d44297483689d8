import { addMonths, periodBounds, periodOf, periodsBetween, periodSql, londonToday, type PeriodUnit } from './periods';

describe('periodOf: months, quarters and financial years by the Europe/London date', () => {
  const cases: [string, string, PeriodUnit, string][] = [
    // In BST (from 29 Mar 2026) 23:30 UTC on 31 March is 00:30 on 1 April in London.
    ['31 Mar 23:30 UTC in BST is April in London', '2026-03-31T23:30:00Z', 'month', '2026-04'],
    ['… the second quarter', '2026-03-31T23:30:00Z', 'quarter', '2026-Q2'],
    ['… the new financial year', '2026-03-31T23:30:00Z', 'financial_year', 'FY2026/27'],
    ['31 Mar 22:59 UTC is still 31 March in London', '2026-03-31T22:59:59Z', 'month', '2026-03'],
    ['… Q1', '2026-03-31T22:59:59Z', 'quarter', '2026-Q1'],
    ['… the old financial year', '2026-03-31T22:59:59Z', 'financial_year', 'FY2025/26'],
    ['1 Apr 00:00 London (BST) starts the financial year', '2026-03-31T23:00:00Z', 'financial_year', 'FY2026/27'],
    ['31 Dec 23:59 GMT is the last of Q4', '2025-12-31T23:59:59Z', 'quarter', '2025-Q4'],
    ['1 Jan 00:00 GMT is Q1 of the new year', '2026-01-01T00:00:00Z', 'quarter', '2026-Q1'],
    ['January is in the financial year that started the April before', '2026-01-15T12:00:00Z', 'financial_year', 'FY2025/26'],
    ['30 Jun 23:30 UTC (BST) is 1 July: Q3', '2026-06-30T23:30:00Z', 'quarter', '2026-Q3'],
    ['30 Sep 23:00 UTC (BST) is 1 October: Q4', '2026-09-30T23:00:00Z', 'quarter', '2026-Q4'],
    ['31 Oct 23:30 UTC (GMT again) is still October', '2026-10-31T23:30:00Z', 'month', '2026-10'],
    ['the century boundary of the short year', '2099-04-01T12:00:00Z', 'financial_year', 'FY2099/00'],
    ['March 2000 belongs to FY1999/00', '2000-03-01T12:00:00Z', 'financial_year', 'FY1999/00'],
    ['an instant with an offset', '2026-04-01T00:30:00+01:00', 'month', '2026-04'],
  ];
  it.each(cases)('%s', (_, instant, unit, label) => {
    expect(periodOf(instant, unit)).toBe(label);
    expect(periodOf(new Date(instant), unit)).toBe(label);
  });

  it('labels sort chronologically as strings', () => {
    const instants = ['2025-02-01T00:00:00Z', '2025-11-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z', '2027-03-31T12:00:00Z'];
    for (const unit of ['month', 'quarter', 'financial_year'] as const) {
      const labels = instants.map((i) => periodOf(i, unit));
      expect([...labels].sort()).toEqual(labels);
    }
  });

  it('refuses what is not an instant', () => {
    expect(() => periodOf('yesterday', 'month')).toThrow(RangeError);
  });
});

describe('periodBounds and periodsBetween', () => {
  it('gives the first and last dates of each kind of period', () => {
    expect(periodBounds('2026-02-14', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodBounds('2024-02-14', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds('2026-05-14', 'quarter')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodBounds('2026-03-31', 'quarter')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodBounds('2026-03-31', 'financial_year')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(periodBounds('2026-04-01', 'financial_year')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('lists the periods a date range touches', () => {
    expect(periodsBetween('2025-02-10', '2026-01-05', 'quarter')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodsBetween('2025-03-31', '2025-04-01', 'financial_year')).toEqual(['FY2024/25', 'FY2025/26']);
    expect(periodsBetween('2025-11-30', '2026-01-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('dates arithmetic and today in London', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('periodSql', () => {
  it('buckets the column in London time', () => {
    expect(periodSql('submitted_at', 'month')).toBe(`to_char((submitted_at at time zone 'Europe/London'), 'YYYY-MM')`);
    expect(periodSql('submitted_at', 'quarter')).toBe(`to_char((submitted_at at time zone 'Europe/London'), 'YYYY"-Q"Q')`);
    expect(periodSql('x', 'financial_year')).toContain(`interval '3 months'`);
  });
  // That the SQL gives the same labels as periodOf is checked against PostgreSQL in report-referrals.int-spec.ts.
});
