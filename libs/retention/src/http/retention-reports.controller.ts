import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { Permit } from '@casework/identity/permit.decorator';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { PG_POOL } from '@casework/platform/tokens';
import { assertRetentionPermission } from '../application/retention-access';
import {
  interviewThemes,
  leaversReport,
  retentionAfterInterview,
  wloCompliance,
  type ComplianceRow,
  type LeaverRow,
  type RetentionRow,
  type ThemeRow,
} from '../read-models/retention.queries';
import { LeaversQueryDto, PeriodQueryDto } from './retention-queries.dtos';

/**
 * Retention reports with exact figures, for the retention team and the head of wellbeing.
 * HR and the People board read the same reports through /reports/{name}, where small
 * numbers are suppressed.
 */
@ApiTags('reports')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@Controller('reports/retention')
export class RetentionReportsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get('leavers')
  @Permit('retention.exactReports')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Leavers by quarter, split by up to four of: reason, employmentType, department, lengthOfService, ageBand, sex, ethnicity, disability',
    description: 'Each row gives the group’s count and its share of that quarter’s leavers (percent, one decimal place).',
  })
  async leavers(@Query() query: LeaversQueryDto, @CurrentActor() actor: Actor): Promise<{ rows: LeaverRow[] }> {
    assertRetentionPermission(actor.role, 'exactReports');
    return { rows: await leaversReport(this.pool, { forceId: actor.forceId, by: query.by ?? ['reason'], from: query.from, to: query.to }) };
  }

  @Get('themes')
  @Permit('retention.exactReports')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Stay-interview themes and exit drivers by quarter' })
  async themes(@Query() query: PeriodQueryDto, @CurrentActor() actor: Actor): Promise<{ rows: ThemeRow[] }> {
    assertRetentionPermission(actor.role, 'exactReports');
    return { rows: await interviewThemes(this.pool, { forceId: actor.forceId, from: query.from, to: query.to }) };
  }

  @Get('retention-rate')
  @Permit('retention.exactReports')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Retention after a stay interview (student vs substantive) and after an exit interview (resignations withdrawn)' })
  async retention(@Query() query: PeriodQueryDto, @CurrentActor() actor: Actor): Promise<{ rows: RetentionRow[] }> {
    assertRetentionPermission(actor.role, 'exactReports');
    return { rows: await retentionAfterInterview(this.pool, { forceId: actor.forceId, from: query.from, to: query.to }) };
  }

  @Get('wlo-compliance')
  @Permit('retention.exactReports')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Welfare-liaison contact compliance: % of cases with every contact on time' })
  async compliance(@CurrentActor() actor: Actor): Promise<{ rows: ComplianceRow[] }> {
    assertRetentionPermission(actor.role, 'exactReports');
    return { rows: await wloCompliance(this.pool, { forceId: actor.forceId }) };
  }
}
