import { parse } from 'csv-parse/sync';
import { ProblemException } from '@casework/core/http/problem';
import { toCsv } from './csv';
import { csvFileName } from './http/reports.controller';
import { parseReportQuery } from './report-params';
import { ALL_REPORTS, defaultReportRegistry } from './report-registry';
import type { ReportDefinition } from './reports/report';

const registry = defaultReportRegistry();
const report = (name: string): ReportDefinition => registry.get(name) as ReportDefinition;
// 10:00 on 15 May 2026, London.
const context = { forceId: 'f1', now: new Date('2026-05-15T09:00:00Z') };

function problemOf(run: () => unknown): { status: number; field?: string; detail?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('report parameters', () => {
  it('fills in and echoes the defaults', () => {
    const parsed = parseReportQuery(report('referrals-by-employment-type'), {}, context);
    expect(parsed.filters).toEqual({
      from: '2025-04-01',
      to: '2026-05-15',
      period: 'quarter',
      groupBy: [],
      department: null,
      employmentType: null,
    });
    expect(parsed.params).toMatchObject({ forceId: 'f1', from: '2025-04-01', to: '2026-05-15', period: 'quarter', groupBy: [] });
    expect(parseReportQuery(report('referrals-by-employment-type'), { period: 'month' }, context).filters.from).toBe('2025-06-01');
    expect(parseReportQuery(report('referrals-by-employment-type'), { period: 'financial_year' }, context).filters.from).toBe('2025-04-01');
    expect(parseReportQuery(report('referral-backlog'), {}, context).filters).toEqual({
      to: '2026-05-15',
      groupBy: ['urgency'],
      department: null,
      employmentType: null,
    });
  });

  it('takes the given filters', () => {
    const parsed = parseReportQuery(
      report('referral-times'),
      { from: '2025-01-01', to: '2025-12-31', period: 'month', groupBy: 'urgency,category', department: 'Response North', employmentType: 'pcso', format: 'csv' },
      context,
    );
    expect(parsed.params).toMatchObject({ groupBy: ['urgency', 'category'], department: 'Response North', employmentType: 'pcso', period: 'month' });
    expect(parsed.format).toBe('csv');
    expect(parseReportQuery(report('leavers'), { groupBy: 'reason,department' }, context).params.groupBy).toEqual(['reason', 'department']);
  });

  it.each([
    ['from', { from: '2025-13-01' }],
    ['to', { to: '31/12/2025' }],
    ['from', { from: '2026-01-02', to: '2026-01-01' }],
    ['period', { period: 'week' }],
    ['groupBy', { groupBy: 'shoeSize' }],
    ['groupBy', { groupBy: 'urgency,urgency' }],
    ['groupBy', { groupBy: 'urgency,category,source' }],
    ['employmentType', { employmentType: 'astronaut' }],
    ['department', { department: 'x'.repeat(101) }],
    ['format', { format: 'xlsx' }],
    ['from', { from: ['2025-01-01', '2025-02-01'] }],
    ['colour', { colour: 'blue' }],
  ])('a bad %s is a 400 naming it', (field, query) => {
    expect(problemOf(() => parseReportQuery(report('referral-times'), query, context))).toMatchObject({ status: 400, field });
  });

  it('a parameter the report does not take is a 400 naming it', () => {
    expect(problemOf(() => parseReportQuery(report('referral-backlog'), { from: '2025-01-01' }, context))).toMatchObject({ status: 400, field: 'from' });
    expect(problemOf(() => parseReportQuery(report('wlo-compliance'), { to: '2025-01-01' }, context))).toMatchObject({ status: 400, field: 'to' });
    expect(problemOf(() => parseReportQuery(report('estip-funnel'), { period: 'month' }, context))).toMatchObject({ status: 400, field: 'period' });
  });

  it('every report has a unique name that is not a route prefix of another report controller', () => {
    const names = ALL_REPORTS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('trauma');
    expect(names).not.toContain('retention');
    expect(names).toEqual(
      expect.arrayContaining([
        'referrals-by-employment-type',
        'referrals-by-category',
        'referral-backlog',
        'referral-deadlines',
        'referral-times',
        'estip-funnel',
        'trim-activity',
        'repeat-exposure',
        'leavers',
        'interview-themes',
        'retention-rate',
        'wlo-compliance',
      ]),
    );
  });
});

describe('CSV', () => {
  const columns = [
    { name: 'department', kind: 'dimension' as const },
    { name: 'referrals', kind: 'count' as const },
    { name: 'percent', kind: 'percent' as const, basis: ['referrals'] },
  ];
  it('quotes per RFC 4180, leaves suppressed cells empty, and parses back to the same rows', () => {
    const rows = [
      { department: 'Response, North', referrals: 12, percent: 60.5 },
      { department: 'The "Hub"', referrals: null, percent: null },
      { department: 'Line\nbreak', referrals: 0, percent: 0 },
    ];
    const csv = toCsv(columns, rows);
    expect(csv).toBe('department,referrals,percent\r\n"Response, North",12,60.5\r\n"The ""Hub""",,\r\n"Line\nbreak",0,0\r\n');
    const parsed = parse(csv, { columns: true }) as Record<string, string>[];
    expect(parsed).toEqual(rows.map((r) => ({ department: r.department, referrals: r.referrals === null ? '' : String(r.referrals), percent: r.percent === null ? '' : String(r.percent) })));
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(toCsv(columns, [{ department: '=HYPERLINK("x")', referrals: 5, percent: 100 }])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('names the file after the report and its dates', () => {
    expect(csvFileName({ report: 'referral-times', filters: { from: '2025-01-01', to: '2025-12-31' } })).toBe('referral-times-2025-01-01-2025-12-31.csv');
    expect(csvFileName({ report: 'referral-backlog', filters: { to: '2025-12-31' } })).toBe('referral-backlog-2025-12-31.csv');
    expect(csvFileName({ report: 'wlo-compliance', filters: { department: null } })).toBe('wlo-compliance.csv');
  });
});
