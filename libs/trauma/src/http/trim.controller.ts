import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Permit } from '@casework/identity/permit.decorator';
import { DomainError } from '@casework/core/domain/domain-error';
import { UuidParam } from '@casework/core/http/uuid-param.pipe';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { CommandMeta, type CommandHeaders } from '@casework/platform/http/command-headers';
import { PG_POOL } from '@casework/platform/tokens';
import { CaseController, CasePermissions } from '@casework/platform/cases/case.controller';
import { CaseSender, type CaseView } from '@casework/platform/cases/case-sender';
import { assertTraumaPermission } from '../application/trauma-access';
import { INCIDENT_STREAM_CATEGORY } from '../domain/incident/events';
import type { IncidentState } from '../domain/incident/state';
import type { TrimCommand } from '../domain/trim/commands';
import { TRIM_STREAM_CATEGORY } from '../domain/trim/events';
import { managerView, type TrimManagerView } from '../domain/trim/manager-view';
import type { TrimState } from '../domain/trim/state';
import { trimQueue, type Page, type TrimQueueItem } from '../read-models/trauma.queries';
import {
  ActivateTrimDto,
  AllocatePractitionerDto,
  CloseTrimDto,
  DeclineTrimDto,
  ReallocatePractitionerDto,
  RiskAssessmentDto,
  TraumaBriefDto,
} from './trim.dtos';
import { TrimQueueQueryDto } from './trauma-queries.dtos';

const CATEGORY = TRIM_STREAM_CATEGORY;

/**
 * TRiM activations, one per person. Confidential to TRiM staff: scores and notes never
 * leave these endpoints, and a line manager may read only `/manager-view`.
 */
@ApiTags('trim')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@CasePermissions({ read: 'trauma.trim', waive: 'trauma.manageTrim' })
@Controller('trim')
export class TrimController extends CaseController<TrimCommand> {
  constructor(
    sender: CaseSender,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(sender, CATEGORY, {
      read: (role) => assertTraumaPermission(role, 'trim'),
      waive: (role) => assertTraumaPermission(role, 'manageTrim'),
    });
  }

  @Post()
  @Permit('trauma.trim')
  @ApiOperation({ summary: 'Activate TRiM for a person (from an incident, a self or a manager referral)' })
  @ApiCreatedResponse({ description: 'The activation, with Location and ETag headers' })
  async activate(
    @Body() body: ActivateTrimDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    assertTraumaPermission(actor.role, 'trim');
    const incident = body.incidentId ? await this.incident(body.incidentId, actor.forceId) : null;
    // Authorised above, before the incident is looked up.
    return this.create('/trim', () => undefined, actor, meta, res, (activationId, e) =>
      this.command(e, 'ActivateTrim', {
        activationId,
        personId: body.personId,
        personName: body.personName,
        employmentType: body.employmentType,
        department: body.department,
        source: body.source,
        incidentId: incident?.incidentId ?? null,
        incidentOccurredAt: incident ? new Date(incident.occurredAt) : null,
        activatedBy: null,
      }),
    );
  }

  @Get('queue')
  @Permit('trauma.trim')
  @ApiOperation({ summary: 'TRiM staff queue: open activations, overdue first' })
  async queue(@Query() query: TrimQueueQueryDto, @CurrentActor() actor: Actor): Promise<Page<TrimQueueItem>> {
    assertTraumaPermission(actor.role, 'trim');
    return trimQueue(this.pool, {
      forceId: actor.forceId,
      userId: actor.userId,
      view: query.view,
      includeEnded: query.includeEnded === 'true',
      // Nobody sees their own case in a staff queue.
      excludePersonId: actor.personId ?? null,
      department: query.department,
      sort: query.sort,
      order: query.order,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get(':id/manager-view')
  @Permit('trauma.trimManagerView')
  @ApiOperation({ summary: 'What a line manager may know: open or closed, and whether urgent support is needed' })
  async forManager(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor): Promise<TrimManagerView> {
    assertTraumaPermission(actor.role, 'trimManagerView');
    // Own-case rule too: a manager who is the colleague concerned does not read it as staff.
    const { state } = await this.sender.load(CATEGORY, id, actor.forceId, actor);
    return managerView(state as TrimState) as TrimManagerView;
  }

  @Post(':id/practitioner')
  @Permit('trauma.trim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Allocate a TRiM practitioner' })
  allocate(@Param('id', UuidParam) id: string, @Body() body: AllocatePractitionerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'trim'), id, a, m, res, (e) => this.command(e, 'AllocatePractitioner', { practitionerId: body.practitionerId }));
  }

  @Post(':id/practitioner/reallocate')
  @Permit('trauma.trim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the activation to another practitioner, with a reason' })
  reallocate(@Param('id', UuidParam) id: string, @Body() body: ReallocatePractitionerDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'trim'), id, a, m, res, (e) => this.command(e, 'ReallocatePractitioner', { practitionerId: body.practitionerId, reason: body.reason }));
  }

  @Post(':id/brief')
  @Permit('trauma.trim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trauma intervention brief delivered (due within 24 hours of activation)' })
  brief(@Param('id', UuidParam) id: string, @Body() body: TraumaBriefDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'trim'), id, a, m, res, (e) => this.command(e, 'RecordTraumaInterventionBrief', { deliveredAt: new Date(body.deliveredAt) }));
  }

  @Post(':id/assessments')
  @Permit('trauma.trim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the initial (~72 h) or follow-up (~28 days) risk assessment' })
  assess(@Param('id', UuidParam) id: string, @Body() body: RiskAssessmentDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'trim'), id, a, m, res, (e) =>
      this.command(e, 'RecordRiskAssessment', {
        kind: body.kind,
        scores: { ...body.scores },
        notes: body.notes,
        practitionerRequestedReferral: body.practitionerRequestedReferral,
      }),
    );
  }

  @Post(':id/close')
  @Permit('trauma.trim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the activation with its outcome' })
  close(@Param('id', UuidParam) id: string, @Body() body: CloseTrimDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'trim'), id, a, m, res, (e) => this.command(e, 'CloseTrim', { outcome: body.outcome, note: body.note ?? null }));
  }

  @Post(':id/decline')
  @Permit('trauma.trim')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person declines TRiM at this stage: a valid end, respected' })
  decline(@Param('id', UuidParam) id: string, @Body() body: DeclineTrimDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'trim'), id, a, m, res, (e) => this.command(e, 'DeclineTrim', { stage: body.stage, reason: body.reason }));
  }

  /** The incident an activation follows: it must exist in the caller's force. */
  private async incident(incidentId: string, forceId: string): Promise<{ incidentId: string; occurredAt: string }> {
    try {
      const { state } = await this.sender.load(INCIDENT_STREAM_CATEGORY, incidentId, forceId);
      const incident = state as IncidentState;
      if (incident.status === 'none') throw new Error('unreachable');
      return { incidentId, occurredAt: incident.occurredAt };
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') {
        throw new DomainError('TRIM.INCIDENT_NOT_FOUND', 'No such incident in this force', 'invalid', 'incidentId');
      }
      throw error;
    }
  }
}
