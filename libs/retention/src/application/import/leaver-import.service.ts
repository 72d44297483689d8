import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { invalidRows, requireCsv, runCaseImport, type CaseImportRequest } from '@casework/platform/cases/case-import';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import { EXIT_STREAM_CATEGORY } from '../../domain/exit';
import { RetentionPolicies } from '../retention-policies';
import { planLeaverImport } from './leaver-csv';

export interface LeaverImportOutcome {
  readonly dryRun: boolean;
  /** Rows (leavers) in the file that passed validation: all of them, or the call fails. */
  readonly rows: number;
  /** Leavers whose commands ran; on a dry run, those that would. */
  readonly leavers: number;
  /** Commands run (already applied ones count: they were replayed); on a dry run, planned. */
  readonly commands: number;
}

export interface LeaverImportRequest extends CaseImportRequest {
  readonly dryRun: boolean;
}

/**
 * Loads historical leavers (and withdrawn resignations), back-dated, into the caller's
 * force as exits (see leaver-csv.ts for the columns and the dates each step is given).
 * All or nothing: every row is checked (shape, vocabulary, date order, the force's
 * driver taxonomy, and the decider's own rules, by running it) before anything is
 * appended; any bad row answers 422 listing every problem by line number.
 * Appending (bounded concurrency, idempotent re-runs) is `runCaseImport`'s.
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
    const csv = requireCsv(body, 'leavers');
    const { actor } = request;
    const plan = planLeaverImport(csv, {
      forceId: actor.forceId,
      actor: { userId: actor.userId, role: actor.role },
      now: this.clock.now(),
      policy: this.policies.forForce(actor.forceId).exit,
      calendar: this.calendar,
    });
    if (!plan.ok) throw invalidRows(plan.errors, plan.rowsRead);
    const rows = plan.leavers.length;
    if (request.dryRun) {
      const commands = plan.leavers.reduce((n, planned) => n + planned.commands.length, 0);
      return { dryRun: true, rows, leavers: rows, commands };
    }
    const cases = plan.leavers.map((p) => ({ line: p.line, ref: p.leaverRef, caseId: p.exitId, commands: p.commands }));
    const done = await runCaseImport(this.commandBus, EXIT_STREAM_CATEGORY, cases, request);
    return { dryRun: false, rows, leavers: done.cases, commands: done.commands };
  }
}
