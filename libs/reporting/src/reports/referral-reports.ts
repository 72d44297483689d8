import { REFERRAL_STREAM_CATEGORY } from '@casework/referral/domain/events';
import { dateRangeSql, londonDateSql, periodSql, REPORT_ZONE, type PeriodUnit } from '../periods';
import { REPORT_REFERRALS_PROJECTION } from '../read-models/report-referrals.projection';
import type { ReportColumn, ReportRow } from '../suppression';
import { numberOrNull, type ReportDefinition, type ReportParams } from './report';

/** Who may run the referral reports: aggregate numbers, suppressed for all but OH/wellbeing managers. */
export const REFERRAL_REPORT_ROLES = ['oh_manager', 'head_of_wellbeing', 'hr', 'people_board', 'national_analyst'] as const;

/** The dimensions referral reports split by, as groupBy names, mapped to `report_referrals` columns. */
export const REFERRAL_DIMENSIONS = {
  employmentType: 'employment_type',
  category: 'category',
  urgency: 'urgency',
  department: 'department',
  source: 'source',
} as const;
export type ReferralDimension = keyof typeof REFERRAL_DIMENSIONS;
const DIMENSION_NAMES = Object.keys(REFERRAL_DIMENSIONS) as ReferralDimension[];

const SOURCE = { projection: REPORT_REFERRALS_PROJECTION, categories: [REFERRAL_STREAM_CATEGORY] } as const;
const PERIODS: readonly PeriodUnit[] = ['quarter', 'month', 'financial_year'];
const ROLES: readonly string[] = REFERRAL_REPORT_ROLES;

/** `where` over report_referrals for the caller's force (or every force) and the filters. */
function where(params: ReportParams, values: unknown[], options: { dates: boolean }): string {
  const clauses: string[] = [];
  if (!params.allForces) {
    values.push(params.forceId);
    clauses.push(`force_id = $${values.length}`);
  }
  if (options.dates) clauses.push(...dateRangeSql('submitted_at', params, values));
  if (params.department) {
    values.push(params.department);
    clauses.push(`department = $${values.length}`);
  }
  if (params.employmentType) {
    values.push(params.employmentType);
    clauses.push(`employment_type = $${values.length}`);
  }
  return clauses.length > 0 ? clauses.join(' and ') : 'true';
}

function dimensionColumns(dims: readonly string[]): ReportColumn[] {
  return dims.map((name) => ({ name, kind: 'dimension' as const }));
}

/** `d0, d1, …` selected as the dimensions' SQL. */
function dimensionSelect(dims: readonly string[]): string {
  return dims.map((d, i) => `, ${REFERRAL_DIMENSIONS[d as ReferralDimension]} as d${i}`).join('');
}

function dimensionValues(dims: readonly string[], row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(dims.map((d, i) => [d, String(row[`d${i}`])]));
}

/** The fixed dimensions first, then the extra ones asked for (without repeating one). */
function dims(fixed: readonly ReferralDimension[], params: ReportParams): string[] {
  return [...fixed, ...params.groupBy.filter((d) => !(fixed as readonly string[]).includes(d))];
}

/** Referrals by period and dimensions, each group's count and its share of the period's referrals. */
function referralCounts(fixed: readonly ReferralDimension[]): ReportDefinition['run'] {
  return async ({ pool }, params) => {
    const unit = params.period ?? 'quarter';
    const all = dims(fixed, params);
    const values: unknown[] = [];
    const groupBy = ['period', ...all.map((_, i) => `d${i}`)].join(', ');
    const { rows } = await pool.query<Record<string, unknown>>(
      `select ${groupBy}, referrals, round(100.0 * referrals / sum(referrals) over (partition by period), 1) as percent
       from (
         select ${periodSql('submitted_at', unit)} as period${dimensionSelect(all)}, count(*)::int as referrals
         from report_referrals where ${where(params, values, { dates: true })}
         group by ${groupBy}
       ) grouped
       order by ${groupBy}`,
      values,
    );
    return {
      columns: [
        { name: 'period', kind: 'dimension' },
        ...dimensionColumns(all),
        { name: 'referrals', kind: 'count' },
        { name: 'percentOfPeriod', kind: 'percent', basis: ['referrals'] },
      ],
      rows: rows.map(
        (r): ReportRow => ({
          period: String(r.period),
          ...dimensionValues(all, r),
          referrals: Number(r.referrals),
          percentOfPeriod: numberOrNull(r.percent),
        }),
      ),
      additive: { columns: [{ columns: ['referrals'], within: ['period'] }] },
    };
  };
}

