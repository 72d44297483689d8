import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@casework/core/aggregate/command-pipeline';
import { ProblemException, problemType } from '@casework/core/http/problem';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import type { IncidentCommand } from '../../domain/incident/commands';
import { INCIDENT_STREAM_CATEGORY } from '../../domain/incident/events';
import { ExecuteCaseCommand } from '@casework/platform/cases/case-commands';
import { TraumaPolicies } from '../trauma-policies';
import { planIncidentImport, type PlannedIncident } from './incident-csv';

export interface IncidentImportOutcome {
  readonly dryRun: boolean;
  /** Rows (exposures) in the file that passed validation: all of them, or the call fails. */
  readonly rows: number;
  /** Incidents whose commands ran; on a dry run, those that would. */
  readonly incidents: number;
  /** Commands run (already applied ones count: they were replayed); on a dry run, planned. */
  readonly commands: number;
}

export interface IncidentImportRequest {
  readonly actor: { readonly userId: string; readonly role: string; readonly forceId: string };
  readonly correlationId: string;
  readonly dryRun: boolean;
}

/** Incidents imported at once; each incident's own commands run one after another. */
const CONCURRENCY = 8;

/** An append failed part-way; `completed` says how far the run got before stopping. */
export class IncidentImportError extends Error {
  constructor(
    readonly line: number,
    readonly incidentRef: string,
    readonly completed: { readonly incidents: number; readonly commands: number },
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `Import stopped at line ${line} (incident_ref ${incidentRef}) after ${completed.incidents} incidents: ${reason}. ` +
        'Run the same file again to finish: what was appended is not appended twice.',
      options,
    );
    this.name = 'IncidentImportError';
  }
}

/**
 * Loads historical trauma incidents and the colleagues exposed to them, back-dated, into
 * the caller's force (see incident-csv.ts for the columns and why imported incidents are
 * closed at once). All or nothing: every row is checked (shape, vocabulary, agreement
 * between an incident's rows, and the decider's own rules, by running it) before
 * anything is appended; any bad row answers 422 listing every problem by line number.
 *
 * The append is not one transaction (each incident is its own stream), but every id is
 * derived from the force and `incident_ref` and the pipeline skips a command it has
 * already applied, so if the database fails part-way, sending the same file again
 * completes the import without duplicating anything. Up to 8 incidents run at once; after
 * the first failure no further incident starts and the call rejects with
 * IncidentImportError.
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
    if (typeof body !== 'string' || body.trim().length === 0) {
      throw new ProblemException({
        type: problemType('IMPORT.NOT_CSV'),
        title: 'Send the incidents as a CSV body with Content-Type: text/csv',
        status: 415,
        code: 'IMPORT.NOT_CSV',
      });
    }
    const { actor } = request;
    const policy = this.policies.forForce(actor.forceId);
    const plan = planIncidentImport(body, {
      forceId: actor.forceId,
      actor: { userId: actor.userId, role: actor.role },
      now: this.clock.now(),
      estip: policy.estip,
      taxonomy: policy.taxonomy,
      calendar: this.calendar,
    });
    if (!plan.ok) {
      throw new ProblemException({
        type: problemType('IMPORT.INVALID_ROWS'),
        title: 'The file has invalid rows; nothing was imported',
        status: 422,
        code: 'IMPORT.INVALID_ROWS',
        detail: `${plan.errors.length} problem(s) in ${plan.rowsRead} row(s)`,
        rows: plan.errors,
      });
    }
    const rows = plan.incidents.reduce((n, incident) => n + incident.lines.length, 0);
    if (request.dryRun) {
      const commands = plan.incidents.reduce((n, incident) => n + incident.commands.length, 0);
      return { dryRun: true, rows, incidents: plan.incidents.length, commands };
    }
    const done = await this.run(plan.incidents, request);
    return { dryRun: false, rows, ...done };
  }

  private async run(
    plan: readonly PlannedIncident[],
    request: IncidentImportRequest,
  ): Promise<{ incidents: number; commands: number }> {
    const { forceId } = request.actor;
    const actor = { userId: request.actor.userId, role: request.actor.role };
    let next = 0;
    let incidents = 0;
    let commands = 0;
    let failure: { incident: PlannedIncident; cause: unknown } | undefined;

    const importIncident = async (incident: PlannedIncident): Promise<void> => {
      for (const command of incident.commands) {
        await this.execute(incident.incidentId, command, {
          commandId: command.commandId,
          correlationId: request.correlationId,
          causationId: request.correlationId,
          actor,
          forceId,
          occurredAt: command.now,
        });
        commands++;
      }
      incidents++;
    };

    // A fixed pool of workers, each taking the next incident until none is left (or one failed).
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < plan.length) {
        const incident = plan[next++] as PlannedIncident;
        try {
          await importIncident(incident);
        } catch (cause) {
          failure ??= { incident, cause };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, plan.length) }, worker));

    if (failure) {
      const { incident, cause } = failure;
      throw new IncidentImportError(incident.line, incident.incidentRef, { incidents, commands }, { cause });
    }
    return { incidents, commands };
  }

  private execute(incidentId: string, command: IncidentCommand, context: CommandContext): Promise<unknown> {
    return this.commandBus.execute(new ExecuteCaseCommand(INCIDENT_STREAM_CATEGORY, incidentId, command, context));
  }
}
