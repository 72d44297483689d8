import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@casework/referral/domain/types';
import { INTENTS_TO_LEAVE, STAY_OUTCOMES, STAY_REQUEST_SOURCES, type IntentToLeave, type StayOutcome, type StayRequestSource } from '../domain/stay/types';
import { DATE, DATE_MESSAGE, ISO_INSTANT, ISO_INSTANT_MESSAGE, PERSON_ID, PERSON_ID_MESSAGE, allowed } from './validation';

export class RequestStayInterviewDto {
  @ApiProperty({ example: 'PC-2231' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ example: 'Chris Lane' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  personName!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES, { message: allowed(EMPLOYMENT_TYPES) })
  employmentType!: EmploymentType;

  @ApiProperty({ example: 'Response South' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiProperty({ description: 'Their line manager, who may not interview them' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  lineManagerId!: string;

  @ApiProperty({ example: '2023-09-04', description: 'Start of service (YYYY-MM-DD)' })
  @Matches(DATE, { message: DATE_MESSAGE })
  startDate!: string;

  @ApiProperty({ description: 'Student officer (e.g. PCDA/DHEP) rather than substantive' })
  @IsBoolean()
  isStudentOfficer!: boolean;

  @ApiProperty({ enum: STAY_REQUEST_SOURCES })
  @IsIn(STAY_REQUEST_SOURCES, { message: allowed(STAY_REQUEST_SOURCES) })
  source!: StayRequestSource;

  @ApiProperty({ example: 'Shift pattern and childcare' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  concerns!: string;

  @ApiProperty({ enum: INTENTS_TO_LEAVE })
  @IsIn(INTENTS_TO_LEAVE, { message: allowed(INTENTS_TO_LEAVE) })
  intentToLeave!: IntentToLeave;
}

export class InterviewerDto {
  @ApiProperty({ description: 'A member of the retention team' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  interviewerId!: string;
}

export class ReassignInterviewerDto extends InterviewerDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class RecordStayInterviewDto {
  @ApiProperty({ example: '2026-11-20T10:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
  heldAt!: string;

  @ApiProperty({ type: [String], description: 'Codes from the force’s theme taxonomy' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(/^[a-z_]{2,60}$/, { each: true, message: 'each of $property must be a theme code' })
  themes!: string[];

  @ApiProperty({ enum: INTENTS_TO_LEAVE })
  @IsIn(INTENTS_TO_LEAVE, { message: allowed(INTENTS_TO_LEAVE) })
  intentToLeave!: IntentToLeave;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  recommendations!: string[];
}

export class ActionDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  description!: string;

  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  ownerId!: string;

  @ApiProperty({ example: '2026-12-15' })
  @Matches(DATE, { message: DATE_MESSAGE })
  dueDate!: string;
}

export class AgreeActionsDto {
  @ApiProperty({ type: [ActionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions!: ActionDto[];
}

export class FollowUpDto {
  @ApiProperty({ example: '2027-01-10T10:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
  heldAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class StayOutcomeDto {
  @ApiProperty({ enum: STAY_OUTCOMES })
  @IsIn(STAY_OUTCOMES, { message: allowed(STAY_OUTCOMES) })
  outcome!: StayOutcome;

  @ApiPropertyOptional({ description: 'Required when they left', example: '2027-03-31' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  leavingDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
