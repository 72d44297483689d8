import { deterministicId } from '@casework/core/ids';
import type { ReferralCommand } from '@casework/referral/domain/commands';
import type { ExitCommand } from '@casework/retention/domain/exit/commands';
import type { StayCommand } from '@casework/retention/domain/stay/commands';
import type { WelfareCommand } from '@casework/retention/domain/welfare/commands';
import type { IncidentCommand } from '@casework/trauma/domain/incident/commands';
import type { SurveillanceCommand } from '@casework/trauma/domain/surveillance/commands';
import type { TrimCommand } from '@casework/trauma/domain/trim/commands';
import type { Colleague } from './people';

/**
 * One case of the synthetic force: its stream and the commands, back-dated to when each
 * thing happened, that tell its story through the real deciders. `afterProcessManagers`
 * cases continue a case a process manager opened (the OH referral TRiM asked for), so
 * they run once the worker has caught up with the history.
 */
type CaseOf<W extends string, C> = {
  readonly workflow: W;
  readonly caseId: string;
  readonly commands: readonly C[];
  readonly afterProcessManagers?: boolean;
};

export type SeedCase =
  | CaseOf<'referral', ReferralCommand>
  | CaseOf<'incident', IncidentCommand>
  | CaseOf<'trim', TrimCommand>
  | CaseOf<'surveillance', SurveillanceCommand>
  | CaseOf<'exit', ExitCommand>
  | CaseOf<'stay', StayCommand>
  | CaseOf<'welfare', WelfareCommand>;

export type Workflow = SeedCase['workflow'];

/** What every part of the plan shares. */
export interface PlanContext {
  readonly forceId: string;
  readonly seed: number;
  /** The end of the year of history: nothing is dated after it. */
  readonly now: Date;
  /** Colleagues planned / 2,000: every case count scales with it. */
  readonly scale: number;
  readonly colleagues: readonly Colleague[];
}

/**
 * Every id derives from the force, the seed and the case's place in the plan, so
 * seeding the same force again sends the same command ids and appends nothing.
 */
export function seedId(ctx: Pick<PlanContext, 'forceId' | 'seed'>, ...parts: readonly (string | number)[]): string {
  return deterministicId('demo-seed', ctx.forceId, String(ctx.seed), ...parts.map(String));
}

/** A case count for this size of force: the 2,000-colleague figure scaled, at least one. */
export function scaled(ctx: Pick<PlanContext, 'scale'>, atTwoThousand: number): number {
  return Math.max(1, Math.round(atTwoThousand * ctx.scale));
}

/** A case's commands up to now: what lies ahead has not happened yet, so the case stays open there. */
export function upTo<C extends { readonly now: Date }>(commands: readonly C[], now: Date): C[] {
  const end = commands.findIndex((command) => command.now.getTime() > now.getTime());
  return end === -1 ? [...commands] : commands.slice(0, end);
}

/** The envelope every command carries. */
export function envelope(
  ctx: Pick<PlanContext, 'forceId' | 'seed'>,
  caseKey: string,
  step: string,
  now: Date,
  actor: { readonly userId: string; readonly role: string },
): { readonly commandId: string; readonly now: Date; readonly actor: { readonly userId: string; readonly role: string } } {
  return { commandId: seedId(ctx, caseKey, step), now, actor: { userId: actor.userId, role: actor.role } };
}
