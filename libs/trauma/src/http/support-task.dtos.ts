import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  CONTACT_METHODS,
  OFFER_RESPONSES,
  SUPPORT_OFFERS,
  SUPPORT_TASK_OUTCOMES,
  type ContactMethod,
  type OfferResponse,
  type SupportOffer,
  type SupportTaskOutcome,
} from '../domain/exposure/types';
import { PagedPeriodQueryDto } from './trauma-queries.dtos';
import { PERSON_ID, PERSON_ID_MESSAGE, allowed } from './validation';

export class AssignCoordinatorDto {
  @ApiProperty()
  @Matches(PERSON_ID, { message: PERSON_ID_MESSAGE })
  coordinatorId!: string;
}

export class RecordContactDto {
  @ApiProperty({ enum: CONTACT_METHODS })
  @IsIn(CONTACT_METHODS, { message: allowed(CONTACT_METHODS) })
  method!: ContactMethod;

  @ApiProperty({ description: 'false for an attempt that did not reach the person' })
  @IsBoolean()
  reached!: boolean;

  @ApiPropertyOptional({ description: 'Operational note only: nothing clinical' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RecordOfferDto {
  @ApiProperty({ enum: SUPPORT_OFFERS })
  @IsIn(SUPPORT_OFFERS, { message: allowed(SUPPORT_OFFERS) })
  offer!: SupportOffer;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class OfferResponseDto {
  @ApiProperty({ enum: OFFER_RESPONSES })
  @IsIn(OFFER_RESPONSES, { message: allowed(OFFER_RESPONSES) })
  response!: OfferResponse;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CloseSupportTaskDto {
  @ApiProperty({ enum: SUPPORT_TASK_OUTCOMES })
  @IsIn(SUPPORT_TASK_OUTCOMES, { message: allowed(SUPPORT_TASK_OUTCOMES) })
  outcome!: SupportTaskOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

const TASK_VIEWS = ['mine', 'unassigned', 'overdue', 'all'] as const;

export class SupportTaskQueueDto extends PagedPeriodQueryDto {
  @ApiPropertyOptional({ enum: TASK_VIEWS, default: 'all' })
  @IsOptional()
  @IsIn(TASK_VIEWS, { message: allowed(TASK_VIEWS) })
  view: (typeof TASK_VIEWS)[number] = 'all';

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  includeClosed?: 'true' | 'false';
}

export class RegisterQueryDto extends PagedPeriodQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only people at or above the threshold now' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  aboveThreshold?: 'true' | 'false';
}
