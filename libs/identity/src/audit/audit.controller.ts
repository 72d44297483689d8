import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@casework/core/http/query.dtos';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../actor';
import { Permit } from '../permit.decorator';
import type { AuditPage, AuditTrail } from './audit-trail';
import { AUDIT_TRAIL } from './audit.interceptor';

export class AuditQueryDto extends PageQuery(50, 200) {
  @ApiPropertyOptional({ description: 'From this instant (ISO 8601), inclusive', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (ISO 8601)', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Only this user' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@:|/-]{1,200}$/, { message: 'userId must be a user id' })
  userId?: string;

  @ApiPropertyOptional({ description: 'Only this case (or other record) id' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,200}$/, { message: 'resourceId must be a record id' })
  resourceId?: string;

  @ApiPropertyOptional({ description: 'Only this kind of record, e.g. referrals, trim, welfare-cases' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,100}$/, { message: 'resource must be a route segment such as referrals' })
  resource?: string;

  @ApiPropertyOptional({ enum: ['read', 'export', 'change', 'denied'] })
  @IsOptional()
  @IsIn(['read', 'export', 'change', 'denied'])
  action?: 'read' | 'export' | 'change' | 'denied';

}

/** The force's audit trail, for its administrators. There is no route that changes it. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AUDIT_TRAIL) private readonly trail: AuditTrail) {}

  @Get()
  @Permit('audit.read')
  @ApiOperation({ summary: "Who read or changed what, when and why, in the caller's force (newest first)" })
  list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<AuditPage> {
    res.setHeader('Cache-Control', 'no-store');
    return this.trail.query(actor.forceId, query);
  }
}
