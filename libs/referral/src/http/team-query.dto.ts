import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** GET /referrals/team: a line manager's referrals, paged. */
export class TeamQueryDto {
  @ApiPropertyOptional({ description: 'Only referrals still open', default: false })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  open?: 'true' | 'false';

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
