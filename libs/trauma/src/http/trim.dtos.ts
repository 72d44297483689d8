import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@casework/referral/domain/types';
import {
  ASSESSMENT_KINDS,
  TRIM_CLOSE_OUTCOMES,
  TRIM_DECLINE_STAGES,
  TRIM_SOURCES,
  type AssessmentKind,
  type TrimCloseOutcome,
  type TrimDeclineStage,
  type TrimSource,
} from '../domain/trim/types';
import { ISO_INSTANT, ISO_INSTANT_MESSAGE, PERSON_ID, PERSON_ID_MESSAGE, allowed } from './validation';

export class ActivateTrimDto {
  @ApiProperty({ example: 'PC-4471' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ example: 'Alex Morgan' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  personName!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES, { message: allowed(EMPLOYMENT_TYPES) })
  employmentType!: EmploymentType;

  @ApiProperty({ example: 'Roads Policing' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiProperty({ enum: TRIM_SOURCES })
  @IsIn(TRIM_SOURCES, { message: allowed(TRIM_SOURCES) })
  source!: TrimSource;

  @ApiPropertyOptional({ description: 'Required when source is incident' })
  @ValidateIf((o: ActivateTrimDto) => o.source === 'incident' || o.incidentId !== undefined)
  @IsUUID('all', { message: '$property must be the incident’s id (a UUID)' })
  incidentId?: string;
}

export class AllocatePractitionerDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  practitionerId!: string;
}

export class ReallocatePractitionerDto extends AllocatePractitionerDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class TraumaBriefDto {
  @ApiProperty({ example: '2026-11-20T15:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
  deliveredAt!: string;
}

const SCORE = [0, 1];
const SCORE_MESSAGE = '$property must be scored 0 (absent) or 1 (present)';

/** The ten TRiM risk items, each 0 or 1 (keys as in TRIM_RISK_ITEMS). */
export class TrimRiskScoresDto {
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) felt_out_of_control!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) life_threatened!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) blames_others!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) shame_or_guilt!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) historic_trauma_problems!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) lacks_social_support!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) day_to_day_functioning_problems!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) excessive_alcohol_use!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) acute_stress_symptoms!: 0 | 1;
  @ApiProperty({ enum: SCORE }) @IsIn(SCORE, { message: SCORE_MESSAGE }) avoidance!: 0 | 1;
}

export class RiskAssessmentDto {
  @ApiProperty({ enum: ASSESSMENT_KINDS })
  @IsIn(ASSESSMENT_KINDS, { message: allowed(ASSESSMENT_KINDS) })
  kind!: AssessmentKind;

  @ApiProperty({ type: TrimRiskScoresDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TrimRiskScoresDto)
  scores!: TrimRiskScoresDto;

  @ApiProperty({ description: 'Confidential to TRiM staff' })
  @IsString()
  @MaxLength(20000)
  notes!: string;

  @ApiProperty({ description: 'The practitioner asks for an OH referral whatever the score' })
  @IsBoolean()
  practitionerRequestedReferral!: boolean;
}

export class CloseTrimDto {
  @ApiProperty({ enum: TRIM_CLOSE_OUTCOMES })
  @IsIn(TRIM_CLOSE_OUTCOMES, { message: allowed(TRIM_CLOSE_OUTCOMES) })
  outcome!: TrimCloseOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DeclineTrimDto {
  @ApiProperty({ enum: TRIM_DECLINE_STAGES })
  @IsIn(TRIM_DECLINE_STAGES, { message: allowed(TRIM_DECLINE_STAGES) })
  stage!: TrimDeclineStage;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
