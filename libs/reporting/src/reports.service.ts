import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Pool } from 'pg';
import { ProblemException, problemType } from '@casework/core/http/problem';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import type { Actor } from '@casework/platform/http/actor';
import { PG_POOL } from '@casework/platform/tokens';
import { TraumaPolicies } from '@casework/trauma/application/trauma-policies';
import { DEFAULT_EXPOSURE_POLICY, type ExposurePolicy } from '@casework/trauma/domain/exposure';
import { forcesWithEvents, mergeForceResults } from './across-forces';
import { readFreshness, type Freshness } from './freshness';
import { invalidParameter, parseReportQuery, type AppliedFilters, type ReportFormat } from './report-params';
import { defaultReportRegistry, type ReportRegistry } from './report-registry';
import type { ReportContext, ReportDefinition, ReportParams, ReportResult } from './reports/report';
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  suppress,
  suppressionAppliesTo,
  UNSUPPRESSED_ROLES,
  type ReportColumn,
  type ReportRow,
  type SuppressedCell,
} from './suppression';

export const REPORTING_OPTIONS = Symbol('REPORTING_OPTIONS');

/**
 * Roles that work across forces: their token's force is `national`, they never see a case,
 * and their reports add up every force (or the one `?force=` names), always suppressed.
 */
export const NATIONAL_ROLES: readonly string[] = ['national_analyst'];
const FORCE_ID = /^[A-Za-z0-9._@:|/-]{1,200}$/;

export interface ReportingOptions {
  /** Counts below this are suppressed for roles outside OH/wellbeing management; default 5. */
  readonly suppressionThreshold?: number;
}

export interface ReportResponse {
  readonly report: string;
  readonly title: string;
  /** The filters applied, defaults included; for a national analyst also `force` (`all` or one force). */
  readonly filters: AppliedFilters;
  /** How national figures were put together, when that needs saying. */
  readonly notes?: readonly string[];
  readonly freshness: Freshness;
  readonly suppression: {
    readonly threshold: number;
    /** Whether suppression applied to the caller's role (it does for all but OH/wellbeing managers). */
    readonly applied: boolean;
    readonly notes: readonly string[];
    /** Each suppressed cell: its row index, column and why (primary, secondary, derived). */
    readonly cells: readonly SuppressedCell[];
  };
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
}

export interface CatalogueEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly params: readonly string[];
  readonly dates: ReportDefinition['dates'];
  readonly periods: readonly string[];
  readonly groupBy: { readonly allowed: readonly string[]; readonly default: readonly string[]; readonly max: number | null } | null;
  readonly roles: readonly string[];
  /** Whether the caller's role may run it. */
  readonly allowed: boolean;
}

export interface RunReportRequest {
  readonly name: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly actor: Actor;
}