/** Age bands of the open backlog, in calendar days since submission (London dates). */
export const AGE_BANDS = [
  { label: '0-7', max: 7 },
  { label: '8-14', max: 14 },
  { label: '15-28', max: 28 },
  { label: '29-56', max: 56 },
  { label: '57+', max: null },
] as const;

const bandSql = (ageSql: string): string =>
  `case ${AGE_BANDS.map((b, i) => (b.max === null ? `else ${i}` : `when ${ageSql} <= ${b.max} then ${i}`)).join(' ')} end`;

const referralBacklog: ReportDefinition['run'] = async ({ pool }, params) => {
  const asOf = params.to as string;
  const all = dims([], params);
  const values: unknown[] = [];
  const filters = where(params, values, { dates: false });
  values.push(asOf);
  const asOfParam = `$${values.length}::date`;
  const endOfDay = `((${asOfParam} + 1)::timestamp at time zone '${REPORT_ZONE}')`;
  const groupBy = ['band', ...all.map((_, i) => `d${i}`)].join(', ');
  const { rows } = await pool.query<Record<string, unknown>>(
    `select ${groupBy}, open_referrals, round(100.0 * open_referrals / sum(open_referrals) over (), 1) as percent
     from (
       select ${bandSql(`(${asOfParam} - ${londonDateSql('submitted_at')})`)} as band${dimensionSelect(all)},
              count(*)::int as open_referrals
       from report_referrals
       where ${filters} and submitted_at < ${endOfDay} and (closed_at is null or closed_at >= ${endOfDay})
       group by ${groupBy}
     ) grouped
     order by ${groupBy}`,
    values,
  );
  return {
    columns: [
      { name: 'ageBand', kind: 'dimension' },
      ...dimensionColumns(all),
      { name: 'openReferrals', kind: 'count' },
      { name: 'percentOfOpen', kind: 'percent', basis: ['openReferrals'] },
    ],
    rows: rows.map(
      (r): ReportRow => ({
        ageBand: AGE_BANDS[Number(r.band)]?.label ?? String(r.band),
        ...dimensionValues(all, r),
        openReferrals: Number(r.open_referrals),
        percentOfOpen: numberOrNull(r.percent),
      }),
    ),
    additive: { columns: [{ columns: ['openReferrals'], within: [] }] },
  };
};

const referralDeadlines: ReportDefinition['run'] = async ({ pool }, params) => {
  const unit = params.period ?? 'quarter';
  const all = dims([], params);
  const values: unknown[] = [];
  const groupBy = ['period', ...all.map((_, i) => `d${i}`)].join(', ');
  const { rows } = await pool.query<Record<string, unknown>>(
    `select ${periodSql('submitted_at', unit)} as period${dimensionSelect(all)},
            sum(deadlines_due)::int as due, sum(deadlines_met_on_time)::int as on_time, sum(deadlines_late)::int as late
     from report_referrals where ${where(params, values, { dates: true })}
     group by ${groupBy} order by ${groupBy}`,
    values,
  );
  return {
    columns: [
      { name: 'period', kind: 'dimension' },
      ...dimensionColumns(all),
      { name: 'deadlinesDue', kind: 'count' },
      { name: 'metOnTime', kind: 'count' },
      { name: 'late', kind: 'count' },
      { name: 'percentMetOnTime', kind: 'percent', basis: ['metOnTime', 'deadlinesDue'] },
    ],
    rows: rows.map((r): ReportRow => {
      const due = Number(r.due);
      const onTime = Number(r.on_time);
      return {
        period: String(r.period),
        ...dimensionValues(all, r),
        deadlinesDue: due,
        metOnTime: onTime,
        late: Number(r.late),
        percentMetOnTime: due === 0 ? null : Math.round((1000 * onTime) / due) / 10,
      };
    }),
    additive: { rows: [['deadlinesDue', 'metOnTime', 'late']] },
  };
};

const DAYS = (later: string): string => `extract(epoch from (${later} - submitted_at)) / 86400.0`;

