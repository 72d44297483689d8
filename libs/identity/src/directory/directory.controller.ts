import { PageQuery } from '@casework/core/http/query.dtos';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CurrentActor, type Actor } from '../actor';
import { Permit } from '../permit.decorator';
import { ALL_ROLES } from '../roles';
import type { StaffDirectory, StaffPage } from './staff-directory';

export const STAFF_DIRECTORY = Symbol('STAFF_DIRECTORY');

export class DirectoryQueryDto extends PageQuery(50, 200) {
  @ApiPropertyOptional({ enum: ALL_ROLES, description: 'Only people who sign in in this role' })
  @IsOptional()
  @IsIn(ALL_ROLES)
  role?: string;

  @ApiPropertyOptional({ description: 'Part of a name or user id' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N} .'@_-]{1,100}$/u, { message: "q must be 1–100 letters, digits, spaces or . ' @ _ -" })
  q?: string;

}

/** Staff of the caller's force by role, for allocation pickers. */
@ApiTags('sign-in')
@Controller('directory')
export class DirectoryController {
  constructor(@Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory) {}

  @Get()
  @Permit('self.directory')
  @ApiOperation({ summary: "People of the caller's force who sign in in a role (for 'allocate to' pickers)" })
  list(@Query() query: DirectoryQueryDto, @CurrentActor() actor: Actor): Promise<StaffPage> {
    return this.directory.list(actor.forceId, { role: query.role, search: query.q, page: query.page, pageSize: query.pageSize });
  }
}
