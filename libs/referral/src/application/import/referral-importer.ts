import type { CommandContext } from '@casework/core/aggregate/command-pipeline';
import type { ReferralCommand } from '../../domain/commands';
import type { Actor } from '../../domain/types';
import type { PlannedReferral } from './referral-csv';

/** Runs one referral command through the pipeline (in the app: the CQRS command bus). */
export type ExecuteReferral = (referralId: string, command: ReferralCommand, context: CommandContext) => Promise<unknown>;

export interface ReferralImportRun {
  readonly forceId: string;
  readonly actor: Actor;
  /** Ties every event of this import run together. */
  readonly correlationId: string;
  /** Referrals imported at once; default 8. */
  readonly concurrency?: number;
}

export interface ReferralImportSummary {
  /** Referrals whose every command ran (already-imported commands count: they were replayed). */
  readonly referrals: number;
  readonly commands: number;
}

const DEFAULT_CONCURRENCY = 8;

/** An append failed part-way; `completed` says how far the run got before stopping. */
export class ReferralImportError extends Error {
  constructor(
    readonly line: number,
    readonly referralRef: string,
    readonly completed: ReferralImportSummary,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(
      `Import stopped at line ${line} (referral_ref ${referralRef}) after ${completed.referrals} referrals: ${reason}. ` +
        'Run the same file again to finish: what was appended is not appended twice.',
      options,
    );
    this.name = 'ReferralImportError';
  }
}

/**
 * Appends a planned import (see `planReferralImport`).
 *
 * Validation is all or nothing: the plan exists only when every row passed, including the
 * dry run through the decider, so nothing is appended for a file with a bad row. The append
 * itself is not one transaction (each referral is its own stream), but every referral and
 * command id is derived from the force and the row's `referral_ref`, and the pipeline
 * skips a command whose id it has already applied. So if the database or the network fails
 * part-way, running the same file again completes the import without duplicating anything.
 *
 * Referrals are independent streams, so several run at once (`concurrency`); a referral's
 * own commands run one after another, in order. After the first failure no further
 * referral is started, those in flight finish, and the run rejects with ReferralImportError.
 */
export class ReferralImporter {
  constructor(private readonly execute: ExecuteReferral) {}

  async run(plan: readonly PlannedReferral[], opts: ReferralImportRun): Promise<ReferralImportSummary> {
    const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    const actor = { userId: opts.actor.userId, role: opts.actor.role };
    let next = 0;
    let referrals = 0;
    let commands = 0;
    let failure: { row: PlannedReferral; cause: unknown } | undefined;

    const importRow = async (row: PlannedReferral): Promise<void> => {
      for (const command of row.commands) {
        await this.execute(row.referralId, command, {
          commandId: command.commandId,
          correlationId: opts.correlationId,
          causationId: opts.correlationId,
          actor,
          forceId: opts.forceId,
          occurredAt: command.now,
        });
        commands++;
      }
      referrals++;
    };

    // A fixed pool of workers, each taking the next row until none is left (or one failed).
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < plan.length) {
        const row = plan[next++] as PlannedReferral;
        try {
          await importRow(row);
        } catch (cause) {
          failure ??= { row, cause };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, plan.length) }, worker));

    if (failure) {
      throw new ReferralImportError(failure.row.line, failure.row.referralRef, { referrals, commands }, { cause: failure.cause });
    }
    return { referrals, commands };
  }
}
