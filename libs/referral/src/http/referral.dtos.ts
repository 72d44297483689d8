import { PageQuery } from '@casework/core/http/query.dtos';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
  IsUUID,
} from 'class-validator';
import { QUEUE_SORTS, QUEUE_VIEWS, SORT_ORDERS, type QueueSort, type QueueView, type SortOrder } from '../read-models/referral-queue.query';
import {
  APPOINTMENT_MODES,
  CLOSE_REASONS,
  EMPLOYMENT_TYPES,
  FITNESS_LEVELS,
  LIMITED_DUTIES_TYPES,
  PRIORITIES,
  RECOMMENDATIONS,
  REFERRAL_CATEGORIES,
  REFERRAL_SOURCES,
  URGENCIES,
  type AppointmentMode,
  type CloseReason,
  type EmploymentType,
  type Fitness,
  type LimitedDutiesType,
  type Priority,
  type Recommendation,
  type ReferralCategory,
  type ReferralSource,
  type Urgency,
} from '../domain/types';
import { OPEN_STATUSES } from '../domain/state';

/**
 * Request bodies, validated at the edge (whitelist, unknown fields refused). Business rules
 * (what may happen in which state) stay in the decider; these check shape and vocabulary.
 */

const PERSON_ID = /^[A-Za-z0-9._@-]{1,100}$/;
const PERSON_ID_MESSAGE = '$property must be 1–100 letters, digits, ".", "_", "@" or "-"';
const allowed = (values: readonly string[]): string => `$property must be one of: ${values.join(', ')}`;

