import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { Permit } from '@casework/identity/permit.decorator';
import { UuidParam } from '@casework/core/http/uuid-param.pipe';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { CommandMeta, type CommandHeaders } from '@casework/platform/http/command-headers';
import { PG_POOL } from '@casework/platform/tokens';
import { CaseController, CasePermissions } from '@casework/platform/cases/case.controller';
import { CaseSender, type CaseView } from '@casework/platform/cases/case-sender';
import { assertTraumaPermission } from '../application/trauma-access';
import { TraumaPolicies } from '../application/trauma-policies';
import type { SupportTaskCommand } from '../domain/exposure/commands';
import { SUPPORT_TASK_STREAM_CATEGORY } from '../domain/exposure/events';
import { exposureRegister, supportTaskQueue, type RegisterEntry, type SupportTaskItem } from '../read-models/exposure.queries';
import type { Page } from '../read-models/trauma.queries';
import {
  AssignCoordinatorDto,
  CloseSupportTaskDto,
  OfferResponseDto,
  RecordContactDto,
  RecordOfferDto,
  RegisterQueryDto,
  SupportTaskQueueDto,
} from './support-task.dtos';
import { SortedQueue } from './trauma-queries.dtos';

const CATEGORY = SUPPORT_TASK_STREAM_CATEGORY;

/**
 * The queue's query with sort, order and department (support_tasks has no employment type
 * to filter by). Built here: support-task.dtos already imports trauma-queries.dtos.
 */
class SupportTaskQueueQueryDto extends SortedQueue(SupportTaskQueueDto) {}

/**
 * The wellbeing coordinator's work: the repeat-exposure register, and the proactive-support
 * tasks raised when someone crosses its threshold (contacted, offer made, accepted or
 * declined, closed).
 */
@ApiTags('repeat exposure')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@CasePermissions({ read: 'trauma.exposure', waive: 'trauma.exposure' })
@Controller('support-tasks')
export class SupportTasksController extends CaseController<SupportTaskCommand> {
  constructor(
    sender: CaseSender,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    const exposure = (role: string): void => assertTraumaPermission(role, 'exposure');
    super(sender, CATEGORY, { read: exposure, waive: exposure });
  }

  @Get('queue')
  @Permit('trauma.exposure')
  @ApiOperation({ summary: 'Proactive-support tasks, overdue first' })
  async queue(@Query() query: SupportTaskQueueQueryDto, @CurrentActor() actor: Actor): Promise<Page<SupportTaskItem>> {
    assertTraumaPermission(actor.role, 'exposure');
    return supportTaskQueue(this.pool, {
      forceId: actor.forceId,
      userId: actor.userId,
      view: query.view,
      includeClosed: query.includeClosed === 'true',
      // Nobody sees their own case in a staff queue.
      excludePersonId: actor.personId ?? null,
      department: query.department,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Post(':id/coordinator')
  @Permit('trauma.exposure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign (or hand over to) a coordinator' })
  assign(@Param('id', UuidParam) id: string, @Body() body: AssignCoordinatorDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'exposure'), id, a, m, res, (e) => this.command(e, 'AssignCoordinator', { coordinatorId: body.coordinatorId }));
  }

  @Post(':id/contacts')
  @Permit('trauma.exposure')
  @HttpCode(200)
  @ApiOperation({ summary: 'A contact or attempt (reaching the person meets the first-contact deadline)' })
  contact(@Param('id', UuidParam) id: string, @Body() body: RecordContactDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'exposure'), id, a, m, res, (e) => this.command(e, 'RecordContact', { method: body.method, reached: body.reached, note: body.note ?? null }));
  }

  @Post(':id/offers')
  @Permit('trauma.exposure')
  @HttpCode(200)
  @ApiOperation({ summary: 'An offer of support; its id is in the task’s offers' })
  offer(@Param('id', UuidParam) id: string, @Body() body: RecordOfferDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'exposure'), id, a, m, res, (e) => this.command(e, 'RecordSupportOffer', { offer: body.offer, note: body.note ?? null }));
  }

  @Post(':id/offers/:offerId/response')
  @Permit('trauma.exposure')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person accepted or declined the offer' })
  respond(@Param('id', UuidParam) id: string, @Param('offerId') offerId: string, @Body() body: OfferResponseDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'exposure'), id, a, m, res, (e) => this.command(e, 'RecordOfferResponse', { offerId, response: body.response, reason: body.reason ?? null }));
  }

  @Post(':id/close')
  @Permit('trauma.exposure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the task with its outcome' })
  close(@Param('id', UuidParam) id: string, @Body() body: CloseSupportTaskDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'exposure'), id, a, m, res, (e) => this.command(e, 'CloseSupportTask', { outcome: body.outcome, note: body.note ?? null }));
  }
}

/** The end of a London business day, for "as of" a date. */
function endOfDay(date: string): Date {
  return DateTime.fromISO(date, { zone: 'Europe/London' }).endOf('day').toJSDate();
}

/** The repeat-exposure register: everyone exposed within the longest window, as of a date. */
@ApiTags('repeat exposure')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@Controller('exposure-register')
export class ExposureRegisterController {
  constructor(
    private readonly policies: TraumaPolicies,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Permit('trauma.exposure')
  @ApiOperation({ summary: 'Everyone exposed within the longest window, with counts and weighted sums per window' })
  async register(@Query() query: RegisterQueryDto, @CurrentActor() actor: Actor): Promise<Page<RegisterEntry>> {
    assertTraumaPermission(actor.role, 'exposure');
    return exposureRegister(this.pool, {
      forceId: actor.forceId,
      asOf: query.to ? endOfDay(query.to) : this.clock.now(),
      policy: this.policies.forForce(actor.forceId).exposure,
      department: query.department,
      aboveThresholdOnly: query.aboveThreshold === 'true',
      // Nobody sees their own row through a staff role.
      excludePersonId: actor.personId ?? null,
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
