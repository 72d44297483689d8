import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@casework/referral/domain/types';
import { CONTACT_TYPES, INVESTIGATION_KINDS, SIGNPOSTS, type ContactType, type InvestigationKind, type Signpost } from '../domain/welfare/types';
import { ISO_INSTANT, ISO_INSTANT_MESSAGE, PERSON_ID, PERSON_ID_MESSAGE, allowed } from './validation';

const instant = (): PropertyDecorator[] => [
  IsISO8601({ strict: true, strictSeparator: true }),
  Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE }),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

export class OpenWelfareCaseDto {
  @ApiProperty({ example: 'PC-3120' })
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  personId!: string;

  @ApiProperty({ example: 'Jamie Cole' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES, { message: allowed(EMPLOYMENT_TYPES) })
  employmentType!: EmploymentType;

  @ApiProperty({ example: 'Custody' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;

  @ApiProperty({ enum: INVESTIGATION_KINDS })
  @IsIn(INVESTIGATION_KINDS, { message: allowed(INVESTIGATION_KINDS) })
  kind!: InvestigationKind;

  @ApiProperty({ example: 'PSD/2026/0142' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference!: string;

  @ApiProperty({ example: '2026-11-01T09:00:00Z' })
  @apply(instant())
  startedAt!: string;

  @ApiProperty()
  @IsBoolean()
  suspended!: boolean;
}

export class WloDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  wloId!: string;
}

export class ReassignWloDto extends WloDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class WelfareContactDto {
  @ApiProperty({ example: '2026-11-20T14:00:00Z' })
  @apply(instant())
  contactedAt!: string;

  @ApiProperty({ enum: CONTACT_TYPES })
  @IsIn(CONTACT_TYPES, { message: allowed(CONTACT_TYPES) })
  type!: ContactType;

  @ApiPropertyOptional({ description: 'Welfare concerns raised (not clinical, no legal advice)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  concerns?: string;

  @ApiProperty({ enum: SIGNPOSTS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SIGNPOSTS.length)
  @IsIn(SIGNPOSTS, { each: true, message: allowed(SIGNPOSTS) })
  signposting!: Signpost[];
}

export class SickLeaveStartedDto {
  @ApiProperty({ example: '2026-11-18T08:00:00Z' })
  @apply(instant())
  startedAt!: string;
}

export class SickLeaveEndedDto {
  @ApiProperty({ example: '2026-12-02T08:00:00Z' })
  @apply(instant())
  endedAt!: string;
}

export class ProgressReportDto {
  @ApiProperty({ example: '2027-10-30T12:00:00Z' })
  @apply(instant())
  reportedAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class InvestigationConcludedDto {
  @ApiProperty({ example: 'No case to answer' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  outcome!: string;

  @ApiProperty({ example: '2027-02-01T12:00:00Z' })
  @apply(instant())
  concludedAt!: string;
}

export class CloseWelfareCaseDto {
  @ApiProperty({ description: 'How support continues after the case closes' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  exitPlan!: string;

  @ApiProperty({ example: '2027-02-10T12:00:00Z' })
  @apply(instant())
  debriefHeldAt!: string;
}
