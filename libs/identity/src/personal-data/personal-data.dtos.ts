import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ErasureRequestDto {
  @ApiProperty({ description: 'Staff number or person id of the colleague to erase', example: 'P-1234', maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'personId must be 1–100 letters, digits, ".", "_", "@" or "-" (a staff number)' })
  @MinLength(1)
  @MaxLength(100)
  personId!: string;

  @ApiProperty({
    description: 'Why (e.g. the request reference). Stored with the erasure: do not write the person\'s name here.',
    minLength: 3,
    maxLength: 500,
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class ErasurePageQueryDto {
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
