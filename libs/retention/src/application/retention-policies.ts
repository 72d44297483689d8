import { readFileSync } from 'node:fs';
import { DEFAULT_EXIT_POLICY, validateExitPolicy, type ExitPolicy } from '../domain/exit/policy';
import { DEFAULT_STAY_POLICY, validateStayPolicy, type StayPolicy } from '../domain/stay/policy';
import { DEFAULT_WELFARE_POLICY, validateWelfarePolicy, type WelfarePolicy } from '../domain/welfare/policy';

export interface RetentionPolicy {
  readonly stay: StayPolicy;
  readonly exit: ExitPolicy;
  readonly welfare: WelfarePolicy;
}

export interface RetentionPolicyPartial {
  readonly stay?: Partial<StayPolicy>;
  readonly exit?: Partial<ExitPolicy>;
  readonly welfare?: Partial<WelfarePolicy>;
}

export interface RetentionPolicyOverrides {
  readonly default?: RetentionPolicyPartial;
  readonly forces?: Readonly<Record<string, RetentionPolicyPartial>>;
}

const DEFAULTS: RetentionPolicy = { stay: DEFAULT_STAY_POLICY, exit: DEFAULT_EXIT_POLICY, welfare: DEFAULT_WELFARE_POLICY };

/**
 * Each force's stay-interview, exit and welfare-liaison policies (deadlines, theme and
 * driver taxonomies, the exit questionnaire, contact cadences), laid over the defaults.
 * From `DEADLINE_POLICY_FILE`'s `retention` key; validated once at start-up.
 */
export class RetentionPolicies {
  private readonly fallback: RetentionPolicy;
  private readonly byForce: ReadonlyMap<string, RetentionPolicy>;

  constructor(overrides: RetentionPolicyOverrides = {}) {
    this.fallback = merge(DEFAULTS, overrides.default);
    this.byForce = new Map(Object.entries(overrides.forces ?? {}).map(([force, p]) => [force, merge(this.fallback, p)]));
    const problems = [['default', this.fallback] as const, ...this.byForce.entries()].flatMap(([name, policy]) =>
      [
        ...validateStayPolicy(policy.stay).map((p) => `stay: ${p}`),
        ...validateExitPolicy(policy.exit).map((p) => `exit: ${p}`),
        ...validateWelfarePolicy(policy.welfare).map((p) => `welfare: ${p}`),
      ].map((p) => `${name}: ${p}`),
    );
    if (problems.length > 0) throw new Error(`Invalid retention policy:\n  - ${problems.join('\n  - ')}`);
  }

  static fromFile(path: string | undefined): RetentionPolicies {
    if (!path) return new RetentionPolicies();
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read DEADLINE_POLICY_FILE ${path}: ${(error as Error).message}`);
    }
    return new RetentionPolicies((parsed as { retention?: RetentionPolicyOverrides }).retention ?? {});
  }

  forForce(forceId: string): RetentionPolicy {
    return this.byForce.get(forceId) ?? this.fallback;
  }
}

function merge(base: RetentionPolicy, partial: RetentionPolicyPartial | undefined): RetentionPolicy {
  if (!partial) return base;
  return {
    stay: { ...base.stay, ...partial.stay },
    exit: { ...base.exit, ...partial.exit },
    welfare: { ...base.welfare, ...partial.welfare },
  };
}