const referralTimes: ReportDefinition['run'] = async ({ pool }, params) => {
  const unit = params.period ?? 'quarter';
  const all = dims([], params);
  const values: unknown[] = [];
  const groupBy = ['period', ...all.map((_, i) => `d${i}`)].join(', ');
  const { rows } = await pool.query<Record<string, unknown>>(
    `select ${periodSql('submitted_at', unit)} as period${dimensionSelect(all)}, count(*)::int as referrals,
            count(triaged_at)::int as triaged,
            percentile_cont(0.5) within group (order by ${DAYS('triaged_at')}) filter (where triaged_at is not null) as triage_days,
            count(first_appointment_offered_at)::int as offered,
            percentile_cont(0.5) within group (order by ${DAYS('first_appointment_offered_at')})
              filter (where first_appointment_offered_at is not null) as offer_days
     from report_referrals where ${where(params, values, { dates: true })}
     group by ${groupBy} order by ${groupBy}`,
    values,
  );
  return {
    columns: [
      { name: 'period', kind: 'dimension' },
      ...dimensionColumns(all),
      { name: 'referrals', kind: 'count' },
      { name: 'triaged', kind: 'count' },
      { name: 'medianDaysToTriage', kind: 'number', basis: ['triaged'] },
      { name: 'offered', kind: 'count' },
      { name: 'medianDaysToFirstAppointment', kind: 'number', basis: ['offered'] },
    ],
    rows: rows.map(
      (r): ReportRow => ({
        period: String(r.period),
        ...dimensionValues(all, r),
        referrals: Number(r.referrals),
        triaged: Number(r.triaged),
        medianDaysToTriage: numberOrNull(r.triage_days, 1),
        offered: Number(r.offered),
        medianDaysToFirstAppointment: numberOrNull(r.offer_days, 1),
      }),
    ),
  };
};

const extraDimensions = (without: readonly ReferralDimension[]): readonly string[] =>
  DIMENSION_NAMES.filter((d) => !without.includes(d));

export const REFERRAL_REPORTS: readonly ReportDefinition[] = [
  {
    name: 'referrals-by-employment-type',
    title: 'OH referrals by period and employment type',
    description:
      'Referrals submitted in each period (by submission date, Europe/London) per employment type, with each ' +
      'group’s share of all the period’s referrals (percent, one decimal place). groupBy adds further splits.',
    params: ['from', 'to', 'period', 'groupBy', 'department', 'employmentType'],
    dates: 'range',
    periods: PERIODS,
    groupBy: { allowed: extraDimensions(['employmentType']), default: [], max: 2 },
    roles: ROLES,
    acrossForces: 'query',
    source: SOURCE,
    run: referralCounts(['employmentType']),
  },
  {
    name: 'referrals-by-category',
    title: 'OH referrals by period and category (mental / physical health)',
    description: 'Referrals submitted in each period per category, with each group’s share of the period’s referrals.',
    params: ['from', 'to', 'period', 'groupBy', 'department', 'employmentType'],
    dates: 'range',
    periods: PERIODS,
    groupBy: { allowed: extraDimensions(['category']), default: [], max: 2 },
    roles: ROLES,
    acrossForces: 'query',
    source: SOURCE,
    run: referralCounts(['category']),
  },
  {
    name: 'referral-backlog',
    title: 'Open OH referrals by age',
    description:
      'Referrals open at the end of `to` (default today), by calendar days since submission: 0-7, 8-14, 15-28, ' +
      '29-56, 57+; split by urgency unless groupBy says otherwise. A referral closed and later reopened counts ' +
      'as open since its submission.',
    params: ['to', 'groupBy', 'department', 'employmentType'],
    dates: 'as_of',
    groupBy: { allowed: DIMENSION_NAMES, default: ['urgency'], max: 2 },
    roles: ROLES,
    acrossForces: 'query',
    source: SOURCE,
    run: referralBacklog,
  },
  {
    name: 'referral-deadlines',
    title: 'OH referral deadlines met on time',
    description:
      'Deadlines (triage, first appointment, outcome report) of the referrals submitted in each period: due (met ' +
      'or gone overdue; waived before falling due is not due), met on time, late, and the percentage met on time.',
    params: ['from', 'to', 'period', 'groupBy', 'department', 'employmentType'],
    dates: 'range',
    periods: PERIODS,
    groupBy: { allowed: DIMENSION_NAMES, default: [], max: 2 },
    roles: ROLES,
    acrossForces: 'query',
    source: SOURCE,
    run: referralDeadlines,
  },
  {
    name: 'referral-times',
    title: 'Time to triage and to first appointment',
    description:
      'For the referrals submitted in each period: how many were triaged and offered an appointment, and the ' +
      'median calendar days (one decimal place) from submission to triage and to the first appointment offered.',
    params: ['from', 'to', 'period', 'groupBy', 'department', 'employmentType'],
    dates: 'range',
    periods: PERIODS,
    groupBy: { allowed: DIMENSION_NAMES, default: [], max: 2 },
    roles: ROLES,
    acrossForces: 'query',
    source: SOURCE,
    run: referralTimes,
  },
];
