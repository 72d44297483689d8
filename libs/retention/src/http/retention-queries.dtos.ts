import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { PagedPeriodQueryDto, PeriodQueryDto } from '@casework/core/http/query.dtos';
import type { Pool } from 'pg';
import type { Actor } from '@casework/platform/http/actor';
import { caseQueue, LEAVER_DIMENSION_NAMES, type LeaverDimension, type QueuePage } from '../read-models/retention.queries';
import { allowed } from './validation';

const VIEWS = ['mine', 'unassigned', 'overdue', 'all'] as const;

export class CaseQueueQueryDto extends PagedPeriodQueryDto {
  @ApiPropertyOptional({ enum: VIEWS, default: 'all', description: 'mine = allocated to the caller' })
  @IsOptional()
  @IsIn(VIEWS, { message: allowed(VIEWS) })
  view: (typeof VIEWS)[number] = 'all';

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  includeClosed?: 'true' | 'false';
}

export class LeaversQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({
    enum: LEAVER_DIMENSION_NAMES,
    isArray: true,
    description: 'Split by these (comma-separated), within each quarter; default reason',
    example: 'reason,employmentType',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value))
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(LEAVER_DIMENSION_NAMES, { each: true, message: allowed(LEAVER_DIMENSION_NAMES) })
  by?: LeaverDimension[];
}

export { PeriodQueryDto };

/** A workflow's queue for the caller, from the query string. */
export function queueFor(
  pool: Pool,
  table: Parameters<typeof caseQueue>[1],
  actor: Actor,
  query: CaseQueueQueryDto,
): Promise<QueuePage> {
  return caseQueue(pool, table, {
    forceId: actor.forceId,
    userId: actor.userId,
    view: query.view,
    includeClosed: query.includeClosed === 'true',
    // Nobody sees their own case in a staff queue.
    excludePersonId: actor.personId ?? null,
    page: query.page,
    pageSize: query.pageSize,
  });
}
