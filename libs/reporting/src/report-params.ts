import { DateTime } from 'luxon';
import { ProblemException, problemType } from '@casework/core/http/problem';
import { EMPLOYMENT_TYPES } from '@casework/referral/domain/types';
import { addMonths, isPeriodUnit, londonToday, periodBounds, PERIOD_UNITS, REPORT_ZONE, type PeriodUnit } from './periods';
import type { ReportDefinition, ReportParamName, ReportParams } from './reports/report';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The filters a report ran with, defaults included, as echoed to the caller. */
export type AppliedFilters = Readonly<Record<string, string | readonly string[] | null>>;

export interface ParsedReportQuery {
  readonly params: ReportParams;
  readonly filters: AppliedFilters;
  /** `format` from the query, if given (otherwise the Accept header decides). */
  readonly format?: ReportFormat;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT = /^\P{Cc}{1,100}$/u;

export function invalidParameter(field: string, detail: string): ProblemException {
  return new ProblemException({
    type: problemType('REPORT.INVALID_PARAMETER'),
    title: `The report parameter ${field} is invalid`,
    status: 400,
    code: 'REPORT.INVALID_PARAMETER',
    detail,
    field,
    errors: [{ field, messages: [detail] }],
  });
}

function single(query: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = query[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidParameter(field, `${field} must be given once, as a single value`);
  return value;
}

function date(query: Readonly<Record<string, unknown>>, field: 'from' | 'to'): string | undefined {
  const value = single(query, field);
  if (value === undefined) return undefined;
  if (!DATE.test(value) || !DateTime.fromISO(value, { zone: REPORT_ZONE }).isValid) {
    throw invalidParameter(field, `${field} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/**
 * Validates a report's query against what that report accepts and fills in the defaults:
 * `to` today (London), `from` the start of the period holding the date eleven months
 * before `to` (about a year of whole periods), `period` the report's first unit,
 * `groupBy` the report's default. A parameter the report does not use is a 400 naming it.
 */
export function parseReportQuery(
  report: ReportDefinition,
  query: Readonly<Record<string, unknown>>,
  context: { readonly forceId: string; readonly now: Date },
): ParsedReportQuery {
  const accepted = new Set<string>([...report.params, 'format']);
  for (const key of Object.keys(query)) {
    if (!accepted.has(key)) {
      throw invalidParameter(
        key,
        `${report.name} does not take ${key}; it takes ${[...report.params, 'format'].join(', ')}`,
      );
    }
  }
  const uses = (p: ReportParamName): boolean => report.params.includes(p);

  const formatValue = single(query, 'format');
  if (formatValue !== undefined && !(REPORT_FORMATS as readonly string[]).includes(formatValue)) {
    throw invalidParameter('format', `format must be one of: ${REPORT_FORMATS.join(', ')}`);
  }

  let period: PeriodUnit | undefined;
  if (uses('period')) {
    const units = report.periods ?? PERIOD_UNITS;
    const value = single(query, 'period');
    if (value !== undefined && (!isPeriodUnit(value) || !units.includes(value))) {
      throw invalidParameter('period', `period must be one of: ${units.join(', ')}`);
    }
    period = (value as PeriodUnit | undefined) ?? units[0];
  }

  let from = uses('from') ? date(query, 'from') : undefined;
  let to = uses('to') ? date(query, 'to') : undefined;
  if (report.dates !== 'none') to ??= londonToday(context.now);
  if (report.dates === 'range' && uses('from') && to) {
    from ??= periodBounds(addMonths(to, -11), period ?? 'month').from;
    if (from > to) throw invalidParameter('from', `from (${from}) must not be after to (${to})`);
  }

  let groupBy: readonly string[] = [];
  if (uses('groupBy') && report.groupBy) {
    const { allowed, default: fallback, max } = report.groupBy;
    const value = single(query, 'groupBy');
    if (value === undefined) {
      groupBy = fallback;
    } else {
      const names = value === '' ? [] : value.split(',').map((s) => s.trim());
      const bad = names.find((n) => !allowed.includes(n));
      if (bad !== undefined) {
        throw invalidParameter('groupBy', `groupBy takes a comma-separated list of: ${allowed.join(', ')}; "${bad}" is not one`);
      }
      if (new Set(names).size !== names.length) throw invalidParameter('groupBy', 'groupBy names a dimension twice');
      if (max !== undefined && names.length > max) throw invalidParameter('groupBy', `groupBy takes at most ${max} dimensions`);
      groupBy = names;
    }
  }

  const department = uses('department') ? single(query, 'department') : undefined;
  if (department !== undefined && !TEXT.test(department)) {
    throw invalidParameter('department', 'department must be 1–100 characters without control characters');
  }
  const employmentType = uses('employmentType') ? single(query, 'employmentType') : undefined;
  if (employmentType !== undefined && !(EMPLOYMENT_TYPES as readonly string[]).includes(employmentType)) {
    throw invalidParameter('employmentType', `employmentType must be one of: ${EMPLOYMENT_TYPES.join(', ')}`);
  }

  const filters: Record<string, string | readonly string[] | null> = {};
  if (uses('from')) filters.from = from ?? null;
  if (uses('to')) filters.to = to ?? null;
  if (uses('period')) filters.period = period ?? null;
  if (uses('groupBy')) filters.groupBy = groupBy;
  if (uses('department')) filters.department = department ?? null;
  if (uses('employmentType')) filters.employmentType = employmentType ?? null;

  return {
    params: { forceId: context.forceId, from, to, period, groupBy, department, employmentType, now: context.now },
    filters,
    format: formatValue as ReportFormat | undefined,
  };
}
