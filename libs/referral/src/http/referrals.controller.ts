import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Permit } from '@casework/identity/permit.decorator';
import { UuidParam as ID } from '@casework/core/http/uuid-param.pipe';
import { deterministicId } from '@casework/core/ids';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { CommandMeta, revisionEtag, type CommandHeaders } from '@casework/platform/http/command-headers';
import type { ReferralCommand } from '../domain/commands';
import { REFERRAL_DEADLINES } from '../domain/deadline-policy';
import { assertReferralPermission, type ReferralPermission } from '../application/referral-access';
import { ExecuteReferralCommand } from '../application/execute-referral-command';
import { ReferralReader, toView, type ReferralDto, type TeamPageView } from '../application/referral-reader';
import type { ReferralManagerView } from '../application/referral-manager-view';
import { ReferralImportService, type ImportOutcome } from '../application/import/referral-import.service';
import {
  AttendanceDto,
  CloseReferralDto,
  ConsentDto,
  OfferAppointmentDto,
  QueueQueryDto,
  ReasonDto,
  ReassignReferralDto,
  RecordOutcomeDto,
  ReleaseReportDto,
  ScheduleReviewDto,
  SubmitReferralDto,
  TriageReferralDto,
} from './referral.dtos';
import { TeamQueryDto } from './team-query.dto';

const DEADLINE_KINDS = Object.values(REFERRAL_DEADLINES) as readonly string[];

/** Everything but the body that a command needs: who, which request, which business time. */
type Envelope = Pick<ReferralCommand, 'commandId' | 'now' | 'actor'>;

/**
 * The OH referral API: one endpoint per command, each answering with the referral as it
 * now stands and its revision as an ETag (send it back as If-Match to refuse lost updates).
 * An Idempotency-Key makes a retried request safe: it appends nothing the second time.
 */