/** Runs named reports: role check, parameters, query, suppression and freshness. */
@Injectable()
export class ReportsService {
  readonly registry: ReportRegistry = defaultReportRegistry();
  readonly threshold: number;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(REPORTING_OPTIONS) options?: ReportingOptions,
  ) {
    this.threshold = options?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
    if (!Number.isInteger(this.threshold) || this.threshold < 1) {
      throw new RangeError(`suppressionThreshold must be a whole number of at least 1, got ${this.threshold}`);
    }
  }

  catalogue(actor: Actor): { reports: CatalogueEntry[]; suppression: { threshold: number; unsuppressedRoles: readonly string[] } } {
    return {
      reports: this.registry.list().map((r) => ({
        name: r.name,
        title: r.title,
        description: r.description,
        params: [...r.params, 'format', ...(NATIONAL_ROLES.includes(actor.role) ? ['force'] : [])],
        dates: r.dates,
        periods: r.params.includes('period') ? (r.periods ?? []) : [],
        groupBy: r.groupBy && r.params.includes('groupBy') ? { allowed: r.groupBy.allowed, default: r.groupBy.default, max: r.groupBy.max ?? null } : null,
        roles: r.roles,
        allowed: r.roles.includes(actor.role),
      })),
      suppression: { threshold: this.threshold, unsuppressedRoles: UNSUPPRESSED_ROLES },
    };
  }

  /** The report, or a 404 naming it. */
  find(name: string): ReportDefinition {
    const report = this.registry.get(name);
    if (!report) {
      throw new ProblemException({
        type: problemType('REPORT.NOT_FOUND'),
        title: 'No such report',
        status: 404,
        code: 'REPORT.NOT_FOUND',
        detail: `There is no report named "${name}"; GET /reports lists them`,
        field: 'name',
      });
    }
    return report;
  }

  async run(request: RunReportRequest): Promise<{ response: ReportResponse; format?: ReportFormat }> {
    const report = this.find(request.name);
    const { actor } = request;
    if (!report.roles.includes(actor.role)) {
      throw new ProblemException({
        type: problemType('REPORT.FORBIDDEN'),
        title: 'Your role may not run this report',
        status: 403,
        code: 'REPORT.FORBIDDEN',
        detail: `The role ${actor.role} may not run ${report.name} (allowed: ${report.roles.join(', ')})`,
      });
    }
    const now = this.clock.now();
    const national = NATIONAL_ROLES.includes(actor.role);
    const { force, query } = national ? nationalScope(request.query) : { force: undefined, query: request.query };
    const parsed = parseReportQuery(report, query, { forceId: force ?? actor.forceId, now });
    const filters: AppliedFilters = national ? { ...parsed.filters, force: force ?? 'all' } : parsed.filters;
    const { result, notes } =
      national && force === undefined
        ? await this.acrossForces(report, parsed.params)
        : { result: await report.run(this.context(), parsed.params), notes: undefined };
    // National figures are always suppressed, whatever the unsuppressed roles become.
    const applied = national || suppressionAppliesTo(actor.role);
    const suppressed = applied ? suppress(result.columns, result.rows, { threshold: this.threshold, additive: result.additive }) : undefined;
    const freshness = await readFreshness(this.pool, report.source, now);
    return {
      format: parsed.format,
      response: {
        report: report.name,
        title: report.title,
        filters,
        ...(notes ? { notes } : {}),
        freshness,
        suppression: {
          threshold: this.threshold,
          applied,
          notes: suppressed?.notes ?? [`Not suppressed: the role ${actor.role} sees exact numbers.`],
          cells: suppressed?.cells ?? [],
        },
        columns: result.columns,
        rows: suppressed?.rows ?? [...result.rows],
      },
    };
  }

  /** Every force's figures added up: by the report's own query where it can, else force by force. */
  private async acrossForces(report: ReportDefinition, params: ReportParams): Promise<{ result: ReportResult; notes?: readonly string[] }> {
    const context = this.context();
    if (report.acrossForces === 'query') return { result: await report.run(context, { ...params, allForces: true }) };
    const forces = await forcesWithEvents(this.pool, report.source.categories);
    const results = await Promise.all(forces.map((forceId) => report.run(context, { ...params, forceId })));
    const columns = results[0]?.columns ?? (await report.run(context, { ...params, forceId: NO_FORCE })).columns;
    return mergeForceResults(columns, results);
  }

  private context(): ReportContext {
    const policies = this.traumaPolicies();
    return {
      pool: this.pool,
      exposurePolicy: (forceId: string): ExposurePolicy => policies?.forForce(forceId).exposure ?? DEFAULT_EXPOSURE_POLICY,
    };
  }

  /** The trauma module's per-force policies when it is loaded (the register's threshold), else the defaults. */
  private traumaPolicies(): TraumaPolicies | undefined {
    try {
      return this.moduleRef.get(TraumaPolicies, { strict: false });
    } catch {
      return undefined;
    }
  }
}

/** No force has this id (force ids have no spaces): runs a report for its columns alone. */
const NO_FORCE = '(no force)';

/** A national caller's `?force=` (absent or `all`: every force), taken out of the report's own parameters. */
function nationalScope(query: Readonly<Record<string, unknown>>): { force?: string; query: Readonly<Record<string, unknown>> } {
  const { force, ...rest } = query;
  if (force === undefined || force === 'all') return { query: rest };
  if (typeof force !== 'string' || !FORCE_ID.test(force)) {
    throw invalidParameter('force', 'force must be given once, as a force id (or "all")');
  }
  return { force, query: rest };
}
