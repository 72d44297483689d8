import { PageQuery } from '@casework/core/http/query.dtos';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  SCREENING_LEVELS,
  SCREENING_PROVIDERS,
  SCREENING_RESULTS,
  type ScreeningLevel,
  type ScreeningProvider,
  type ScreeningResult,
} from '../domain/surveillance/types';
import { ISO_INSTANT, ISO_INSTANT_MESSAGE, PERSON_ID, PERSON_ID_MESSAGE, allowed } from './validation';

const LEVELS: readonly number[] = SCREENING_LEVELS;
const LEVEL_MESSAGE = `$property must be one of: ${SCREENING_LEVELS.join(', ')}`;

export class EnrolInSurveillanceDto {
  @ApiProperty({ example: 'PC-4471', description: 'Staff number; the record’s id is derived from it' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ example: 'Alex Morgan' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  personName!: string;

  @ApiProperty({ example: 'Child Protection' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiProperty({ example: 'Online child abuse investigator' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  role!: string;

  @ApiProperty({ enum: SCREENING_LEVELS, description: '1: twice a year; 2: yearly, external; 3: yearly, internal' })
  @IsIn(LEVELS, { message: LEVEL_MESSAGE })
  level!: ScreeningLevel;

  @ApiPropertyOptional({ example: '2026-03-02T09:00:00Z', description: 'When the person took up the role; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
  enrolledAt?: string;
}

export class RecordScreeningDto {
  @ApiProperty({ example: '2026-03-02T14:00:00Z', description: 'When the screening took place (not in the future)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
  completedAt!: string;

  @ApiProperty({ enum: SCREENING_PROVIDERS })
  @IsIn(SCREENING_PROVIDERS, { message: allowed(SCREENING_PROVIDERS) })
  provider!: ScreeningProvider;

  @ApiProperty({ enum: SCREENING_RESULTS, description: 'The only part of the result the record keeps' })
  @IsIn(SCREENING_RESULTS, { message: allowed(SCREENING_RESULTS) })
  result!: ScreeningResult;
}

export class ChangeSurveillanceRoleDto {
  @ApiProperty({ example: 'Firearms officer' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  role!: string;

  @ApiProperty({ enum: SCREENING_LEVELS, nullable: true, description: 'null when the new role needs no screening' })
  @ValidateIf((o: ChangeSurveillanceRoleDto) => o.level !== null)
  @IsIn(LEVELS, { message: `${LEVEL_MESSAGE}, or null when the role needs no screening` })
  level!: ScreeningLevel | null;
}

const LIST_STATUSES = ['active', 'enrolled', 'not_required', 'left', 'all'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SurveillanceListQueryDto extends PageQuery(25, 100) {
  @ApiPropertyOptional({ enum: SCREENING_LEVELS })
  @IsOptional()
  @Type(() => Number)
  @IsIn(LEVELS, { message: LEVEL_MESSAGE })
  level?: ScreeningLevel;

  @ApiPropertyOptional({ enum: LIST_STATUSES, default: 'active', description: 'active: everyone still on the register' })
  @IsOptional()
  @IsIn(LIST_STATUSES, { message: allowed(LIST_STATUSES) })
  status: (typeof LIST_STATUSES)[number] = 'active';

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ example: '2026-06-01', description: 'Screenings due before this date (Europe/London)' })
  @IsOptional()
  @Matches(DATE, { message: '$property must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real date as YYYY-MM-DD' })
  dueBefore?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

}
