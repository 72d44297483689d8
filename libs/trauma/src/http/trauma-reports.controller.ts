import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { Permit } from '@casework/identity/permit.decorator';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { PG_POOL } from '@casework/platform/tokens';
import { assertTraumaPermission } from '../application/trauma-access';
import { TraumaPolicies } from '../application/trauma-policies';
import { exposureRegisterByDepartment, type RegisterByDepartment } from '../read-models/exposure.queries';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { DateTime } from 'luxon';
import { estipFunnel, trimActivity, type FunnelRow, type TrimActivityRow } from '../read-models/trauma.queries';
import { PeriodQueryDto } from './trauma-queries.dtos';

/**
 * Aggregate trauma reports with exact figures, for the staff who work the cases. HR and
 * the People board read the same reports through /reports/{name}, where small numbers
 * are suppressed.
 */
@ApiTags('reports')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@Controller('reports/trauma')
export class TraumaReportsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly policies: TraumaPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('estip-funnel')
  @Permit('trauma.exactReports')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'ESTIP funnel per incident type and department',
    description: 'People exposed → demobilised → defused → ESTIM → TRiM offered → TRiM activated → OH referral.',
  })
  async funnel(@Query() query: PeriodQueryDto, @CurrentActor() actor: Actor): Promise<{ rows: FunnelRow[] }> {
    assertTraumaPermission(actor.role, 'exactReports');
    return { rows: await estipFunnel(this.pool, { forceId: actor.forceId, from: query.from, to: query.to }) };
  }

  @Get('repeat-exposure')
  @Permit('trauma.exactReports')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The repeat-exposure register by department: people exposed and people at or above the threshold' })
  async repeatExposure(@Query() query: PeriodQueryDto, @CurrentActor() actor: Actor): Promise<{ rows: RegisterByDepartment[] }> {
    assertTraumaPermission(actor.role, 'exactReports');
    const asOf = query.to ? DateTime.fromISO(query.to, { zone: 'Europe/London' }).endOf('day').toJSDate() : this.clock.now();
    const policy = this.policies.forForce(actor.forceId).exposure;
    return { rows: await exposureRegisterByDepartment(this.pool, { forceId: actor.forceId, asOf, policy }) };
  }

  @Get('trim-activity')
  @Permit('trauma.exactReports')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'TRiM activations by month, department and outcome, with median hours to first contact' })
  async activity(@Query() query: PeriodQueryDto, @CurrentActor() actor: Actor): Promise<{ rows: TrimActivityRow[] }> {
    assertTraumaPermission(actor.role, 'exactReports');
    return { rows: await trimActivity(this.pool, { forceId: actor.forceId, from: query.from, to: query.to }) };
  }
}
