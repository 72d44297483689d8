import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder,
  validateDueSpec,
  validateEscalation,
  type DueSpecCheck,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';
import { SCREENING_LEVELS, SCREENING_PROVIDERS, type ScreeningLevel, type ScreeningProvider } from './types';

/** The deadline kind a surveillance record schedules, as stored in `DeadlineScheduled.kind`. */
export const SURVEILLANCE_DEADLINES = {
  screening: 'screening',
} as const;

export interface ScreeningLevelRule {
  /** From one completed screening to the next one's due date. */
  readonly interval: DueSpec;
  /**
   * When the first screening at this level falls due: `on_enrolment` (a baseline, due at
   * once: the grace period is the time to arrange it) or `after_interval` (a full
   * interval after enrolment).
   */
  readonly firstScreening: 'on_enrolment' | 'after_interval';
  /** Who may carry out a screening at this level. */
  readonly providers: readonly ScreeningProvider[];
}

/** How often each level is screened, how much slack a due date has, and who hears when one slips. */
export interface SurveillancePolicy {
  readonly levels: Readonly<Record<ScreeningLevel, ScreeningLevelRule>>;
  /** After a screening's due date, before it counts as overdue (the deadline's due time). */
  readonly grace: DueSpec;
  /** Rungs after the owner's; measured from the end of the grace period. */
  readonly escalation: readonly EscalationRung[];
}

/**
 * The brief's levels. Level 1 (the highest-risk roles, screened twice a year) takes a
 * baseline screening on entry; levels 2 and 3 are first screened a year in. The brief
 * names no provider for level 1, so either may screen it; a force may narrow that.
 */
export const DEFAULT_SURVEILLANCE_POLICY: SurveillancePolicy = {
  levels: {
    1: { interval: { duration: 'P6M' }, firstScreening: 'on_enrolment', providers: ['internal', 'external'] },
    2: { interval: { duration: 'P1Y' }, firstScreening: 'after_interval', providers: ['external'] },
    3: { interval: { duration: 'P1Y' }, firstScreening: 'after_interval', providers: ['internal'] },
  },
  grace: { workingDays: 10 },
  escalation: [
    { after: { workingDays: 5 }, notify: 'team_manager' },
    { after: { workingDays: 10 }, notify: 'head_of_wellbeing' },
  ],
};

/** The next screening's due date after one completed at `completedAt`. */
export function nextScreeningDueAt(
  policy: SurveillancePolicy,
  calendar: WorkingCalendar,
  level: ScreeningLevel,
  completedAt: Date,
): Date {
  return calendar.dueAt(completedAt, policy.levels[level].interval);
}

/** The first screening's due date for someone entering `level` at `from`, never yet screened. */
export function firstScreeningDueAt(
  policy: SurveillancePolicy,
  calendar: WorkingCalendar,
  level: ScreeningLevel,
  from: Date,
): Date {
  const rule = policy.levels[level];
  return rule.firstScreening === 'on_enrolment' ? from : calendar.dueAt(from, rule.interval);
}

/** When a screening due at `dueAt` becomes overdue: the deadline the ledger tracks. */
export function screeningOverdueAt(policy: SurveillancePolicy, calendar: WorkingCalendar, dueAt: Date): Date {
  return calendar.dueAt(dueAt, policy.grace);
}

export function surveillanceEscalationLadder(policy: SurveillancePolicy, calendar: WorkingCalendar, overdueAt: Date) {
  return escalationLadder(policy.escalation, calendar, overdueAt);
}

export function providerAllowed(
  policy: SurveillancePolicy,
  level: ScreeningLevel,
  provider: ScreeningProvider,
): boolean {
  return policy.levels[level].providers.includes(provider);
}

/** Screening intervals run in months, so the messages give an example in months. */
const CHECK: DueSpecCheck = { example: 'P6M' };

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 */
export function validateSurveillancePolicy(policy: SurveillancePolicy): string[] {
  const p: Partial<Record<keyof SurveillancePolicy, unknown>> = policy;
  const problems: string[] = [];
  const levels = (typeof p.levels === 'object' && p.levels !== null ? p.levels : {}) as Record<string, unknown>;
  for (const level of SCREENING_LEVELS) {
    const rule = levels[level] as Partial<Record<keyof ScreeningLevelRule, unknown>> | undefined;
    if (typeof rule !== 'object' || rule === null) {
      problems.push(
        `levels.${level} is missing: every screening level needs an interval, a first screening and providers`,
      );
      continue;
    }
    problems.push(...validateDueSpec(rule.interval, `levels.${level}.interval`, { ...CHECK, positive: true }));
    if (rule.firstScreening !== 'on_enrolment' && rule.firstScreening !== 'after_interval') {
      problems.push(
        `levels.${level}.firstScreening must be on_enrolment or after_interval, got ${JSON.stringify(rule.firstScreening)}`,
      );
    }
    const providers = rule.providers;
    if (
      !Array.isArray(providers) ||
      providers.length === 0 ||
      !providers.every((x: unknown) => (SCREENING_PROVIDERS as readonly unknown[]).includes(x))
    ) {
      problems.push(
        `levels.${level}.providers must be a non-empty list of ${SCREENING_PROVIDERS.join(', ')}, got ${JSON.stringify(providers)}`,
      );
    }
  }
  problems.push(...validateDueSpec(p.grace, 'grace', CHECK), ...validateEscalation(p.escalation, 'escalation', CHECK));
  return problems;
}
