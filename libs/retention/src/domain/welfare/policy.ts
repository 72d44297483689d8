import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder as ladderFor,
  validateDueSpec,
  validateEscalation,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';

/** The deadline kinds a welfare case schedules, as stored in `DeadlineScheduled.kind`. */
export const WELFARE_DEADLINES = {
  /** The next contact: one open at a time, met by each contact and re-scheduled from it. */
  contact: 'contact',
  /** Expected when sickness absence begins; met by a home-visit contact. */
  homeVisit: 'home-visit',
  /** The investigation's first progress report (reg. 19). */
  firstReport: 'investigation-12-month',
  /** Every progress report after the first (reg. 19). */
  subsequentReport: 'investigation-6-month',
} as const;

export type { EscalationRung };

/** How one force runs welfare liaison: how often a WLO must be in touch, and who hears when that slips. */
export type WelfarePolicy = {
  /** The longest gap allowed before the next contact, from the last one. */
  readonly contactCadence: { readonly normal: DueSpec; readonly sickLeave: DueSpec };
  /** Measured from the start of sickness absence. */
  readonly homeVisit: DueSpec;
  /** Measured from the start of the investigation. */
  readonly firstReport: DueSpec;
  /** Measured from the previous progress report. */
  readonly subsequentReports: DueSpec;
  /** Rungs after the owner's; the owner is always told first, at the due time. */
  readonly escalation: readonly EscalationRung[];
};

/**
 * The brief's defaults; a force overrides any part of it.
 * - Contact at least every 14 days, every 7 while the colleague is on sick leave: elapsed
 *   days, because an investigation weighs as heavily over a bank holiday.
 * - A home visit within 5 working days of sickness absence beginning.
 * - Police (Conduct) Regulations 2020, reg. 19: an investigation not concluded within
 *   12 months of its start must be reported on, and again every 6 months after that.
 * - Escalation as for OH referrals: the welfare coordinator (team manager rung) a working
 *   day after the due time, the head of wellbeing two working days after it.
 */
export const DEFAULT_WELFARE_POLICY: WelfarePolicy = {
  contactCadence: { normal: { duration: 'P14D' }, sickLeave: { duration: 'P7D' } },
  homeVisit: { workingDays: 5 },
  firstReport: { duration: 'P12M' },
  subsequentReports: { duration: 'P6M' },
  escalation: [
    { after: { workingDays: 1 }, notify: 'team_manager' },
    { after: { workingDays: 2 }, notify: 'head_of_wellbeing' },
  ],
};

/** When the next contact is due after one at `from` (or after opening or assignment). */
export function nextContactDueAt(
  policy: WelfarePolicy,
  calendar: WorkingCalendar,
  from: Date,
  onSickLeave: boolean,
): Date {
  return calendar.dueAt(from, onSickLeave ? policy.contactCadence.sickLeave : policy.contactCadence.normal);
}

export function homeVisitDueAt(policy: WelfarePolicy, calendar: WorkingCalendar, sickLeaveStartedAt: Date): Date {
  return calendar.dueAt(sickLeaveStartedAt, policy.homeVisit);
}

export function firstReportDueAt(policy: WelfarePolicy, calendar: WorkingCalendar, investigationStartedAt: Date): Date {
  return calendar.dueAt(investigationStartedAt, policy.firstReport);
}

export function nextReportDueAt(policy: WelfarePolicy, calendar: WorkingCalendar, reportedAt: Date): Date {
  return calendar.dueAt(reportedAt, policy.subsequentReports);
}

/** The rungs above the owner's for a deadline due at `dueAt` (see the timers' `escalationLadder`). */
export function escalationLadder(policy: WelfarePolicy, calendar: WorkingCalendar, dueAt: Date) {
  return ladderFor(policy.escalation, calendar, dueAt);
}

/**
 * Every problem with a force's policy, in words an administrator can act on; empty when
 * it is usable. Policies come from JSON files, so nothing about their shape is assumed.
 * Cadences and report intervals must be positive: a zero one would fall due at once, forever.
 */
export function validateWelfarePolicy(policy: WelfarePolicy): string[] {
  const p: Partial<Record<keyof WelfarePolicy, unknown>> = policy;
  const cadence = (p.contactCadence ?? {}) as { normal?: unknown; sickLeave?: unknown };
  const positive = { positive: true, example: 'P14D' };
  return [
    ...validateDueSpec(cadence.normal, 'contactCadence.normal', positive),
    ...validateDueSpec(cadence.sickLeave, 'contactCadence.sickLeave', { positive: true, example: 'P7D' }),
    ...validateDueSpec(p.homeVisit, 'homeVisit'),
    ...validateDueSpec(p.firstReport, 'firstReport', { positive: true, example: 'P12M' }),
    ...validateDueSpec(p.subsequentReports, 'subsequentReports', { positive: true, example: 'P6M' }),
    ...validateEscalation(p.escalation, 'escalation'),
  ];
}
