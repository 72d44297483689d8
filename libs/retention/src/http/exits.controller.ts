import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { ReasonDto } from '@casework/core/http/reason.dto';
import { UuidParam } from '@casework/core/http/uuid-param.pipe';
import { deterministicId } from '@casework/core/ids';
import type { CaseEnvelope } from '@casework/platform/cases/case-commands';
import { CaseSender, caseView, type CaseView } from '@casework/platform/cases/case-sender';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { CommandMeta, revisionEtag, type CommandHeaders } from '@casework/platform/http/command-headers';
import { PG_POOL } from '@casework/platform/tokens';
import { assertRetentionPermission, type RetentionPermission } from '../application/retention-access';
import type { ExitCommand } from '../domain/exit/commands';
import { EXIT_STREAM_CATEGORY } from '../domain/exit/events';
import { caseQueue, type QueuePage } from '../read-models/retention.queries';
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
import { CaseQueueQueryDto } from './retention-queries.dtos';

const CATEGORY = EXIT_STREAM_CATEGORY;

/** Leavers: notified → interviewer → survey and interview (before the leaving date) → drivers → retained or left. */
@ApiTags('exits')
@ApiHeader({ name: 'X-Casework-User', required: true })
@ApiHeader({ name: 'X-Casework-Role', required: true, description: 'retention_team, hr, …' })
@ApiHeader({ name: 'X-Casework-Force', required: true })
@Controller('exits')
export class ExitsController {
  constructor(
    private readonly sender: CaseSender,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @ApiOperation({ summary: 'A resignation or other leaving is notified (the exit interview is due before the leaving date)' })
  @ApiCreatedResponse({ description: 'The exit, with Location and ETag headers' })
  async notify(
    @Body() body: NotifyLeavingDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    assertRetentionPermission(actor.role, 'notifyLeaving');
    const exitId = deterministicId('exit', actor.forceId, meta.commandId);
    const view = await this.sender.send(CATEGORY, exitId, actor, { ...meta, expectedRevision: undefined }, res, (e) =>
      command(e, 'NotifyLeaving', {
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
    res.status(201).location(`/exits/${exitId}`);
    return view;
  }

  @Get('queue')
  @ApiOperation({ summary: 'Open exits, overdue interviews first, then by leaving date' })
  queue(@Query() query: CaseQueueQueryDto, @CurrentActor() actor: Actor): Promise<QueuePage> {
    assertRetentionPermission(actor.role, 'retention');
    return caseQueue(this.pool, 'exit_cases', {
      forceId: actor.forceId,
      userId: actor.userId,
      view: query.view,
      includeClosed: query.includeClosed === 'true',
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'An exit as it stands now' })
  async get(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    assertRetentionPermission(actor.role, 'retention');
    const { state, revision } = await this.sender.load(CATEGORY, id, actor.forceId);
    res.setHeader('ETag', revisionEtag(revision));
    return caseView(state);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event of the exit as history (no answers, summary or demographics)' })
  async timeline(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor): Promise<unknown> {
    assertRetentionPermission(actor.role, 'retention');
    const { items } = await this.sender.timeline(CATEGORY, id, actor.forceId);
    return { exitId: id, items };
  }

  @Post(':id/interviewer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Allocate the interviewer (never the line manager when the person opted out)' })
  allocate(@Param('id', UuidParam) id: string, @Body() body: ExitInterviewerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'AllocateExitInterviewer', { interviewerId: body.interviewerId }));
  }

  @Post(':id/interviewer/reallocate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the exit to another interviewer' })
  reallocate(@Param('id', UuidParam) id: string, @Body() body: ReallocateExitInterviewerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'ReallocateExitInterviewer', { interviewerId: body.interviewerId, reason: body.reason }));
  }

  @Post(':id/survey')
  @HttpCode(200)
  @ApiOperation({ summary: 'The exit survey’s answers, checked against the force’s questionnaire' })
  survey(@Param('id', UuidParam) id: string, @Body() body: ExitSurveyDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'CompleteExitSurvey', { answers: body.answers }));
  }

  @Post(':id/survey/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person declined the survey' })
  declineSurvey(@Param('id', UuidParam) id: string, @Body() body: OptionalReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'DeclineExitSurvey', { reason: body.reason ?? null }));
  }

  @Post(':id/interview')
  @HttpCode(200)
  @ApiOperation({ summary: 'The exit interview was held (before the leaving date)' })
  interview(@Param('id', UuidParam) id: string, @Body() body: ExitInterviewDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'RecordExitInterview', { heldAt: new Date(body.heldAt), summary: body.summary ?? null }));
  }

  @Post(':id/interview/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person declined the interview' })
  declineInterview(@Param('id', UuidParam) id: string, @Body() body: OptionalReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'DeclineExitInterview', { reason: body.reason ?? null }));
  }

  @Post(':id/drivers')
  @HttpCode(200)
  @ApiOperation({ summary: 'Why they are leaving: driver codes' })
  drivers(@Param('id', UuidParam) id: string, @Body() body: ExitDriversDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'RecordExitDrivers', { codes: body.codes, note: body.note ?? null }));
  }

  @Post(':id/retained')
  @HttpCode(200)
  @ApiOperation({ summary: 'The resignation was withdrawn: retained' })
  retained(@Param('id', UuidParam) id: string, @Body() body: NoteDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'WithdrawResignation', { note: body.note ?? null }));
  }

  @Post(':id/left')
  @HttpCode(200)
  @ApiOperation({ summary: 'They left (on or after the leaving date)' })
  left(@Param('id', UuidParam) id: string, @Body() body: LeftDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('notifyLeaving', id, a, m, res, (e) => command(e, 'RecordLeft', { leavingDate: body.leavingDate ?? null }));
  }

  @Post(':id/rejoiner')
  @HttpCode(200)
  @ApiOperation({ summary: 'A leaver rejoined: link the new service to this exit' })
  rejoiner(@Param('id', UuidParam) id: string, @Body() body: RejoinerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('notifyLeaving', id, a, m, res, (e) =>
      command(e, 'LinkRejoiner', { rejoinedAt: body.rejoinedAt, newPersonRecordId: body.newPersonRecordId ?? null }),
    );
  }

  @Post(':id/deadlines/:kind/waive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Waive an open deadline with a reason' })
  waive(@Param('id', UuidParam) id: string, @Param('kind') kind: string, @Body() body: ReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.run('retention', id, a, m, res, (e) => command(e, 'WaiveDeadline', { kind, reason: body.reason }));
  }

  private run(permission: RetentionPermission, id: string, actor: Actor, meta: CommandHeaders, res: Response, build: (e: CaseEnvelope) => ExitCommand): Promise<CaseView> {
    assertRetentionPermission(actor.role, permission);
    return this.sender.send(CATEGORY, id, actor, meta, res, build);
  }
}

function command<T extends ExitCommand['type']>(envelope: CaseEnvelope, type: T, data: Extract<ExitCommand, { type: T }>['data']): ExitCommand {
  return { ...envelope, type, data } as ExitCommand;
}
