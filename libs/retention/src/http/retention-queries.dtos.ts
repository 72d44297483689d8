import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EMPLOYMENT_TYPES } from '@casework/referral/domain/types';
import { PagedPeriodQueryDto, PeriodQueryDto } from '@casework/core/http/query.dtos';
import type { Pool } from 'pg';
import type { Actor } from '@casework/platform/http/actor';
import {
  caseQueue,
  LEAVER_DIMENSION_NAMES,
  QUEUE_SORTS,
  SORT_ORDERS,
  type LeaverDimension,
  type QueuePage,
  type QueueSort,
  type SortOrder,
} from '../read-models/retention.queries';
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

  @ApiPropertyOptional({ description: 'Exact department' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES, { message: allowed(EMPLOYMENT_TYPES) })
  employmentType?: string;

  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'due', description: 'Sorts the whole queue; due = overdue first, then the next deadline' })
  @IsOptional()
  @IsIn(QUEUE_SORTS, { message: allowed(QUEUE_SORTS) })
  sort: QueueSort = 'due';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_ORDERS, { message: allowed(SORT_ORDERS) })
  order: SortOrder = 'asc';
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
    department: query.department,
    employmentType: query.employmentType,
    sort: query.sort,
    order: query.order,
    page: query.page,
    pageSize: query.pageSize,
  });
}