export class SubmitReferralDto {
  @ApiProperty({ description: 'Staff or collar number of the colleague referred', example: 'PC-4471' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  subjectId!: string;

  @ApiProperty({ example: 'Alex Morgan' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subjectName!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES, { message: allowed(EMPLOYMENT_TYPES) })
  employmentType!: EmploymentType;

  @ApiProperty({ example: 'Response, North' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiPropertyOptional({ example: 'Response officer', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiProperty({ enum: REFERRAL_SOURCES })
  @IsIn(REFERRAL_SOURCES, { message: allowed(REFERRAL_SOURCES) })
  source!: ReferralSource;

  @ApiProperty({ enum: REFERRAL_CATEGORIES })
  @IsIn(REFERRAL_CATEGORIES, { message: allowed(REFERRAL_CATEGORIES) })
  category!: ReferralCategory;

  @ApiProperty({ enum: URGENCIES })
  @IsIn(URGENCIES, { message: allowed(URGENCIES) })
  urgency!: Urgency;

  @ApiProperty({ description: 'Why the referral is made (not clinical detail)', example: 'Sickness absence over 28 days' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Who referred, when keying in someone else’s referral; defaults to the caller' })
  @IsOptional()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  referredBy?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  lineManagerId?: string;

  @ApiPropertyOptional({ description: 'A TRiM or welfare case this referral came from (its id)', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'linkedCaseId must be the UUID of a TRiM or welfare case' })
  linkedCaseId?: string;
}

export class TriageReferralDto {
  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES, { message: allowed(PRIORITIES) })
  priority!: Priority;

  @ApiProperty({ example: 'adv-lee' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  advisorId!: string;
}

export class ConsentDto {
  @ApiProperty()
  @IsBoolean()
  consentGiven!: boolean;
}

export class OfferAppointmentDto {
  @ApiProperty({ description: 'ISO 8601 date-time with offset', example: '2026-12-01T10:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/T.*(Z|[+-]\d{2}:\d{2})$/, { message: '$property must include a time and a UTC offset' })
  scheduledFor!: string;

  @ApiProperty({ enum: APPOINTMENT_MODES })
  @IsIn(APPOINTMENT_MODES, { message: allowed(APPOINTMENT_MODES) })
  mode!: AppointmentMode;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  clinicianId?: string;
}

export class AttendanceDto {
  @ApiProperty({ description: 'false records a did-not-attend' })
  @IsBoolean()
  attended!: boolean;
}

export class SmpQuestionsDto {
  @ApiProperty() @IsBoolean() unfitForOrdinaryDuties!: boolean;
  @ApiProperty() @IsBoolean() permanentlyUnfitForOrdinaryDuties!: boolean;
  @ApiProperty() @IsBoolean() unfitForRegularEmployment!: boolean;
  @ApiProperty() @IsBoolean() permanentlyUnfitForRegularEmployment!: boolean;
}

export class RecordOutcomeDto {
  @ApiProperty({ description: 'The attended appointment this assessment followed' })
  @IsString()
  @MaxLength(100)
  appointmentId!: string;

  @ApiProperty({ enum: FITNESS_LEVELS })
  @IsIn(FITNESS_LEVELS, { message: allowed(FITNESS_LEVELS) })
  fitness!: Fitness;

  @ApiPropertyOptional({ enum: LIMITED_DUTIES_TYPES })
  @IsOptional()
  @IsIn(LIMITED_DUTIES_TYPES, { message: allowed(LIMITED_DUTIES_TYPES) })
  limitedDuties?: LimitedDutiesType;

  @ApiProperty({ enum: RECOMMENDATIONS, isArray: true })
  @IsIn(RECOMMENDATIONS, { each: true, message: allowed(RECOMMENDATIONS) })
  @ArrayUnique()
  @ArrayMaxSize(RECOMMENDATIONS.length)
  recommendations!: Recommendation[];

  @ApiPropertyOptional({ type: SmpQuestionsDto, description: 'Police officers considered for ill-health retirement' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SmpQuestionsDto)
  smpQuestions?: SmpQuestionsDto;

  @ApiProperty({ description: 'Clinical notes: kept in the clinical record, never shown outside OH' })
  @IsString()
  @MaxLength(20000)
  clinicalNotes!: string;
}

export class ReleaseReportDto {
  @ApiProperty({ description: 'Who receives the report (e.g. the line manager)', example: 'sgt-patel' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  releasedTo!: string;
}

export class ScheduleReviewDto {
  @ApiProperty({ description: 'Business date (Europe/London)', example: '2027-01-15' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  reviewDate!: string;
}

export class CloseReferralDto {
  @ApiProperty({ enum: CLOSE_REASONS })
  @IsIn(CLOSE_REASONS, { message: allowed(CLOSE_REASONS) })
  reason!: CloseReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReasonDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class ReassignReferralDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  toAdvisorId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

const QUEUE_STATUSES = [...OPEN_STATUSES, 'closed', 'cancelled'] as const;

export class QueueQueryDto extends PageQuery(25, 100) {
  @ApiPropertyOptional({ enum: QUEUE_VIEWS, default: 'all', description: 'mine = assigned to the caller' })
  @IsOptional()
  @IsIn(QUEUE_VIEWS, { message: allowed(QUEUE_VIEWS) })
  view: QueueView = 'all';

  @ApiPropertyOptional({ enum: QUEUE_STATUSES })
  @IsOptional()
  @IsIn(QUEUE_STATUSES, { message: allowed(QUEUE_STATUSES) })
  status?: string;

  @ApiPropertyOptional({ enum: URGENCIES })
  @IsOptional()
  @IsIn(URGENCIES, { message: allowed(URGENCIES) })
  urgency?: string;

  @ApiPropertyOptional({ enum: REFERRAL_CATEGORIES })
  @IsOptional()
  @IsIn(REFERRAL_CATEGORIES, { message: allowed(REFERRAL_CATEGORIES) })
  category?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES, { message: allowed(EMPLOYMENT_TYPES) })
  employmentType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  advisorId?: string;

  @ApiPropertyOptional({ description: 'Include closed and cancelled referrals', default: false })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  includeClosed?: 'true' | 'false';

  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'due', description: 'Sorts the whole queue; due = urgent first, then priority, then the next deadline' })
  @IsOptional()
  @IsIn(QUEUE_SORTS, { message: allowed(QUEUE_SORTS) })
  sort: QueueSort = 'due';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_ORDERS, { message: allowed(SORT_ORDERS) })
  order: SortOrder = 'asc';
}
