import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
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
