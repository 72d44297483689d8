import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DEFUSION_FORMATS,
  DEMOBILISATION_LEADS,
  ESTIP_STAGES,
  EXPOSURE_ROLES,
  MONITORING_OUTCOMES,
  SUPPORT_PATHWAYS,
  type DefusionFormat,
  type DemobilisationLead,
  type EstipStage,
  type ExposureRole,
  type MonitoringOutcome,
  type SupportPathway,
} from '../domain/incident/types';
import { ISO_INSTANT, ISO_INSTANT_MESSAGE, PERSON_ID, PERSON_ID_MESSAGE, PERSON_IDS_MESSAGE, allowed } from './validation';

const MAX_PEOPLE = 500;

export class ExposedColleagueDto {
  @ApiProperty({ example: 'PC-4471' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ example: 'Alex Morgan' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Roads Policing' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiPropertyOptional({ example: 'Roads Policing Officer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiProperty({ enum: EXPOSURE_ROLES })
  @IsIn(EXPOSURE_ROLES, { message: allowed(EXPOSURE_ROLES) })
  exposureRole!: ExposureRole;
}

export class RecordIncidentDto {
  @ApiProperty({ description: 'A code from the force’s incident taxonomy', example: 'fatal_road_collision' })
  @Matches(/^[a-z0-9_]{2,60}$/, { message: '$property must be a taxonomy code (lower-case letters, digits, _)' })
  type!: string;

  @ApiProperty({ example: '2026-11-20T02:30:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
  occurredAt!: string;

  @ApiProperty({ example: 'A38, Bromsgrove' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  location!: string;

  @ApiProperty({ example: 'Roads Policing' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiProperty({ description: 'Operational summary only: no health information', example: 'Two-vehicle collision, one fatality' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  summary!: string;

  @ApiPropertyOptional({ description: 'Who recorded it, when keying in someone else’s record' })
  @IsOptional()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  recordedBy?: string;

  @ApiProperty({ type: [ExposedColleagueDto] })
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ValidateNested({ each: true })
  @Type(() => ExposedColleagueDto)
  exposedColleagues!: ExposedColleagueDto[];
}

export class RemoveExposedColleagueDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

class PeopleDto {
  @ApiProperty({ type: [String], description: 'Person ids of exposed colleagues' })
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ArrayUnique()
  @Matches(PERSON_ID, { each: true, message: PERSON_IDS_MESSAGE })
  attendees!: string[];
}

export class DemobilisationLeadDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ enum: DEMOBILISATION_LEADS })
  @IsIn(DEMOBILISATION_LEADS, { message: allowed(DEMOBILISATION_LEADS) })
  lead!: DemobilisationLead;
}

export class RecordDemobilisationDto extends PeopleDto {
  @ApiProperty({ type: DemobilisationLeadDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DemobilisationLeadDto)
  ledBy!: DemobilisationLeadDto;

  @ApiProperty()
  @IsBoolean()
  defusionNeeded!: boolean;
}

export class RecordDefusionDto extends PeopleDto {
  @ApiProperty({ enum: DEFUSION_FORMATS })
  @IsIn(DEFUSION_FORMATS, { message: allowed(DEFUSION_FORMATS) })
  format!: DefusionFormat;

  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  peerDefuserId!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayUnique()
  @Matches(PERSON_ID, { each: true, message: PERSON_IDS_MESSAGE })
  needingMoreSupport!: string[];
}

export class SupportReferralDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ enum: SUPPORT_PATHWAYS })
  @IsIn(SUPPORT_PATHWAYS, { message: allowed(SUPPORT_PATHWAYS) })
  pathway!: SupportPathway;
}

export class RecordEstimDto extends PeopleDto {
  @ApiProperty()
  @IsBoolean()
  includesOh!: boolean;

  @ApiProperty({ type: [SupportReferralDto] })
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ValidateNested({ each: true })
  @Type(() => SupportReferralDto)
  referredOn!: SupportReferralDto[];
}

export class StartMonitoringDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ArrayUnique()
  @Matches(PERSON_ID, { each: true, message: PERSON_IDS_MESSAGE })
  monitored!: string[];
}

export class ConcludeMonitoringDto {
  @ApiProperty({ enum: MONITORING_OUTCOMES })
  @IsIn(MONITORING_OUTCOMES, { message: allowed(MONITORING_OUTCOMES) })
  outcome!: MonitoringOutcome;

  @ApiProperty({ type: [SupportReferralDto] })
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ValidateNested({ each: true })
  @Type(() => SupportReferralDto)
  referredOn!: SupportReferralDto[];
}

export class SkipStageDto {
  @ApiProperty({ enum: ESTIP_STAGES })
  @IsIn(ESTIP_STAGES, { message: allowed(ESTIP_STAGES) })
  stage!: EstipStage;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class TrimPlanningDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  chairedBy!: string;

  @ApiProperty({ type: [String], description: 'Exposed colleagues offered a TRiM risk assessment' })
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ArrayUnique()
  @Matches(PERSON_ID, { each: true, message: PERSON_IDS_MESSAGE })
  offeredRiskAssessment!: string[];
}

/** A reason alone (close, waive, remove…): the shared shape. */
export { ReasonDto as TraumaReasonDto } from '@casework/core/http/reason.dto';
