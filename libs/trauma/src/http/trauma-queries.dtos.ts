import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { allowed } from './validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';

/** A period of business dates (Europe/London), both ends inclusive. */
export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  to?: string;
}

export class PagedPeriodQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 25;
}

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

export class TrimQueueQueryDto extends PagedPeriodQueryDto {
  @ApiPropertyOptional({ enum: TRIM_VIEWS, default: 'all' })
  @IsOptional()
  @IsIn(TRIM_VIEWS, { message: allowed(TRIM_VIEWS) })
  view: (typeof TRIM_VIEWS)[number] = 'all';

  @ApiPropertyOptional({ description: 'Include closed and declined activations', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  includeEnded?: 'true' | 'false';
}
