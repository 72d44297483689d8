import type { Pool } from 'pg';
import type { ExposurePolicy } from '@casework/trauma/domain/exposure';
import type { PeriodUnit } from '../periods';
import type { AdditiveSets, ReportColumn, ReportRow } from '../suppression';

/** The query parameters a report may accept (each report lists the ones it uses). */
export const REPORT_PARAMS = ['from', 'to', 'period', 'groupBy', 'department', 'employmentType'] as const;
export type ReportParamName = (typeof REPORT_PARAMS)[number];

/** A report's parameters after validation, defaults filled in. Dates are London business dates. */
export interface ReportParams {
  readonly forceId: string;
  /**
   * Every force at once (a national analyst's default): the report ignores `forceId`. Only
   * reports whose `acrossForces` is `query` are ever run with it.
   */
  readonly allForces?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly period?: PeriodUnit;
  readonly groupBy: readonly string[];
  readonly department?: string;
  readonly employmentType?: string;
  /** When the report is run. */
  readonly now: Date;
}

/** What a report may need besides the database. */
export interface ReportContext {
  readonly pool: Pool;
  /** The force's repeat-exposure policy (thresholds and windows). */
  exposurePolicy(forceId: string): ExposurePolicy;
}

export interface ReportResult {
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /** The sets of count cells whose sums are shown or derivable, for secondary suppression. */
  readonly additive?: AdditiveSets;
}

/** The read model a report reads, for its freshness. */
export interface ReportSource {
  readonly projection: string;
  readonly categories: readonly string[];
}

export interface ReportDefinition {
  /** URL segment: /reports/{name}. Never `trauma` or `retention` (those are route prefixes). */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly params: readonly ReportParamName[];
  /** How `from`/`to` are read: a range of business dates, or `to` alone as the as-of date. */
  readonly dates: 'range' | 'as_of' | 'none';
  /** Period units the report can group by; the first is the default. */
  readonly periods?: readonly PeriodUnit[];
  readonly groupBy?: { readonly allowed: readonly string[]; readonly default: readonly string[]; readonly max?: number };
  /** Roles allowed to run it (suppression still applies to all but OH/wellbeing managers). */
  readonly roles: readonly string[];
  /**
   * How national figures are made: `query`, the report's own query honours
   * `params.allForces`; `merge` (the default), it is run force by force and the rows added
   * up (see across-forces.ts).
   */
  readonly acrossForces?: 'query' | 'merge';
  readonly source: ReportSource;
  run(context: ReportContext, params: ReportParams): Promise<ReportResult>;
}

/** Rows of a query result with numbers parsed (PostgreSQL returns bigint and numeric as strings). */
export function numberOrNull(value: unknown, decimals?: number): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  if (decimals === undefined) return n;
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}
