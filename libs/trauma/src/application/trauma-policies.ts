import { readFileSync } from 'node:fs';
import { DEFAULT_ESTIP_POLICY, validateEstipPolicy, type EstipPolicy } from '../domain/incident/estip-policy';
import { DEFAULT_INCIDENT_TAXONOMY, validateTaxonomy, type IncidentTaxonomy } from '../domain/incident/incident-taxonomy';
import { DEFAULT_TRIM_POLICY, validateTrimPolicy, type TrimPolicy } from '../domain/trim/policy';
import {
  DEFAULT_EXPOSURE_POLICY,
  DEFAULT_SUPPORT_TASK_POLICY,
  validateExposurePolicy,
  validateSupportTaskPolicy,
  type ExposurePolicy,
  type SupportTaskPolicy,
} from '../domain/exposure';
import { DEFAULT_SURVEILLANCE_POLICY, validateSurveillancePolicy, type SurveillancePolicy } from '../domain/surveillance';

/** Every trauma policy one force runs to. */
export interface TraumaPolicy {
  readonly estip: EstipPolicy;
  readonly taxonomy: IncidentTaxonomy;
  readonly trim: TrimPolicy;
  readonly exposure: ExposurePolicy;
  readonly supportTask: SupportTaskPolicy;
  readonly surveillance: SurveillancePolicy;
}

export interface TraumaPolicyPartial {
  readonly estip?: Partial<EstipPolicy>;
  /** A taxonomy replaces the default list whole (types are data, not a patch). */
  readonly taxonomy?: IncidentTaxonomy;
  readonly trim?: Partial<TrimPolicy>;
  readonly exposure?: Partial<ExposurePolicy>;
  readonly supportTask?: Partial<SupportTaskPolicy>;
  readonly surveillance?: Partial<SurveillancePolicy>;
}

export interface TraumaPolicyOverrides {
  readonly default?: TraumaPolicyPartial;
  readonly forces?: Readonly<Record<string, TraumaPolicyPartial>>;
}

const DEFAULTS: TraumaPolicy = {
  estip: DEFAULT_ESTIP_POLICY,
  taxonomy: DEFAULT_INCIDENT_TAXONOMY,
  trim: DEFAULT_TRIM_POLICY,
  exposure: DEFAULT_EXPOSURE_POLICY,
  supportTask: DEFAULT_SUPPORT_TASK_POLICY,
  surveillance: DEFAULT_SURVEILLANCE_POLICY,
};

/**
 * Each force's trauma deadlines, incident taxonomy, TRiM and repeat-exposure thresholds
 * and screening schedule, laid over the
 * brief's defaults. From `DEADLINE_POLICY_FILE`'s `trauma` key (beside `referral`),
 * validated once at start-up with every problem listed.
 */
export class TraumaPolicies {
  private readonly fallback: TraumaPolicy;
  private readonly byForce: ReadonlyMap<string, TraumaPolicy>;

  constructor(overrides: TraumaPolicyOverrides = {}) {
    this.fallback = merge(DEFAULTS, overrides.default);
    this.byForce = new Map(Object.entries(overrides.forces ?? {}).map(([force, p]) => [force, merge(this.fallback, p)]));
    const problems = [['default', this.fallback] as const, ...this.byForce.entries()].flatMap(([name, policy]) =>
      [
        ...validateEstipPolicy(policy.estip).map((p) => `estip: ${p}`),
        ...validateTaxonomy(policy.taxonomy).map((p) => `taxonomy: ${p}`),
        ...validateTrimPolicy(policy.trim).map((p) => `trim: ${p}`),
        ...validateExposurePolicy(policy.exposure).map((p) => `exposure: ${p}`),
        ...validateSupportTaskPolicy(policy.supportTask).map((p) => `supportTask: ${p}`),
        ...validateSurveillancePolicy(policy.surveillance).map((p) => `surveillance: ${p}`),
      ].map((p) => `${name}: ${p}`),
    );
    if (problems.length > 0) throw new Error(`Invalid trauma policy:\n  - ${problems.join('\n  - ')}`);
  }

  static fromFile(path: string | undefined): TraumaPolicies {
    if (!path) return new TraumaPolicies();
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read DEADLINE_POLICY_FILE ${path}: ${(error as Error).message}`);
    }
    return new TraumaPolicies((parsed as { trauma?: TraumaPolicyOverrides }).trauma ?? {});
  }

  forForce(forceId: string): TraumaPolicy {
    return this.byForce.get(forceId) ?? this.fallback;
  }
}

function merge(base: TraumaPolicy, partial: TraumaPolicyPartial | undefined): TraumaPolicy {
  if (!partial) return base;
  return {
    estip: { ...base.estip, ...partial.estip },
    taxonomy: partial.taxonomy ?? base.taxonomy,
    trim: { ...base.trim, ...partial.trim },
    exposure: { ...base.exposure, ...partial.exposure },
    supportTask: { ...base.supportTask, ...partial.supportTask },
    surveillance: { ...base.surveillance, ...partial.surveillance },
  };
}
