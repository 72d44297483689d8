import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
import type { SurveillanceCommand } from '../domain/surveillance/commands';
import { SURVEILLANCE_STREAM_CATEGORY, surveillanceId } from '../domain/surveillance/events';
import {
  surveillanceList,
  surveillanceReport,
  type SurveillanceListItem,
  type SurveillancePage,
  type SurveillanceReportRow,
} from '../read-models/surveillance.queries';
import { TraumaReasonDto } from './incident.dtos';
import {
  ChangeSurveillanceRoleDto,
  EnrolInSurveillanceDto,
  RecordScreeningDto,
  SurveillanceListQueryDto,
} from './surveillance.dtos';

const CATEGORY = SURVEILLANCE_STREAM_CATEGORY;

/**
 * Psychological surveillance: one record per person, with their screening level and when
 * they are next due. Each command answers with the record as it now stands and its
 * revision as ETag (send it back as If-Match); an Idempotency-Key makes a retry safe.
 * Wellbeing and OH staff only.
 */
@ApiTags('surveillance')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@CasePermissions({ read: 'trauma.surveillance', waive: 'trauma.surveillance' })
@Controller('surveillance')
export class SurveillanceController extends CaseController<SurveillanceCommand> {
  constructor(
    sender: CaseSender,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(sender, CATEGORY, {
      read: (role) => assertTraumaPermission(role, 'surveillance'),
      waive: (role) => assertTraumaPermission(role, 'surveillance'),
    });
  }

  @Post()
  @Permit('trauma.surveillance')
  @ApiOperation({
    summary: 'Enrol a person in a risk-assessed role (or again, after leaving); schedules their first screening',
    description: 'The record’s id is derived from the person id, so a person has one record for good.',
  })
  @ApiCreatedResponse({ description: 'The record, with Location and ETag headers' })
  async enrol(
    @Body() body: EnrolInSurveillanceDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    assertTraumaPermission(actor.role, 'surveillance');
    const id = surveillanceId(actor.forceId, body.personId);
    const view = await this.sender.send(CATEGORY, id, actor, { ...meta, expectedRevision: undefined }, res, (e) =>
      this.command(e, 'EnrolInSurveillance', {
        personId: body.personId,
        personName: body.personName,
        department: body.department,
        role: body.role,
        level: body.level,
        enrolledAt: body.enrolledAt ? new Date(body.enrolledAt) : e.now,
      }),
    );
    res.status(201).location(`/surveillance/${id}`);
    return { surveillanceId: id, ...view };
  }

  @Get()
  @Permit('trauma.surveillance')
  @ApiOperation({ summary: 'The surveillance schedule: overdue first, then by due date (people who left only on request)' })
  async list(@Query() query: SurveillanceListQueryDto, @CurrentActor() actor: Actor): Promise<SurveillancePage<SurveillanceListItem>> {
    assertTraumaPermission(actor.role, 'surveillance');
    return surveillanceList(this.pool, {
      forceId: actor.forceId,
      level: query.level,
      status: query.status,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      dueBefore: query.dueBefore,
      department: query.department,
      // Nobody sees their own row through a staff role.
      excludePersonId: actor.personId ?? null,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get('report')
  @Permit('trauma.surveillance')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Surveillance coverage per level and department',
    description: 'People enrolled, screened within their level’s interval, due in the next 30 days, and overdue.',
  })
  async report(@CurrentActor() actor: Actor): Promise<{ rows: SurveillanceReportRow[] }> {
    assertTraumaPermission(actor.role, 'surveillance');
    return { rows: await surveillanceReport(this.pool, { forceId: actor.forceId, now: this.clock.now() }) };
  }

  @Post(':id/screenings')
  @Permit('trauma.surveillance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a completed screening (meets the deadline; the next one falls due one interval on)' })
  screening(@Param('id', UuidParam) id: string, @Body() body: RecordScreeningDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'surveillance'), id, a, m, res, (e) =>
      this.command(e, 'RecordScreening', { completedAt: new Date(body.completedAt), provider: body.provider, result: body.result }),
    );
  }

  @Post(':id/role')
  @Permit('trauma.surveillance')
  @HttpCode(200)
  @ApiOperation({ summary: 'A change of role, with its screening level (null: no screening needed); may bring a screening forward' })
  changeRole(@Param('id', UuidParam) id: string, @Body() body: ChangeSurveillanceRoleDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'surveillance'), id, a, m, res, (e) => this.command(e, 'ChangeRole', { role: body.role, level: body.level }));
  }

  @Post(':id/leave')
  @Permit('trauma.surveillance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the person off the register, with a reason (waives what was due)' })
  leave(@Param('id', UuidParam) id: string, @Body() body: TraumaReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'surveillance'), id, a, m, res, (e) => this.command(e, 'LeaveSurveillance', { reason: body.reason }));
  }

  /** A record's id derives from force and person; the state does not carry it, so add it. */
  protected override present(id: string, view: CaseView): CaseView {
    return { surveillanceId: id, ...view };
  }
}
