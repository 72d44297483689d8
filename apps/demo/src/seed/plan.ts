import { generateColleagues, type Colleague } from './people';
import { planExits } from './plan-exits';
import { planReferrals } from './plan-referrals';
import { planStayInterviews } from './plan-stay';
import { planSurveillance } from './plan-surveillance';
import { planTrauma } from './plan-trauma';
import { planWelfare } from './plan-welfare';
import { Random } from './random';
import type { PlanContext, SeedCase } from './seed-case';

export interface DemoForceOptions {
  readonly forceId: string;
  /** Same seed, same force. */
  readonly seed: number;
  /** About 2,000 for the demo; tests plan smaller forces. */
  readonly colleagues: number;
  /** The end of the year of history (the app's clock). */
  readonly now: Date;
}

export interface DemoForcePlan {
  readonly colleagues: readonly Colleague[];
  /** Every case with at least one command, history first, then what follows the process managers. */
  readonly cases: readonly SeedCase[];
}

export const DEFAULT_SEED = 20_250_401;
export const DEFAULT_COLLEAGUES = 2_000;

/**
 * A synthetic force and a year of its casework, as commands for the real deciders.
 * Pure and deterministic: each part of the plan draws from its own stream of the seed,
 * so the same options always give the same force and the same command ids.
 */
export function planDemoForce(options: DemoForceOptions): DemoForcePlan {
  if (!Number.isInteger(options.colleagues) || options.colleagues < 20) {
    throw new RangeError(`A demo force needs at least 20 colleagues, got ${options.colleagues}`);
  }
  const root = new Random(options.seed);
  const streams = ['people', 'referrals', 'trauma', 'surveillance', 'exits', 'stay', 'welfare'] as const;
  const random = Object.fromEntries(streams.map((name) => [name, root.fork(name)])) as Record<(typeof streams)[number], Random>;
  const colleagues = generateColleagues(options.colleagues, random.people, options.now);
  const ctx: PlanContext = {
    forceId: options.forceId,
    seed: options.seed,
    now: options.now,
    scale: options.colleagues / DEFAULT_COLLEAGUES,
    colleagues,
  };
  const cases = [
    ...planReferrals(ctx, random.referrals),
    ...planTrauma(ctx, random.trauma),
    ...planSurveillance(ctx, random.surveillance),
    ...planExits(ctx, random.exits),
    ...planStayInterviews(ctx, random.stay),
    ...planWelfare(ctx, random.welfare),
  ].filter((c) => c.commands.length > 0);
  return {
    colleagues,
    cases: [...cases.filter((c) => !c.afterProcessManagers), ...cases.filter((c) => c.afterProcessManagers)],
  };
}
