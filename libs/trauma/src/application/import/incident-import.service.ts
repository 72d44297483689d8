import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { invalidRows, requireCsv, runCaseImport, type CaseImportRequest } from '@casework/platform/cases/case-import';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import { INCIDENT_STREAM_CATEGORY } from '../../domain/incident/events';
import { TraumaPolicies } from '../trauma-policies';
import { planIncidentImport } from './incident-csv';

export interface IncidentImportOutcome {
  readonly dryRun: boolean;
  /** Rows (exposures) in the file that passed validation: all of them, or the call fails. */
  readonly rows: number;
  /** Incidents whose commands ran; on a dry run, those that would. */
  readonly incidents: number;
  /** Commands run (already applied ones count: they were replayed); on a dry run, planned. */
  readonly commands: number;
}

export interface IncidentImportRequest extends CaseImportRequest {
  readonly dryRun: boolean;
}

/**
 * Loads historical trauma incidents and the colleagues exposed to them, back-dated, into
 * the caller's force (see incident-csv.ts for the columns and why imported incidents are
 * closed at once). All or nothing: every row is checked (shape, vocabulary, agreement
 * between an incident's rows, and the decider's own rules, by running it) before
 * anything is appended; any bad row answers 422 listing every problem by line number.
 * Appending (bounded concurrency, idempotent re-runs) is `runCaseImport`'s.
 */
@Injectable()
export class IncidentImportService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly policies: TraumaPolicies,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async importCsv(body: unknown, request: IncidentImportRequest): Promise<IncidentImportOutcome> {
    const csv = requireCsv(body, 'incidents');
    const { actor } = request;
    const policy = this.policies.forForce(actor.forceId);
    const plan = planIncidentImport(csv, {
      forceId: actor.forceId,
      actor: { userId: actor.userId, role: actor.role },
      now: this.clock.now(),
      estip: policy.estip,
      taxonomy: policy.taxonomy,
      calendar: this.calendar,
    });
    if (!plan.ok) throw invalidRows(plan.errors, plan.rowsRead);
    const rows = plan.incidents.reduce((n, incident) => n + incident.lines.length, 0);
    if (request.dryRun) {
      const commands = plan.incidents.reduce((n, incident) => n + incident.commands.length, 0);
      return { dryRun: true, rows, incidents: plan.incidents.length, commands };
    }
    const cases = plan.incidents.map((p) => ({ line: p.line, ref: p.incidentRef, caseId: p.incidentId, commands: p.commands }));
    const done = await runCaseImport(this.commandBus, INCIDENT_STREAM_CATEGORY, cases, request);
    return { dryRun: false, rows, incidents: done.cases, commands: done.commands };
  }
}
