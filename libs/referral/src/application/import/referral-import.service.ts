import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { invalidRows, requireCsv } from '@casework/platform/cases/case-import';
import type { WorkingCalendar } from '@casework/core/time/calendar';
import { CLOCK, type Clock } from '@casework/core/time/clock';
import { WORKING_CALENDAR } from '@casework/platform/tokens';
import { ExecuteReferralCommand } from '../execute-referral-command';
import { ReferralPolicyProvider } from '../referral-policy.provider';
import { planReferralImport } from './referral-csv';
import { ReferralImporter } from './referral-importer';

export interface ImportOutcome {
  readonly dryRun: boolean;
  /** Rows in the file that passed validation (all of them, or the call fails). */
  readonly rows: number;
  /** Referrals whose commands ran (0 on a dry run). */
  readonly referrals: number;
  readonly commands: number;
}

export interface ImportRequest {
  readonly actor: { readonly userId: string; readonly role: string; readonly forceId: string };
  readonly correlationId: string;
  readonly dryRun: boolean;
}

/**
 * Loads historical referrals, with their real business dates, into the caller's force.
 * All or nothing: every row is checked (shape, vocabulary, date order and the workflow's
 * own rules, by running the decider) before anything is appended; any bad row answers
 * 422 listing every bad row by line number. Ids derive from the force and each row's
 * reference, so sending the same file again appends nothing new.
 */
@Injectable()
export class ReferralImportService {
  constructor(
    private readonly commands: CommandBus,
    private readonly policies: ReferralPolicyProvider,
    @Inject(WORKING_CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async importCsv(body: unknown, request: ImportRequest): Promise<ImportOutcome> {
    const csv = requireCsv(body, 'referrals');
    const { actor } = request;
    const plan = planReferralImport(csv, {
      forceId: actor.forceId,
      actor: { userId: actor.userId, role: actor.role },
      now: this.clock.now(),
      policy: this.policies.forForce(actor.forceId),
      calendar: this.calendar,
    });
    if (!plan.ok) throw invalidRows(plan.errors, plan.rowsRead);
    if (request.dryRun) return { dryRun: true, rows: plan.rows.length, referrals: 0, commands: 0 };
    const importer = new ReferralImporter((referralId, command, context) =>
      this.commands.execute(new ExecuteReferralCommand(referralId, command, context)),
    );
    const done = await importer.run(plan.rows, {
      forceId: actor.forceId,
      actor: { userId: actor.userId, role: actor.role },
      correlationId: request.correlationId,
    });
    return { dryRun: false, rows: plan.rows.length, ...done };
  }
}
