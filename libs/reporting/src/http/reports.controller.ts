import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit } from '@casework/identity/permit.decorator';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { toCsv } from '../csv';
import { ReportsService, type ReportResponse } from '../reports.service';

/**
 * One report API for every aggregate report: GET /reports lists them, GET /reports/{name}
 * runs one for the caller's force. JSON by default; CSV with ?format=csv or
 * `Accept: text/csv`. Multi-segment routes (/reports/trauma/…, /reports/retention/…) are
 * other controllers' and never match `:name`.
 */
@ApiTags('reports')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Permit('reporting.catalogue')
  @ApiOperation({ summary: 'The report catalogue: names, titles, parameters, groupBy dimensions and roles' })
  catalogue(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): ReturnType<ReportsService['catalogue']> {
    res.setHeader('Cache-Control', 'no-store');
    return this.reports.catalogue(actor);
  }

  @Get(':name')
  // The report service also checks the report's own roles (ReportDefinition.roles).
  @Permit('reporting.run')
  @ApiOperation({
    summary: 'Run a report',
    description:
      'Rows plus the filters applied (defaults included), the read model’s freshness (checkpoint time and lag) and ' +
      'small-number suppression (counts 1 to threshold − 1 null for every role but oh_manager and head_of_wellbeing, ' +
      'with secondary suppression so totals do not reveal them). Periods: month (2026-04), quarter (2026-Q2, Jan–Mar = Q1), ' +
      'financial_year (FY2026/27 = 1 Apr 2026 – 31 Mar 2027), all by Europe/London business date. ' +
      'CSV: header row of column names, RFC 4180 quoting, suppressed cells empty.',
  })
  @ApiParam({ name: 'name', example: 'referrals-by-employment-type' })
  @ApiQuery({ name: 'from', required: false, example: '2025-04-01' })
  @ApiQuery({ name: 'to', required: false, example: '2026-03-31' })
  @ApiQuery({ name: 'period', required: false, enum: ['month', 'quarter', 'financial_year'] })
  @ApiQuery({ name: 'groupBy', required: false, description: 'comma-separated dimensions, per report (see GET /reports)' })
  @ApiQuery({ name: 'department', required: false })
  @ApiQuery({ name: 'employmentType', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  async run(
    @Param('name') name: string,
    @Req() req: Request,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportResponse | string> {
    const { response, format } = await this.reports.run({ name, query: req.query as Record<string, unknown>, actor });
    const csv = format ? format === 'csv' : wantsCsv(req);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept');
    res.setHeader('X-Report-Checkpoint-At', response.freshness.checkpointAt ?? '');
    res.setHeader('X-Report-Lag-Seconds', String(response.freshness.lagSeconds));
    res.setHeader('X-Report-Suppressed', String(response.suppression.applied));
    if (!csv) return response;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csvFileName(response)}"`);
    return toCsv(response.columns, response.rows);
  }
}

/** CSV when the client prefers text/csv to JSON (an explicit format= wins over Accept). */
function wantsCsv(req: Request): boolean {
  const accept = req.header('accept');
  if (!accept || !/text\/csv/i.test(accept)) return false;
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** `<name>-<from>-<to>.csv`, leaving out the dates a report does not take. */
export function csvFileName(response: Pick<ReportResponse, 'report' | 'filters'>): string {
  const parts = [response.report, response.filters.from, response.filters.to].filter((p): p is string => typeof p === 'string');
  return `${parts.join('-')}.csv`;
}
