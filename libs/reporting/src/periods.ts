import { DateTime } from 'luxon';

/**
 * Reporting periods, in Europe/London business time: calendar months, calendar quarters
 * (Jan–Mar = Q1) and financial years (1 April – 31 March, as police forces report).
 * Labels sort chronologically as plain strings: `2026-04`, `2026-Q2`, `FY2026/27`.
 *
 * Each unit has a pure bucketing function (`periodOf`) and a SQL expression builder
 * (`periodSql`) that give the same label, so grouping happens in PostgreSQL.
 */
export const REPORT_ZONE = 'Europe/London';

export const PERIOD_UNITS = ['month', 'quarter', 'financial_year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export function isPeriodUnit(value: string): value is PeriodUnit {
  return (PERIOD_UNITS as readonly string[]).includes(value);
}

function london(instant: Date | string): DateTime {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!dt.isValid) throw new RangeError(`Not an instant: ${String(instant)}`);
  return dt.setZone(REPORT_ZONE);
}

/** The financial year (its starting calendar year) a London date falls in. */
function financialYearStart(dt: DateTime): number {
  return dt.month >= 4 ? dt.year : dt.year - 1;
}

function financialYearLabel(startYear: number): string {
  return `FY${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The period an instant falls in, by its Europe/London date. */
export function periodOf(instant: Date | string, unit: PeriodUnit): string {
  const dt = london(instant);
  switch (unit) {
    case 'month':
      return dt.toFormat('yyyy-MM');
    case 'quarter':
      return `${dt.year}-Q${dt.quarter}`;
    case 'financial_year':
      return financialYearLabel(financialYearStart(dt));
  }
}

/** The first and last London dates (YYYY-MM-DD, inclusive) of the period a date falls in. */
export function periodBounds(date: string, unit: PeriodUnit): { readonly from: string; readonly to: string } {
  const dt = DateTime.fromISO(date, { zone: REPORT_ZONE });
  if (!dt.isValid) throw new RangeError(`Not a date: ${date}`);
  let start: DateTime;
  let end: DateTime;
  switch (unit) {
    case 'month':
      start = dt.startOf('month');
      end = dt.endOf('month');
      break;
    case 'quarter':
      start = dt.startOf('quarter');
      end = dt.endOf('quarter');
      break;
    case 'financial_year':
      start = DateTime.fromObject({ year: financialYearStart(dt), month: 4, day: 1 }, { zone: REPORT_ZONE });
      end = start.plus({ years: 1 }).minus({ days: 1 });
      break;
  }
  return { from: start.toISODate() as string, to: end.toISODate() as string };
}

/** Every period label from the one containing `from` to the one containing `to` (London dates). */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): string[] {
  const labels: string[] = [];
  let cursor = periodBounds(from, unit).from;
  while (cursor <= to) {
    labels.push(periodOf(DateTime.fromISO(cursor, { zone: REPORT_ZONE }).toJSDate(), unit));
    cursor = DateTime.fromISO(periodBounds(cursor, unit).to, { zone: REPORT_ZONE }).plus({ days: 1 }).toISODate() as string;
  }
  return labels;
}

/** `column` (a timestamptz expression) as a London wall-clock timestamp. */
export function londonSql(column: string): string {
  return `(${column} at time zone '${REPORT_ZONE}')`;
}

/** A SQL expression giving the same label as `periodOf` for a timestamptz column. */
export function periodSql(column: string, unit: PeriodUnit): string {
  const local = londonSql(column);
  switch (unit) {
    case 'month':
      return `to_char(${local}, 'YYYY-MM')`;
    case 'quarter':
      return `to_char(${local}, 'YYYY"-Q"Q')`;
    case 'financial_year':
      // 1 April − 3 months = 1 January of the starting year; 31 March + 9 months = 31 December of the ending year.
      return `('FY' || to_char(${local} - interval '3 months', 'YYYY') || '/' || to_char(${local} + interval '9 months', 'YY'))`;
  }
}

/** The London calendar date of a timestamptz column, as a SQL `date`. */
export function londonDateSql(column: string): string {
  return `${londonSql(column)}::date`;
}

/**
 * A business-date range (YYYY-MM-DD, both ends inclusive, Europe/London) as SQL bounds on
 * a timestamptz column, using numbered parameters pushed onto `params`.
 */
export function dateRangeSql(column: string, range: { readonly from?: string; readonly to?: string }, params: unknown[]): string[] {
  const clauses: string[] = [];
  if (range.from) {
    params.push(range.from);
    clauses.push(`${column} >= ($${params.length}::date::timestamp at time zone '${REPORT_ZONE}')`);
  }
  if (range.to) {
    params.push(range.to);
    clauses.push(`${column} < (($${params.length}::date + 1)::timestamp at time zone '${REPORT_ZONE}')`);
  }
  return clauses;
}

/** Today's date in London. */
export function londonToday(now: Date): string {
  return DateTime.fromJSDate(now).setZone(REPORT_ZONE).toISODate() as string;
}

/** A London date plus (or minus) whole months. */
export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate() as string;
}
