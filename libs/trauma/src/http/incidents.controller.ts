import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Permit } from '@casework/identity/permit.decorator';
import { UuidParam } from '@casework/core/http/uuid-param.pipe';
import { CurrentActor, type Actor } from '@casework/platform/http/actor';
import { CommandMeta, type CommandHeaders } from '@casework/platform/http/command-headers';
import { PG_POOL } from '@casework/platform/tokens';
import { CaseController, CasePermissions } from '@casework/platform/cases/case.controller';
import { CaseSender, type CaseView } from '@casework/platform/cases/case-sender';
import { IncidentImportService } from '../application/import/incident-import.service';
import { assertTraumaPermission } from '../application/trauma-access';
import type { IncidentCommand } from '../domain/incident/commands';
import { INCIDENT_STREAM_CATEGORY } from '../domain/incident/events';
import { listIncidents, type IncidentListItem, type Page } from '../read-models/trauma.queries';
import {
  ConcludeMonitoringDto,
  ExposedColleagueDto,
  RecordDefusionDto,
  RecordDemobilisationDto,
  RecordEstimDto,
  RecordIncidentDto,
  RemoveExposedColleagueDto,
  SkipStageDto,
  StartMonitoringDto,
  TraumaReasonDto,
  TrimPlanningDto,
} from './incident.dtos';
import { IncidentListQueryDto } from './trauma-queries.dtos';

const CATEGORY = INCIDENT_STREAM_CATEGORY;

/**
 * Potentially traumatic incidents and the ESTIP support around them. Each command answers
 * with the incident as it now stands and its revision as ETag (send it back as If-Match);
 * an Idempotency-Key makes a retry safe.
 */
@ApiTags('incidents')
@ApiHeader({ name: 'X-Casework-Role', required: false, description: 'Which of the token’s roles to act in (only when it grants several)' })
@CasePermissions({ read: 'trauma.readIncident', waive: 'trauma.manageIncident' })
@Controller('incidents')
export class IncidentsController extends CaseController<IncidentCommand> {
  constructor(
    sender: CaseSender,
    private readonly importer: IncidentImportService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(sender, CATEGORY, {
      read: (role) => assertTraumaPermission(role, 'readIncident'),
      waive: (role) => assertTraumaPermission(role, 'manageIncident'),
    });
  }

  @Post()
  @Permit('trauma.recordIncident')
  @ApiOperation({ summary: 'Record an incident with the colleagues exposed to it (schedules ESTIP deadlines)' })
  @ApiCreatedResponse({ description: 'The incident, with Location and ETag headers' })
  async record(
    @Body() body: RecordIncidentDto,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    return this.create('/incidents', () => assertTraumaPermission(actor.role, 'recordIncident'), actor, meta, res, (incidentId, e) =>
      this.command(e, 'RecordIncident', {
        incidentId,
        type: body.type,
        occurredAt: new Date(body.occurredAt),
        location: body.location,
        department: body.department,
        summary: body.summary,
        recordedBy: body.recordedBy ?? null,
        exposedColleagues: body.exposedColleagues.map(colleague),
      }),
    );
  }

