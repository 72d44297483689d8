import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@casework/referral/domain/types';
import {
  AGE_BANDS,
  DISABILITY_STATUSES,
  ETHNICITIES,
  LEAVING_REASONS,
  SEXES,
  type AgeBand,
  type DisabilityStatus,
  type Ethnicity,
  type LeavingReason,
  type Sex,
} from '../domain/exit/types';
import { DATE, DATE_MESSAGE, ISO_INSTANT, ISO_INSTANT_MESSAGE, PERSON_ID, PERSON_ID_MESSAGE, allowed } from './validation';

/** Recorded only where the person chose to give it; every field may be left out. */
export class DemographicsDto {
  @ApiPropertyOptional({ enum: AGE_BANDS }) @IsOptional() @IsIn(AGE_BANDS, { message: allowed(AGE_BANDS) }) ageBand?: AgeBand;
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES, { message: allowed(SEXES) }) sex?: Sex;
  @ApiPropertyOptional({ enum: ETHNICITIES }) @IsOptional() @IsIn(ETHNICITIES, { message: allowed(ETHNICITIES) }) ethnicity?: Ethnicity;
  @ApiPropertyOptional({ enum: DISABILITY_STATUSES })
  @IsOptional()
  @IsIn(DISABILITY_STATUSES, { message: allowed(DISABILITY_STATUSES) })
  disability?: DisabilityStatus;
}

export class NotifyLeavingDto {
  @ApiProperty({ example: 'PC-5521' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ example: 'Robin Shaw' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES, { message: allowed(EMPLOYMENT_TYPES) })
  employmentType!: EmploymentType;

  @ApiProperty({ example: 'Response North' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  lineManagerId?: string;

  @ApiProperty({ example: '2019-04-01' })
  @Matches(DATE, { message: DATE_MESSAGE })
  startDate!: string;

  @ApiPropertyOptional({ type: DemographicsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DemographicsDto)
  demographics?: DemographicsDto;

  @ApiProperty({ example: '2027-01-31' })
  @Matches(DATE, { message: DATE_MESSAGE })
  leavingDate!: string;

  @ApiProperty({ enum: LEAVING_REASONS })
  @IsIn(LEAVING_REASONS, { message: allowed(LEAVING_REASONS) })
  reason!: LeavingReason;

  @ApiProperty({ description: 'The person chose not to speak to their line manager' })
  @IsBoolean()
  optOutOfLineManager!: boolean;
}

export class ExitInterviewerDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  interviewerId!: string;
}

export class ReallocateExitInterviewerDto extends ExitInterviewerDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class ExitSurveyDto {
  @ApiProperty({
    description: 'Answers by question id from the force’s questionnaire (1–5 ratings, yes/no, text)',
    example: { overall_experience: 3, would_recommend: true },
  })
  @IsObject()
  answers!: Record<string, string | number | boolean>;
}

export class OptionalReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ExitInterviewDto {
  @ApiProperty({ example: '2027-01-20T10:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
  heldAt!: string;

  @ApiPropertyOptional({ description: 'Interview notes: kept in the exit record only' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  summary?: string;
}

export class ExitDriversDto {
  @ApiProperty({ type: [String], description: 'Codes from the force’s leaving-driver taxonomy' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(/^[a-z_]{2,60}$/, { each: true, message: 'each of $property must be a driver code' })
  codes!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class LeftDto {
  @ApiPropertyOptional({ description: 'The final leaving date, if it changed', example: '2027-01-31' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  leavingDate?: string;
}

export class RejoinerDto {
  @ApiProperty({ example: '2028-05-01' })
  @Matches(DATE, { message: DATE_MESSAGE })
  rejoinedAt!: string;

  @ApiPropertyOptional({ description: 'Their new person record, if they rejoined under one' })
  @IsOptional()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  newPersonRecordId?: string;
}
