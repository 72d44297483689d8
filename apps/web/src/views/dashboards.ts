import { nothing, type TemplateResult } from 'lit-html';
import { barChart, funnelChart, type Series } from '../chart';
import { label } from '../format';
import type { Cell, ReportResponse } from '../report-api';

/**
 * What each audience's dashboard shows: panels, each one named report from GET /reports
 * drawn as a chart. The figures are the report's own; a chart only sums or splits them.
 */
export interface Panel {
  readonly report: string;
  readonly heading: string;
  /** Fixed parameters for this panel (sent only when the report takes them). */
  readonly params?: Readonly<Record<string, string>>;
  readonly chart: (report: ReportResponse) => TemplateResult | typeof nothing;
}

export interface Dashboard {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  /** Roles whose home page this is. */
  readonly homeFor: readonly string[];
  readonly panels: readonly Panel[];
}

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const dim = (v: Cell | undefined): string => (v === null || v === undefined || v === '' ? '—' : String(v));

/** Rows summed into (x, group) cells: extra dimensions a filter added are folded in. */
function series(report: ReportResponse, x: string, group: string | null, measure: string): Series[] {
  const cells = new Map<string, Series>();
  for (const row of report.rows) {
    const key = `${dim(row[x])}\u0000${group ? dim(row[group]) : ''}`;
    const prior = cells.get(key);
    const value = num(row[measure]);
    cells.set(key, { x: dim(row[x]), group: group ? dim(row[group]) : '', value: (prior?.value ?? 0) + value });
  }
  return [...cells.values()];
}

/** Two measures of the same rows as stack segments (e.g. met on time / late). */
function measures(report: ReportResponse, x: string, parts: readonly (readonly [string, string])[], skip?: (row: Record<string, Cell>) => boolean): Series[] {
  const out: Series[] = [];
  for (const [measure, name] of parts) {
    for (const s of series({ ...report, rows: report.rows.filter((r) => !skip?.(r)) }, x, null, measure)) out.push({ ...s, group: name });
  }
  return out;
}

const labelled = (data: Series[]): Series[] => data.map((d) => ({ ...d, x: /^[a-z_]+$/.test(d.x) ? label(d.x) : d.x }));

const FUNNEL_STAGES: readonly (readonly [string, string])[] = [
  ['exposed', 'People exposed'],
  ['demobilised', 'Demobilised'],
  ['defused', 'Defused'],
  ['estim', 'ESTIM'],
  ['trimOffered', 'TRiM offered'],
  ['trimActivated', 'TRiM activated'],
  ['ohReferred', 'OH referral'],
];

const referralsByEmployment: Panel = {
  report: 'referrals-by-employment-type',
  heading: 'Referrals by period and employment type',
  chart: (r) => barChart('OH referrals per period, stacked by employment type', series(r, 'period', 'employmentType', 'referrals')),
};
const mentalPhysical: Panel = {
  report: 'referrals-by-category',
  heading: 'Mental and physical health referrals',
  chart: (r) => barChart('OH referrals per period, stacked by category', series(r, 'period', 'category', 'referrals')),
};
const backlog: Panel = {
  report: 'referral-backlog',
  heading: 'Backlog: open referrals by age',
  params: { groupBy: 'urgency' },
  chart: (r) => barChart('Open referrals by days since submission, stacked by urgency', series(r, 'ageBand', 'urgency', 'openReferrals')),
};
const deadlinesMet: Panel = {
  report: 'referral-deadlines',
  heading: 'Deadlines met on time',
  chart: (r) =>
    barChart(
      'Referral deadlines due per period: met on time and late',
      measures(r, 'period', [
        ['metOnTime', 'Met on time'],
        ['late', 'Late'],
      ]),
    ),
};
const funnel: Panel = {
  report: 'estip-funnel',
  heading: 'ESTIP to TRiM funnel',
  chart: (r) =>
    funnelChart(
      'People at each ESTIP stage, in order, summed over incident types and departments',
      FUNNEL_STAGES.map(([column, text]) => ({ label: text, value: r.rows.reduce((sum, row) => sum + num(row[column]), 0) })),
    ),
};
const repeatExposure: Panel = {
  report: 'repeat-exposure',
  heading: 'Repeat exposure by department',
  chart: (r) =>
    barChart(
      'People exposed per department: above and below the repeat-exposure threshold',
      r.rows.flatMap((row) => [
        { x: dim(row.department), group: 'Above threshold', value: num(row.peopleAboveThreshold) },
        { x: dim(row.department), group: 'Below threshold', value: Math.max(0, num(row.peopleExposed) - num(row.peopleAboveThreshold)) },
      ]),
    ),
};
const leavers: Panel = {
  report: 'leavers',
  heading: 'Leavers by reason',
  params: { groupBy: 'reason' },
  chart: (r) => barChart('Leavers per quarter, stacked by reason', series(r, 'quarter', 'reason', 'leavers')),
};
const wloCompliance: Panel = {
  report: 'wlo-compliance',
  heading: 'Welfare-liaison contact compliance',
  chart: (r) =>
    barChart(
      'Welfare cases per department: every contact on time, or not',
      labelled(
        measures(
          { ...r, rows: r.rows.map((row) => ({ ...row, notCompliant: Math.max(0, num(row.cases) - num(row.compliant)) })) },
          'department',
          [
            ['compliant', 'All contacts on time'],
            ['notCompliant', 'A contact late or missed'],
          ],
          // The last row totals the departments; a stacked bar of it would double the scale.
          (row) => row.department === 'All departments',
        ),
      ),
    ),
};

export const DASHBOARDS: readonly Dashboard[] = [
  {
    id: 'oh',
    title: 'Occupational health dashboard',
    intro: 'Referral demand, the mix of mental and physical health, the backlog and how many deadlines were met.',
    homeFor: ['oh_manager', 'head_of_wellbeing'],
    panels: [referralsByEmployment, mentalPhysical, backlog, deadlinesMet],
  },
  {
    id: 'trauma',
    title: 'Trauma support dashboard',
    intro: 'How people move through ESTIP towards TRiM, and where repeat exposure builds up.',
    homeFor: ['wellbeing_coordinator', 'trim_coordinator'],
    panels: [funnel, repeatExposure],
  },
  {
    id: 'people',
    title: 'People board dashboard',
    intro: 'Who leaves and why, whether welfare-liaison contacts happen on time, and OH referral demand.',
    homeFor: ['hr', 'people_board'],
    panels: [leavers, wloCompliance, referralsByEmployment, mentalPhysical],
  },
];

export function dashboardFor(role: string): Dashboard | undefined {
  return DASHBOARDS.find((d) => d.homeFor.includes(role));
}