  @Get()
  @Permit('trauma.readIncident')
  @ApiOperation({ summary: 'Incidents, overdue ESTIP stages first, then newest' })
  async list(@Query() query: IncidentListQueryDto, @CurrentActor() actor: Actor): Promise<Page<IncidentListItem>> {
    assertTraumaPermission(actor.role, 'readIncident');
    return listIncidents(this.pool, {
      forceId: actor.forceId,
      status: query.status,
      department: query.department,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      from: query.from,
      to: query.to,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Post('import')
  @Permit('trauma.manageIncident')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import historical incidents and exposures from CSV (all or nothing)',
    description:
      'One row per exposure; rows sharing incident_ref form one incident. Every row is validated, including ' +
      'against the workflow rules, before anything is stored; a bad row stores nothing and answers 422 listing every ' +
      'bad row by line. Imported incidents are closed at once (their ESTIP deadlines long past) unless still_open. ' +
      'Re-sending the same file stores nothing new. Add ?dryRun=true to validate only.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'incident_ref,occurred_at,incident_type,...' } })
  async import(
    @Body() csv: unknown,
    @Query('dryRun') dryRun: string | undefined,
    @CurrentActor() actor: Actor,
    @CommandMeta() meta: CommandHeaders,
  ): Promise<unknown> {
    assertTraumaPermission(actor.role, 'manageIncident');
    return this.importer.importCsv(csv, { actor, correlationId: meta.correlationId, dryRun: dryRun === 'true' });
  }

  @Post(':id/exposures')
  @Permit('trauma.recordIncident')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add an exposed colleague (counts toward their repeat-exposure record)' })
  addExposure(@Param('id', UuidParam) id: string, @Body() body: ExposedColleagueDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'recordIncident'), id, a, m, res, (e) => this.command(e, 'AddExposedColleague', colleague(body)));
  }

  @Post(':id/exposures/:personId/remove')
  @Permit('trauma.manageIncident')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove an exposure recorded in error, with a reason' })
  removeExposure(@Param('id', UuidParam) id: string, @Param('personId') personId: string, @Body() body: RemoveExposedColleagueDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'manageIncident'), id, a, m, res, (e) => this.command(e, 'RemoveExposedColleague', { personId, reason: body.reason }));
  }

  @Post(':id/demobilisation')
  @Permit('trauma.runEstip')
  @HttpCode(200)
  @ApiOperation({ summary: 'ESTIP tier 1: demobilisation held (same day)' })
  demobilisation(@Param('id', UuidParam) id: string, @Body() body: RecordDemobilisationDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'runEstip'), id, a, m, res, (e) =>
      this.command(e, 'RecordDemobilisation', { ledBy: { ...body.ledBy }, attendees: body.attendees, defusionNeeded: body.defusionNeeded }),
    );
  }

  @Post(':id/defusion')
  @Permit('trauma.runEstip')
  @HttpCode(200)
  @ApiOperation({ summary: 'ESTIP tier 2: defusion held (about 3 days after), with the peer defuser' })
  defusion(@Param('id', UuidParam) id: string, @Body() body: RecordDefusionDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'runEstip'), id, a, m, res, (e) =>
      this.command(e, 'RecordDefusion', {
        format: body.format,
        peerDefuserId: body.peerDefuserId,
        attendees: body.attendees,
        needingMoreSupport: body.needingMoreSupport,
      }),
    );
  }

  @Post(':id/estim')
  @Permit('trauma.runEstip')
  @HttpCode(200)
  @ApiOperation({ summary: 'ESTIP tier 3: trauma intervention meeting held' })
  estim(@Param('id', UuidParam) id: string, @Body() body: RecordEstimDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'runEstip'), id, a, m, res, (e) =>
      this.command(e, 'RecordEstim', { attendees: body.attendees, includesOh: body.includesOh, referredOn: body.referredOn.map((r) => ({ ...r })) }),
    );
  }

  @Post(':id/monitoring/start')
  @Permit('trauma.runEstip')
  @HttpCode(200)
  @ApiOperation({ summary: 'ESTIP tier 4: monitoring started' })
  startMonitoring(@Param('id', UuidParam) id: string, @Body() body: StartMonitoringDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'runEstip'), id, a, m, res, (e) => this.command(e, 'StartMonitoring', { monitored: body.monitored }));
  }

  @Post(':id/monitoring/conclude')
  @Permit('trauma.runEstip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Monitoring concluded: no further support, referred on, or declined' })
  concludeMonitoring(@Param('id', UuidParam) id: string, @Body() body: ConcludeMonitoringDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'runEstip'), id, a, m, res, (e) =>
      this.command(e, 'ConcludeMonitoring', { outcome: body.outcome, referredOn: body.referredOn.map((r) => ({ ...r })) }),
    );
  }

  @Post(':id/stages/skip')
  @Permit('trauma.runEstip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Skip an ESTIP stage with a reason (meets its deadline)' })
  skip(@Param('id', UuidParam) id: string, @Body() body: SkipStageDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'runEstip'), id, a, m, res, (e) => this.command(e, 'SkipEstipStage', { stage: body.stage, reason: body.reason }));
  }

  @Post(':id/trim-planning')
  @Permit('trauma.runEstip')
  @HttpCode(200)
  @ApiOperation({ summary: 'TRiM planning meeting held: who is offered a risk assessment' })
  trimPlanning(@Param('id', UuidParam) id: string, @Body() body: TrimPlanningDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'runEstip'), id, a, m, res, (e) =>
      this.command(e, 'RecordTrimPlanningMeeting', { chairedBy: body.chairedBy, offeredRiskAssessment: body.offeredRiskAssessment }),
    );
  }

  @Post(':id/close')
  @Permit('trauma.manageIncident')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the incident (waives open ESTIP deadlines)' })
  close(@Param('id', UuidParam) id: string, @Body() body: TraumaReasonDto, @CurrentActor() a: Actor, @CommandMeta() m: CommandHeaders, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    return this.send(() => assertTraumaPermission(a.role, 'manageIncident'), id, a, m, res, (e) => this.command(e, 'CloseIncident', { reason: body.reason }));
  }
}


/** An exposed colleague as the command carries one. */
function colleague(dto: ExposedColleagueDto) {
  return { personId: dto.personId, name: dto.name, department: dto.department, role: dto.role ?? null, exposureRole: dto.exposureRole };
}
