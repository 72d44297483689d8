import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '@casework/core/http/query.dtos';

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

/** GET /personal-data/erasures: paging only. */
export class ErasurePageQueryDto extends PageQuery(25, 100) {}
