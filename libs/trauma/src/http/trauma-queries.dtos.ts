import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { QUEUE_SORTS, SORT_ORDERS, type QueueSort, type SortOrder } from '../read-models/trauma.queries';
import { allowed } from './validation';

export { PagedPeriodQueryDto, PeriodQueryDto } from '@casework/core/http/query.dtos';
import { PagedPeriodQueryDto } from '@casework/core/http/query.dtos';

const INCIDENT_STATUSES = ['open', 'closed'] as const;

export class IncidentListQueryDto extends PagedPeriodQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES, { message: allowed(INCIDENT_STATUSES) })
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  overdue?: 'true' | 'false';
}

const TRIM_VIEWS = ['mine', 'unallocated', 'overdue', 'all'] as const;

class TrimQueueBase extends PagedPeriodQueryDto {
  @ApiPropertyOptional({ enum: TRIM_VIEWS, default: 'all' })
  @IsOptional()
  @IsIn(TRIM_VIEWS, { message: allowed(TRIM_VIEWS) })
  view: (typeof TRIM_VIEWS)[number] = 'all';

  @ApiPropertyOptional({ description: 'Include closed and declined activations', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  includeEnded?: 'true' | 'false';
}

/* eslint-disable @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern requires `...args: any[]` constructors */
/** A staff queue's sort (`sort`, `order`) and department filter, added to its own query. */
export function SortedQueue<Base extends new (...args: any[]) => object>(base: Base) {
  class Sorted extends base {
    @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'due', description: 'Sorts the whole queue; due = overdue first, then the next deadline' })
    @IsOptional()
    @IsIn(QUEUE_SORTS, { message: allowed(QUEUE_SORTS) })
    sort: QueueSort = 'due';

    @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
    @IsOptional()
    @IsIn(SORT_ORDERS, { message: allowed(SORT_ORDERS) })
    order: SortOrder = 'asc';

    @ApiPropertyOptional({ description: 'Exact department' })
    @IsOptional()
    @IsString()
    @MaxLength(200)
    department?: string;
  }
  return Sorted;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The TRiM queue's query (trim_activations has no employment type to filter by). */
export class TrimQueueQueryDto extends SortedQueue(TrimQueueBase) {}
