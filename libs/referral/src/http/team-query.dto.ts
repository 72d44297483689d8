import { PageQuery } from '@casework/core/http/query.dtos';
import { ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsOptional } from 'class-validator';

/** GET /referrals/team: a line manager's referrals, paged. */
export class TeamQueryDto extends PageQuery(25, 100) {
  @ApiPropertyOptional({ description: 'Only referrals still open', default: false })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  open?: 'true' | 'false';

}
