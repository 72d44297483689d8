import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@casework/core/aggregate/command-pipeline';
import { ProblemException, problemType } from '@casework/core/http/problem';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { ExecuteCaseCommand } from '@casework/platform/cases/case-commands';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import { EXIT_STREAM_CATEGORY, type ExitCommand } from '../../domain/exit';
import { RetentionPolicies } from '../retention-policies';
import { planLeaverImport, type PlannedLeaver } from './leaver-csv';

export interface LeaverImportOutcome {
  readonly dryRun: boolean;
  /** Rows (leavers) in the file that passed validation: all of them, or the call fails. */
  readonly rows: number;
  /** Leavers whose commands ran; on a dry run, those that would. */
  readonly leavers: number;
  /** Commands run (already applied ones count: they were replayed); on a dry run, planned. */
  readonly commands: number;
}

export interface LeaverImportRequest {
  readonly actor: { readonly userId: string; readonly role: string; readonly forceId: string };
  readonly correlationId: string;
  readonly dryRun: boolean;
}

/** Leavers imported at once; each leaver's own commands run one after another. */
const CONCURRENCY = 8;

/** An append failed part-way; `completed` says how far the run got before stopping. */
export class LeaverImportError extends Error {
  constructor(
    readonly line: number,
    readonly leaverRef: string,
    readonly completed: { readonly leavers: number; readonly commands: number },
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `Import stopped at line ${line} (leaver_ref ${leaverRef}) after ${completed.leavers} leavers: ${reason}. ` +
        'Run the same file again to finish: what was appended is not appended twice.',
      options,
    );
    this.name = 'LeaverImportError';
  }
}

/**
 * Loads historical leavers (and withdrawn resignations), back-dated, into the caller's
 * force as exits (see leaver-csv.ts for the columns and the dates each step is given).
 * All or nothing: every row is checked (shape, vocabulary, date order, the force's
 * driver taxonomy, and the decider's own rules, by running it) before anything is
 * appended; any bad row answers 422 listing every problem by line number.
 *
 * The append is not one transaction (each exit is its own stream), but every id is
 * derived from the force and `leaver_ref` and the pipeline skips a command it has
 * already applied, so if the database fails part-way, sending the same file again
 * completes the import without duplicating anything. Up to 8 leavers run at once; after
 * the first failure no further leaver starts and the call rejects with LeaverImportError.
 */
@Injectable()
export class LeaverImportService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly policies: RetentionPolicies,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async importCsv(body: unknown, request: LeaverImportRequest): Promise<LeaverImportOutcome> {
    if (typeof body !== 'string' || body.trim().length === 0) {
      throw new ProblemException({
        type: problemType('IMPORT.NOT_CSV'),
        title: 'Send the leavers as a CSV body with Content-Type: text/csv',
        status: 415,
        code: 'IMPORT.NOT_CSV',
      });
    }
    const { actor } = request;
    const plan = planLeaverImport(body, {
      forceId: actor.forceId,
      actor: { userId: actor.userId, role: actor.role },
      now: this.clock.now(),
      policy: this.policies.forForce(actor.forceId).exit,
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
    const rows = plan.leavers.length;
    if (request.dryRun) {
      const commands = plan.leavers.reduce((n, leaver) => n + leaver.commands.length, 0);
      return { dryRun: true, rows, leavers: rows, commands };
    }
    const done = await this.run(plan.leavers, request);
    return { dryRun: false, rows, ...done };
  }

  private async run(plan: readonly PlannedLeaver[], request: LeaverImportRequest): Promise<{ leavers: number; commands: number }> {
    const { forceId } = request.actor;
    const actor = { userId: request.actor.userId, role: request.actor.role };
    let next = 0;
    let leavers = 0;
    let commands = 0;
    let failure: { leaver: PlannedLeaver; cause: unknown } | undefined;

    const importLeaver = async (leaver: PlannedLeaver): Promise<void> => {
      for (const command of leaver.commands) {
        await this.execute(leaver.exitId, command, {
          commandId: command.commandId,
          correlationId: request.correlationId,
          causationId: request.correlationId,
          actor,
          forceId,
          occurredAt: command.now,
        });
        commands++;
      }
      leavers++;
    };

    // A fixed pool of workers, each taking the next leaver until none is left (or one failed).
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < plan.length) {
        const leaver = plan[next++] as PlannedLeaver;
        try {
          await importLeaver(leaver);
        } catch (cause) {
          failure ??= { leaver, cause };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, plan.length) }, worker));

    if (failure) {
      const { leaver, cause } = failure;
      throw new LeaverImportError(leaver.line, leaver.leaverRef, { leavers, commands }, { cause });
    }
    return { leavers, commands };
  }

  private execute(exitId: string, command: ExitCommand, context: CommandContext): Promise<unknown> {
    return this.commandBus.execute(new ExecuteCaseCommand(EXIT_STREAM_CATEGORY, exitId, command, context));
  }
}
