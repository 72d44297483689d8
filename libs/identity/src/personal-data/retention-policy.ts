import { readFileSync } from 'node:fs';

/**
 * How long each record type is kept, and from when. Defaults (assumptions to confirm
 * with each force's records manager and Data Protection Officer; see docs/security.md):
 *
 * - OH referrals, TRiM activations, trauma incidents and proactive-support tasks: 7 years
 *   after the case closed — the NPCC / College of Policing records-retention guidance
 *   and the Faculty of Occupational Medicine's guidance on OH records (6 years after the
 *   last contact, the Limitation Act 1980's period for personal-injury claims, plus a
 *   year of margin for claims brought late).
 * - Exit interviews, stay interviews and welfare-liaison cases (HR records): 6 years
 *   after closure — CIPD guidance on personnel files (6 years after employment ends).
 * - Psychological (health) surveillance records: 40 years from the last entry — COSHH
 *   Regulations 2002 reg. 11(3) for health records of health surveillance (HSE guidance
 *   applies the same period to health surveillance generally).
 */
export type RetentionFrom = 'closure' | 'last_event';

export interface RetentionRule {
  readonly years: number;
  /** `closure`: only a closed record expires, counted from its last event; `last_event`: open or not. */
  readonly from: RetentionFrom;
}

export type RetentionPolicy = Readonly<Record<string, RetentionRule>>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  referral: { years: 7, from: 'closure' },
  trim: { years: 7, from: 'closure' },
  incident: { years: 7, from: 'closure' },
  supporttask: { years: 7, from: 'closure' },
  exit: { years: 6, from: 'closure' },
  stay: { years: 6, from: 'closure' },
  welfare: { years: 6, from: 'closure' },
  surveillance: { years: 40, from: 'last_event' },
};

/**
 * The events after which a record is closed, and those that open it again. Taken from
 * each workflow's deciders: a record is closed when its last such event closes it.
 */
export const CLOSING_EVENTS: Readonly<Record<string, { readonly close: readonly string[]; readonly reopen?: readonly string[] }>> = {
  referral: { close: ['ReferralClosed', 'ReferralCancelled'], reopen: ['ReferralReopened'] },
  trim: { close: ['TrimClosed', 'TrimDeclined'] },
  incident: { close: ['IncidentClosed'] },
  supporttask: { close: ['SupportTaskClosed'] },
  exit: { close: ['ExitLeft', 'ExitRetained'] },
  stay: { close: ['StayOutcomeRecorded', 'StayInterviewDeclined', 'StayInterviewCancelled'] },
  welfare: { close: ['WelfareCaseClosed'] },
  surveillance: { close: ['SurveillanceLeft'] },
};

export class RetentionPolicyError extends Error {
  constructor(file: string, readonly problems: readonly string[]) {
    super(`Invalid retention policy ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RetentionPolicyError';
  }
}

/** The defaults, with what the file (JSON: `{ "<category>": { "years": n, "from"?: "closure" | "last_event" } }`) overrides. */
export function loadRetentionPolicy(file: string | undefined): RetentionPolicy {
  if (!file) return DEFAULT_RETENTION_POLICY;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RetentionPolicyError(file, [`cannot be read as JSON: ${(error as Error).message}`]);
  }
  return parseRetentionPolicy(parsed, file);
}

export function parseRetentionPolicy(parsed: unknown, file = 'RETENTION_POLICY_FILE'): RetentionPolicy {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RetentionPolicyError(file, ['must be a JSON object of record type → rule']);
  }
  const problems: string[] = [];
  const policy: Record<string, RetentionRule> = { ...DEFAULT_RETENTION_POLICY };
  for (const [category, value] of Object.entries(parsed)) {
    if (!(category in DEFAULT_RETENTION_POLICY)) {
      problems.push(`${category}: unknown record type (known: ${Object.keys(DEFAULT_RETENTION_POLICY).join(', ')})`);
      continue;
    }
    const rule = value as { years?: unknown; from?: unknown };
    if (typeof rule !== 'object' || rule === null) {
      problems.push(`${category}: must be an object like { "years": 7 }`);
      continue;
    }
    const extra = Object.keys(rule).filter((k) => k !== 'years' && k !== 'from');
    if (extra.length > 0) problems.push(`${category}: unknown field(s) ${extra.join(', ')}`);
    if (typeof rule.years !== 'number' || !Number.isInteger(rule.years) || rule.years < 1 || rule.years > 100) {
      problems.push(`${category}.years: must be a whole number of years from 1 to 100`);
    }
    if (rule.from !== undefined && rule.from !== 'closure' && rule.from !== 'last_event') {
      problems.push(`${category}.from: must be "closure" or "last_event"`);
    }
    const base = DEFAULT_RETENTION_POLICY[category] as RetentionRule;
    policy[category] = { years: rule.years as number, from: (rule.from as RetentionFrom | undefined) ?? base.from };
  }
  if (problems.length > 0) throw new RetentionPolicyError(file, problems);
  return policy;
}

/** Whether a record whose events are these (oldest first) is past its retention period at `now`. */
export function isExpired(
  rule: RetentionRule,
  category: string,
  events: readonly { readonly type: string; readonly occurredAt: string }[],
  now: Date,
): boolean {
  const last = events[events.length - 1];
  if (!last) return false;
  if (rule.from === 'closure' && !isClosed(category, events)) return false;
  const expiresAt = new Date(last.occurredAt);
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + rule.years);
  return expiresAt.getTime() <= now.getTime();
}

function isClosed(category: string, events: readonly { readonly type: string }[]): boolean {
  const closing = CLOSING_EVENTS[category];
  if (!closing) return false;
  for (let i = events.length - 1; i >= 0; i--) {
    const type = (events[i] as { type: string }).type;
    if (closing.close.includes(type)) return true;
    if (closing.reopen?.includes(type)) return false;
  }
  return false;
}
