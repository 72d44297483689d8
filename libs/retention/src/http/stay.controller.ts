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
import { ReasonDto } from '@casework/core/http/reason.dto';
import { assertRetentionPermission } from '../application/retention-access';
import type { StayCommand } from '../domain/stay/commands';
import { STAY_STREAM_CATEGORY } from '../domain/stay/events';
import type { QueuePage } from '../read-models/retention.queries';
import { CaseQueueQueryDto, queueFor } from './retention-queries.dtos';
import {
  AgreeActionsDto,
  FollowUpDto,
  InterviewerDto,
  ReassignInterviewerDto,
  RecordStayInterviewDto,
  RequestStayInterviewDto,
  StayOutcomeDto,
} from './stay.dtos';

const CATEGORY = STAY_STREAM_CATEGORY;

/** Stay interviews: requested → interviewer → held (themes) → actions → follow-up → outcome. */
@ApiTags('stay interviews')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@CasePermissions({ read: 'retention.retention', waive: 'retention.retention' })
@Controller('stay-interviews')
export class StayInterviewsController extends CaseController<StayCommand> {
  constructor(
    sender: CaseSender,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(sender, CATEGORY, {
      read: (role) => assertRetentionPermission(role, 'retention'),
      waive: (role) => assertRetentionPermission(role, 'retention'),
    });
  }

  @Post()
  @Permit('retention.requestStay')
  @ApiOperation({ summary: 'Ask for a stay interview (self or line manager); due within 10 working days' })
  @ApiCreatedResponse({ description: 'The request, with Location and ETag headers' })
  async request(
    @Body() body: RequestStayInterviewDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    return this.create('/stay-interviews', () => assertRetentionPermission(actor.role, 'requestStay'), actor, meta, res, (stayInterviewId, e) =>
      this.command(e, 'RequestStayInterview', { ...body, stayInterviewId, requestedBy: null }),
    );
  }

  @Get('queue')
  @Permit('retention.retention')
  @ApiOperation({ summary: 'The retention team’s stay interviews, overdue first' })
  queue(@Query() query: CaseQueueQueryDto, @CurrentActor() actor: Actor): Promise<QueuePage> {
    assertRetentionPermission(actor.role, 'retention');
    return queueFor(this.pool, 'stay_interviews', actor, query);
  }

  @Post(':id/interviewer')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'Allocate an interviewer from the retention team (never the line manager)' })
  allocate(@Param('id', UuidParam) id: string, @Body() body: InterviewerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'AllocateStayInterviewer', { interviewerId: body.interviewerId }));
  }

  @Post(':id/interviewer/reassign')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the interview to another interviewer' })
  reassign(@Param('id', UuidParam) id: string, @Body() body: ReassignInterviewerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'ReassignStayInterviewer', { interviewerId: body.interviewerId, reason: body.reason }));
  }

  @Post(':id/interview')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The interview was held: themes, intent to leave, recommendations' })
  held(@Param('id', UuidParam) id: string, @Body() body: RecordStayInterviewDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) =>
      this.command(e, 'RecordStayInterview', {
        heldAt: new Date(body.heldAt),
        themes: body.themes,
        intentToLeave: body.intentToLeave,
        recommendations: body.recommendations,
      }),
    );
  }

  @Post(':id/actions')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'Actions agreed, each with an owner and a due date (schedules the follow-up)' })
  actions(@Param('id', UuidParam) id: string, @Body() body: AgreeActionsDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'AgreeStayActions', { actions: body.actions.map((x) => ({ ...x })) }));
  }

  @Post(':id/actions/:actionId/complete')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'An agreed action is done' })
  complete(@Param('id', UuidParam) id: string, @Param('actionId') actionId: string, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'CompleteAction', { actionId }));
  }

  @Post(':id/follow-up')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The follow-up was held' })
  followUp(@Param('id', UuidParam) id: string, @Body() body: FollowUpDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'RecordStayFollowUp', { heldAt: new Date(body.heldAt), note: body.note ?? null }));
  }

  @Post(':id/outcome')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'Later: did they stay or leave? (closes the case)' })
  outcome(@Param('id', UuidParam) id: string, @Body() body: StayOutcomeDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) =>
      this.command(e, 'RecordStayOutcome', { outcome: body.outcome, leavingDate: body.leavingDate ?? null, note: body.note ?? null }),
    );
  }

  @Post(':id/decline')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person declined the interview' })
  decline(@Param('id', UuidParam) id: string, @Body() body: ReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'DeclineStayInterview', { reason: body.reason }));
  }

  @Post(':id/cancel')
  @Permit('retention.retention')
  @HttpCode(200)
  @ApiOperation({ summary: 'The request was withdrawn' })
  cancel(@Param('id', UuidParam) id: string, @Body() body: ReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertRetentionPermission(a.role, 'retention'), id, a, m, res, (e) => this.command(e, 'CancelStayInterview', { reason: body.reason }));
  }
}
