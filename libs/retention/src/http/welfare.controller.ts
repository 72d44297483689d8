import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Permit } from '@casework/identity/permit.decorator';
import { UuidParam } from '@casework/core/http/uuid-param.pipe';
import { CaseController, CasePermissions } from '@casework/platform/cases/case.controller';
import { CaseSender, type CaseView } from '@casework/platform/cases/case-sender';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { CommandMeta, type CommandHeaders } from '@casework/platform/http/command-headers';
import { PG_POOL } from '@casework/platform/tokens';
import { assertRetentionPermission } from '../application/retention-access';
import type { WelfareCommand } from '../domain/welfare/commands';
import { WELFARE_STREAM_CATEGORY } from '../domain/welfare/events';
import type { QueuePage } from '../read-models/retention.queries';
import { CaseQueueQueryDto, queueFor } from './retention-queries.dtos';
import {
  CloseWelfareCaseDto,
  InvestigationConcludedDto,
  OpenWelfareCaseDto,
  ProgressReportDto,
  ReassignWloDto,
  SickLeaveEndedDto,
  SickLeaveStartedDto,
  WelfareContactDto,
  WloDto,
} from './welfare.dtos';

const CATEGORY = WELFARE_STREAM_CATEGORY;

/**
 * Welfare liaison for colleagues under investigation: a WLO keeps contact at a minimum
 * cadence (a missed contact escalates), visits at home when sickness begins, and the
 * investigation's 12-month and 6-monthly progress reports are tracked (Police (Conduct)
 * Regulations 2020, reg. 19).
 */
@ApiTags('welfare liaison')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@CasePermissions({ read: 'retention.welfare', waive: 'retention.manageWelfare' })
@Controller('welfare-cases')
export class WelfareController extends CaseController<WelfareCommand> {
  constructor(
    sender: CaseSender,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(sender, CATEGORY, {
      read: (role) => assertRetentionPermission(role, 'welfare'),
      waive: (role) => assertRetentionPermission(role, 'manageWelfare'),
    });
  }

  @Post()
  @Permit('retention.openWelfare')
  @ApiOperation({ summary: 'Open a welfare-liaison case when an investigation starts' })
  @ApiCreatedResponse({ description: 'The case, with Location and ETag headers' })
  async open(
    @Body() body: OpenWelfareCaseDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    return this.create('/welfare-cases', () => assertRetentionPermission(actor.role, 'openWelfare'), actor, meta, res, (caseId, e) =>
      this.command(e, 'OpenWelfareCase', {
        caseId,
        person: { personId: body.personId, name: body.name, employmentType: body.employmentType, department: body.department },
        investigation: { kind: body.kind, reference: body.reference, startedAt: new Date(body.startedAt), suspended: body.suspended },
      }),
    );
  }

  @Get('queue')
  @Permit('retention.welfare')
  @ApiOperation({ summary: 'Welfare cases, overdue contacts first' })
  queue(@Query() query: CaseQueueQueryDto, @CurrentActor() actor: Actor): Promise<QueuePage> {
    assertRetentionPermission(actor.role, 'welfare');
    return queueFor(this.pool, 'welfare_cases', actor, query);
  }

  @Post(':id/wlo')
  @Permit('retention.openWelfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign a welfare-liaison officer (starts the contact cadence)' })
  assign(@Param('id', UuidParam) id: string, @Body() body: WloDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'openWelfare'), id, a, m, res, (e) => this.command(e, 'AssignWlo', { wloId: body.wloId }));
  }

  @Post(':id/wlo/reassign')
  @Permit('retention.manageWelfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the case to another WLO' })
  reassign(@Param('id', UuidParam) id: string, @Body() body: ReassignWloDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'manageWelfare'), id, a, m, res, (e) => this.command(e, 'ReassignWlo', { wloId: body.wloId, reason: body.reason }));
  }

  @Post(':id/contacts')
  @Permit('retention.welfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log a contact (meets the open contact deadline and schedules the next)' })
  contact(@Param('id', UuidParam) id: string, @Body() body: WelfareContactDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'welfare'), id, a, m, res, (e) =>
      this.command(e, 'LogWelfareContact', {
        contactedAt: new Date(body.contactedAt),
        type: body.type,
        concerns: body.concerns ?? null,
        signposting: body.signposting,
      }),
    );
  }

  @Post(':id/sick-leave/start')
  @Permit('retention.welfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sick leave began: contact every 7 days and a home visit become due' })
  sickStart(@Param('id', UuidParam) id: string, @Body() body: SickLeaveStartedDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'welfare'), id, a, m, res, (e) => this.command(e, 'RecordSickLeaveStarted', { startedAt: new Date(body.startedAt) }));
  }

  @Post(':id/sick-leave/end')
  @Permit('retention.welfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sick leave ended' })
  sickEnd(@Param('id', UuidParam) id: string, @Body() body: SickLeaveEndedDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'welfare'), id, a, m, res, (e) => this.command(e, 'RecordSickLeaveEnded', { endedAt: new Date(body.endedAt) }));
  }

  @Post(':id/investigation/progress')
  @Permit('retention.manageWelfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'A progress report on the investigation (reg. 19: at 12 months, then every 6)' })
  progress(@Param('id', UuidParam) id: string, @Body() body: ProgressReportDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'manageWelfare'), id, a, m, res, (e) =>
      this.command(e, 'RecordInvestigationProgressReport', { reportedAt: new Date(body.reportedAt), note: body.note ?? null }),
    );
  }

  @Post(':id/investigation/concluded')
  @Permit('retention.openWelfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'The investigation concluded' })
  concluded(@Param('id', UuidParam) id: string, @Body() body: InvestigationConcludedDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'openWelfare'), id, a, m, res, (e) =>
      this.command(e, 'RecordInvestigationConcluded', { outcome: body.outcome, concludedAt: new Date(body.concludedAt) }),
    );
  }

  @Post(':id/close')
  @Permit('retention.welfare')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close with an exit plan after the debrief' })
  close(@Param('id', UuidParam) id: string, @Body() body: CloseWelfareCaseDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'welfare'), id, a, m, res, (e) =>
      this.command(e, 'CloseWelfareCase', { exitPlan: body.exitPlan, debriefHeldAt: new Date(body.debriefHeldAt) }),
    );
  }
}