@ApiTags('referrals')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ReferralReader,
    private readonly importer: ReferralImportService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Permit('referral.submit')
  @ApiOperation({ summary: 'Submit a referral to occupational health' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key returns the same referral' })
  @ApiCreatedResponse({ description: 'The referral, with Location and ETag headers' })
  async submit(
    @Body() body: SubmitReferralDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReferralDto> {
    assertReferralPermission(actor.role, 'submit');
    // From the key, so a retried submission finds the referral it already made.
    const referralId = deterministicId('referral', actor.forceId, meta.commandId);
    const view = await this.execute(referralId, actor, { ...meta, expectedRevision: undefined }, res, (e) => ({
      ...e,
      type: 'SubmitReferral',
      data: {
        referralId,
        subjectId: body.subjectId,
        subjectName: body.subjectName,
        employmentType: body.employmentType,
        department: body.department,
        role: body.role ?? null,
        source: body.source,
        category: body.category,
        urgency: body.urgency,
        reason: body.reason,
        referredBy: body.referredBy ?? null,
        lineManagerId: body.lineManagerId ?? null,
        linkedCaseId: body.linkedCaseId ?? null,
      },
    }));
    res.status(201).location(`/referrals/${referralId}`);
    return view;
  }

  @Get('queue')
  @Permit('referral.read')
  @ApiOperation({ summary: 'The OH queue: open referrals, urgent first, then by priority and due date' })
  @ApiOkResponse({ description: '{ items, page, pageSize, total }' })
  async queue(@Query() query: QueueQueryDto, @CurrentActor() actor: Actor): Promise<unknown> {
    assertReferralPermission(actor.role, 'read');
    return this.reader.queue({
      forceId: actor.forceId,
      userId: actor.userId,
      view: query.view,
      status: query.status,
      urgency: query.urgency,
      category: query.category,
      department: query.department,
      employmentType: query.employmentType,
      advisorId: query.advisorId,
      // Nobody sees their own referral in a staff queue.
      excludeSubjectId: actor.personId ?? null,
      includeClosed: query.includeClosed === 'true' || (query.status === 'closed' || query.status === 'cancelled'),
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get('team')
  @Permit('referral.managerView')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A line manager’s referrals: those naming the caller as line manager or referrer',
    description:
      'Open first, then most recently changed. Each: the colleague’s name, where the referral stands (in words), ' +
      'when it was submitted and last changed, and whether an outcome report has been released to management. ' +
      'Nothing clinical: no category, reason, notes or outcome (see /referrals/{id}/manager-view).',
  })
  @ApiOkResponse({ description: '{ items, page, pageSize, total }' })
  team(@Query() query: TeamQueryDto, @CurrentActor() actor: Actor): Promise<TeamPageView> {
    assertReferralPermission(actor.role, 'managerView');
    return this.reader.team(actor, { openOnly: query.open === 'true', page: query.page, pageSize: query.pageSize });
  }

  @Post('import')
  @Permit('referral.import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import historical referrals from CSV (all or nothing)',
    description:
      'Every row is validated, including against the workflow rules, before anything is stored. ' +
      'A file with any bad row stores nothing and answers 422 listing every bad row by line number. ' +
      'Re-sending the same file stores nothing new. Add ?dryRun=true to validate only.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'referral_ref,submitted_at,...' } })
  @ApiUnprocessableEntityResponse({ description: 'problem+json with errors[] of { line, column, message }' })
  async import(
    @Body() csv: unknown,
    @Query('dryRun') dryRun: string | undefined,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
  ): Promise<ImportOutcome> {
    assertReferralPermission(actor.role, 'import');
    return this.importer.importCsv(csv, { actor, correlationId: meta.correlationId, dryRun: dryRun === 'true' });
  }

  @Get(':id')
  @Permit('referral.read')
  @ApiOperation({ summary: 'A referral as it stands now (from its event stream), with its revision as ETag' })
  @ApiNotFoundResponse({ description: 'No such referral in the caller’s force' })
  async get(
    @Param('id', ID) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReferralDto> {
    assertReferralPermission(actor.role, 'read');
    const { referral, revision } = await this.reader.get(id, actor.forceId, actor);
    res.setHeader('ETag', revisionEtag(revision));
    res.setHeader('Cache-Control', 'no-store');
    return referral;
  }

  @Get(':id/timeline')
  @Permit('referral.read')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Every event of the case as human-readable history (who, what, when)' })
  async timeline(@Param('id', ID) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    assertReferralPermission(actor.role, 'read');
    const { items, revision } = await this.reader.timeline(id, actor.forceId, actor);
    res.setHeader('ETag', revisionEtag(revision));
    return { referralId: id, items };
  }

  @Get(':id/manager-view')
  @Permit('referral.managerView')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'What the colleague’s line manager (or referrer) may know of the referral',
    description:
      'Where it stands and, only once the colleague consented to its release and it was released, the management part ' +
      'of the outcome report: fitness for duty, limited duties and recommendations. Never clinical notes. ' +
      'A referral not naming the caller as line manager or referrer answers 404, like a missing one.',
  })
  @ApiNotFoundResponse({ description: 'No such referral naming the caller, in the caller’s force' })
  managerView(@Param('id', ID) id: string, @CurrentActor() actor: Actor): Promise<ReferralManagerView> {
    assertReferralPermission(actor.role, 'managerView');
    return this.reader.managerView(id, actor);
  }

  @Post(':id/triage')
  @Permit('referral.triage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Triage: set priority and assign an advisor (meets the triage deadline)' })
  @ApiConflictResponse({ description: 'Already triaged, or If-Match is stale' })
  triage(@Param('id', ID) id: string, @Body() body: TriageReferralDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('triage', id, a, m, res, (e) => ({ ...e, type: 'TriageReferral', data: { priority: body.priority, advisorId: body.advisorId } }));
  }

  @Post(':id/consent')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the colleague’s consent to the referral (refusal closes it)' })
  consent(@Param('id', ID) id: string, @Body() body: ConsentDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({ ...e, type: 'RecordConsent', data: { consentGiven: body.consentGiven } }));
  }

  @Post(':id/appointments')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offer an appointment; its id is the last of the referral’s appointments' })
  offer(@Param('id', ID) id: string, @Body() body: OfferAppointmentDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({
      ...e,
      type: 'OfferAppointment',
      data: { scheduledFor: new Date(body.scheduledFor), mode: body.mode, clinicianId: body.clinicianId ?? null },
    }));
  }

  @Post(':id/appointments/:appointmentId/book')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'The colleague accepted the offered appointment' })
  book(@Param('id', ID) id: string, @Param('appointmentId', ID) appointmentId: string, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({ ...e, type: 'BookAppointment', data: { appointmentId } }));
  }

  @Post(':id/appointments/:appointmentId/attendance')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Attended, or did not attend (repeated non-attendance closes the referral)' })
  attendance(@Param('id', ID) id: string, @Param('appointmentId', ID) appointmentId: string, @Body() body: AttendanceDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({ ...e, type: 'RecordAttendance', data: { appointmentId, attended: body.attended } }));
  }

  @Post(':id/outcome')
  @Permit('referral.clinical')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the assessment outcome (clinical roles only)' })
  outcome(@Param('id', ID) id: string, @Body() body: RecordOutcomeDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('clinical', id, a, m, res, (e) => ({
      ...e,
      type: 'RecordOutcome',
      data: {
        appointmentId: body.appointmentId,
        fitness: body.fitness,
        limitedDuties: body.limitedDuties ?? null,
        recommendations: body.recommendations,
        smpQuestions: body.smpQuestions ? { ...body.smpQuestions } : null,
        clinicalNotes: body.clinicalNotes,
      },
    }));
  }

  @Post(':id/report-consent')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'The colleague consents to (or withholds) release of the report' })
  reportConsent(@Param('id', ID) id: string, @Body() body: ConsentDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({ ...e, type: 'RecordReportConsent', data: { consentGiven: body.consentGiven } }));
  }

  @Post(':id/report/release')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release the report (only with the colleague’s consent)' })
  release(@Param('id', ID) id: string, @Body() body: ReleaseReportDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({ ...e, type: 'ReleaseReport', data: { releasedTo: body.releasedTo } }));
  }

  @Post(':id/review')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a review date' })
  review(@Param('id', ID) id: string, @Body() body: ScheduleReviewDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({ ...e, type: 'ScheduleReview', data: { reviewDate: body.reviewDate } }));
  }

  @Post(':id/close')
  @Permit('referral.work')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the referral (waives any open deadline)' })
  close(@Param('id', ID) id: string, @Body() body: CloseReferralDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('work', id, a, m, res, (e) => ({ ...e, type: 'CloseReferral', data: { reason: body.reason, note: body.note ?? null } }));
  }

  @Post(':id/reopen')
  @Permit('referral.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed referral (back to triage)' })
  reopen(@Param('id', ID) id: string, @Body() body: ReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('manage', id, a, m, res, (e) => ({ ...e, type: 'ReopenReferral', data: { reason: body.reason } }));
  }

  @Post(':id/reassign')
  @Permit('referral.reassign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the referral to another advisor' })
  reassign(@Param('id', ID) id: string, @Body() body: ReassignReferralDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('reassign', id, a, m, res, (e) => ({ ...e, type: 'ReassignReferral', data: { toAdvisorId: body.toAdvisorId, reason: body.reason ?? null } }));
  }

  @Post(':id/cancel')
  @Permit('referral.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the referral with a reason (final)' })
  cancel(@Param('id', ID) id: string, @Body() body: ReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('manage', id, a, m, res, (e) => ({ ...e, type: 'CancelReferral', data: { reason: body.reason } }));
  }

  @Post(':id/deadlines/:kind/waive')
  @Permit('referral.manage')
  @HttpCode(200)
  @ApiOperation({ summary: `Waive an open deadline with a reason (kind: ${DEADLINE_KINDS.join(', ')})` })
  waive(@Param('id', ID) id: string, @Param('kind') kind: string, @Body() body: ReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<ReferralDto> {
    return this.command('manage', id, a, m, res, (e) => ({ ...e, type: 'WaiveDeadline', data: { kind, reason: body.reason } }));
  }

  /** Commands on an existing referral: a missing one is a 404, never a new stream; the caller's own, a 403. */
  private async command(
    permission: ReferralPermission,
    referralId: string,
    actor: Actor,
    meta: CommandHeaders,
    res: Response,
    build: (envelope: Envelope) => ReferralCommand,
  ): Promise<ReferralDto> {
    assertReferralPermission(actor.role, permission);
    await this.reader.assertNotOwn(referralId, actor);
    return this.execute(referralId, actor, meta, res, build);
  }

  private async execute(
    referralId: string,
    actor: Actor,
    meta: CommandHeaders,
    res: Response,
    build: (envelope: Envelope) => ReferralCommand,
  ): Promise<ReferralDto> {
    const command = build({ commandId: meta.commandId, now: this.clock.now(), actor: { userId: actor.userId, role: actor.role } });
    const outcome = await this.commands.execute(
      new ExecuteReferralCommand(referralId, command, {
        commandId: meta.commandId,
        correlationId: meta.correlationId,
        causationId: meta.commandId,
        actor: { userId: actor.userId, role: actor.role },
        forceId: actor.forceId,
        occurredAt: command.now,
        expectedRevision: meta.expectedRevision,
      }),
    );
    if (outcome.state.status === 'none') {
      // Only reachable when a command other than Submit meets an empty stream.
      throw new Error('unreachable: command on a missing referral produced no state');
    }
    res.setHeader('ETag', revisionEtag(outcome.revision));
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return toView(outcome.state);
  }
}
