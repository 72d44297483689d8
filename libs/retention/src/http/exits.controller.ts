import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Permit } from '@casework/identity/permit.decorator';
import { UuidParam } from '@casework/core/http/uuid-param.pipe';
import { CaseController, CasePermissions } from '@casework/platform/cases/case.controller';
import { CaseSender, type CaseView } from '@casework/platform/cases/case-sender';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { CommandMeta, type CommandHeaders } from '@casework/platform/http/command-headers';
import { PG_POOL } from '@casework/platform/tokens';
import { LeaverImportService, type LeaverImportOutcome } from '../application/import/leaver-import.service';
import { assertRetentionPermission } from '../application/retention-access';
import type { ExitCommand } from '../domain/exit/commands';
import { EXIT_STREAM_CATEGORY } from '../domain/exit/events';
import type { QueuePage } from '../read-models/retention.queries';
import {
  ExitDriversDto,
  ExitInterviewDto,
  ExitInterviewerDto,
  ExitSurveyDto,
  LeftDto,
  NoteDto,
  NotifyLeavingDto,
  OptionalReasonDto,
  ReallocateExitInterviewerDto,
  RejoinerDto,
} from './exit.dtos';
import { CaseQueueQueryDto, queueFor } from './retention-queries.dtos';

const CATEGORY = EXIT_STREAM_CATEGORY;

/** Leavers: notified → interviewer → survey and interview (before the leaving date) → drivers → retained or left. */
@ApiTags('exits')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@CasePermissions({ read: 'retention.retention', waive: 'retention.retention' })
@Controller('exits')
export class ExitsController extends CaseController<ExitCommand> {
  constructor(
    sender: CaseSender,
    private readonly importer: LeaverImportService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(sender, CATEGORY, {
      read: (role) => assertRetentionPermission(role, 'retention'),
      waive: (role) => assertRetentionPermission(role, 'retention'),
    });
  }

  @Post()
  @Permit('retention.notifyLeaving')
  @ApiOperation({ summary: 'A resignation or other leaving is notified (the exit interview is due before the leaving date)' })
  @ApiCreatedResponse({ description: 'The exit, with Location and ETag headers' })
  async notify(
    @Body() body: NotifyLeavingDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    return this.create('/exits', () => assertRetentionPermission(actor.role, 'notifyLeaving'), actor, meta, res, (exitId, e) =>
      this.command(e, 'NotifyLeaving', {
        exitId,
        person: {
          personId: body.personId,
          name: body.name,
          employmentType: body.employmentType,
          department: body.department,
          lineManagerId: body.lineManagerId ?? null,
          startDate: body.startDate,
        },
        demographics: { ...body.demographics },
        leavingDate: body.leavingDate,
        reason: body.reason,
        optOutOfLineManager: body.optOutOfLineManager,
      }),
    );
  }

  @Get('queue')
  @Permit('retention.retention')
  @ApiOperation({ summary: 'Open exits, overdue interviews first, then by leaving date' })
  queue(@Query() query: CaseQueueQueryDto, @CurrentActor() actor: Actor): Promise<QueuePage> {
    assertRetentionPermission(actor.role, 'retention');
    return queueFor(this.pool, 'exit_cases', actor, query);
  }

  @Post('import')
  @Permit('retention.import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import historical leavers from CSV (all or nothing)',
    description:
      'One row per leaver, back-dated: notified, the exit interview held or declined, drivers, then left (or, for a ' +
      'withdrawn resignation, retained). Every row is validated, including against the workflow rules, before anything ' +
      'is stored; a bad row stores nothing and answers 422 listing every bad row by line. Re-sending the same file ' +
      'stores nothing new. Add ?dryRun=true to validate only.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'leaver_ref,person_id,name,employment_type,department,start_date,leaving_date,reason,...' } })
  async import(
    @Body() csv: unknown,
    @Query('dryRun') dryRun: string | undefined,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
  ): Promise<LeaverImportOutcome> {
    assertRetentionPermission(actor.role, 'import');
    return this.importer.importCsv(csv, { actor, correlationId: meta.correlationId, dryRun: dryRun === 'true' });
  }

  @Post(':id/interviewer')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'Allocate the interviewer (never the line manager when the person opted out)' })
  allocate(@Param('id', UuidParam) id: string, @Body() body: ExitInterviewerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'AllocateExitInterviewer', { interviewerId: body.interviewerId }));
  }

  @Post(':id/interviewer/reallocate')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the exit to another interviewer' })
  reallocate(@Param('id', UuidParam) id: string, @Body() body: ReallocateExitInterviewerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'ReallocateExitInterviewer', { interviewerId: body.interviewerId, reason: body.reason }));
  }

  @Post(':id/survey')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The exit survey’s answers, checked against the force’s questionnaire' })
  survey(@Param('id', UuidParam) id: string, @Body() body: ExitSurveyDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'CompleteExitSurvey', { answers: body.answers }));
  }

  @Post(':id/survey/decline')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person declined the survey' })
  declineSurvey(@Param('id', UuidParam) id: string, @Body() body: OptionalReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'DeclineExitSurvey', { reason: body.reason ?? null }));
  }

  @Post(':id/interview')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The exit interview was held (before the leaving date)' })
  interview(@Param('id', UuidParam) id: string, @Body() body: ExitInterviewDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'RecordExitInterview', { heldAt: new Date(body.heldAt), summary: body.summary ?? null }));
  }

  @Post(':id/interview/decline')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person declined the interview' })
  declineInterview(@Param('id', UuidParam) id: string, @Body() body: OptionalReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'DeclineExitInterview', { reason: body.reason ?? null }));
  }

  @Post(':id/drivers')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'Why they are leaving: driver codes' })
  drivers(@Param('id', UuidParam) id: string, @Body() body: ExitDriversDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'RecordExitDrivers', { codes: body.codes, note: body.note ?? null }));
  }

  @Post(':id/retained')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The resignation was withdrawn: retained' })
  retained(@Param('id', UuidParam) id: string, @Body() body: NoteDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'WithdrawResignation', { note: body.note ?? null }));
  }

  @Post(':id/left')
  @Permit('retention.notifyLeaving')
  @HttpCode(200)
  @ApiOperation({ summary: 'They left (on or after the leaving date)' })
  left(@Param('id', UuidParam) id: string, @Body() body: LeftDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'notifyLeaving'), id, a, m, res, (e) => this.command(e, 'RecordLeft', { leavingDate: body.leavingDate ?? null }));
  }

  @Post(':id/rejoiner')
  @Permit('retention.notifyLeaving')
  @HttpCode(200)
  @ApiOperation({ summary: 'A leaver rejoined: link the new service to this exit' })
  rejoiner(@Param('id', UuidParam) id: string, @Body() body: RejoinerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'notifyLeaving'), id, a, m, res, (e) =>
      this.command(e, 'LinkRejoiner', { rejoinedAt: body.rejoinedAt, newPersonRecordId: body.newPersonRecordId ?? null }),
    );
  }
}
