import { readFileSync } from 'node:fs';
import { DEFAULT_REFERRAL_POLICY, validateReferralPolicy, type ReferralDeadlinePolicy } from '../domain/deadline-policy';

/**
 * Each force runs referrals to its own deadlines. Overrides come from a JSON file
 * (`DEADLINE_POLICY_FILE`): `{ "referral": { "default": {...}, "forces": { "<forceId>": {...} } } }`,
 * each a partial policy laid over the brief's defaults. Validated once, at start-up.
 */
export class ReferralPolicyProvider {
  private readonly byForce: ReadonlyMap<string, ReferralDeadlinePolicy>;
  private readonly fallback: ReferralDeadlinePolicy;

  constructor(overrides: PolicyOverrides = {}) {
    this.fallback = merge(DEFAULT_REFERRAL_POLICY, overrides.default);
    this.byForce = new Map(
      Object.entries(overrides.forces ?? {}).map(([force, partial]) => [force, merge(this.fallback, partial)]),
    );
    const problems = [['default', this.fallback] as const, ...this.byForce.entries()].flatMap(([name, policy]) =>
      validateReferralPolicy(policy).map((p) => `${name}: ${p}`),
    );
    if (problems.length > 0) throw new Error(`Invalid referral deadline policy:\n  - ${problems.join('\n  - ')}`);
  }

  static fromFile(path: string | undefined): ReferralPolicyProvider {
    if (!path) return new ReferralPolicyProvider();
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read DEADLINE_POLICY_FILE ${path}: ${(error as Error).message}`);
    }
    const referral = (parsed as { referral?: PolicyOverrides }).referral ?? {};
    return new ReferralPolicyProvider(referral);
  }

  forForce(forceId: string): ReferralDeadlinePolicy {
    return this.byForce.get(forceId) ?? this.fallback;
  }
}

export interface PolicyOverrides {
  readonly default?: Partial<ReferralDeadlinePolicy>;
  readonly forces?: Readonly<Record<string, Partial<ReferralDeadlinePolicy>>>;
}

function merge(base: ReferralDeadlinePolicy, partial: Partial<ReferralDeadlinePolicy> | undefined): ReferralDeadlinePolicy {
  if (!partial) return base;
  return {
    ...base,
    ...partial,
    triage: { ...base.triage, ...partial.triage },
    firstAppointment: { ...base.firstAppointment, ...partial.firstAppointment },
  };
}
