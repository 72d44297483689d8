import type { DueSpec, WorkingCalendar } from '@casework/core/time/calendar';
import {
  escalationLadder,
  validateDueSpec,
  validateEscalation,
  type EscalationRung,
} from '@casework/timers/domain/deadline-policy';

/** The deadline kinds a support task schedules, as stored in `DeadlineScheduled.kind`. */
export const SUPPORT_TASK_DEADLINES = {
  firstContact: 'first-contact',
} as const;

/** How soon a coordinator must reach a repeatedly exposed colleague, and who hears if not. */
export interface SupportTaskPolicy {
  /** Measured from when the task was raised. */
  readonly firstContact: DueSpec;
  /** Rungs after the owner's; the owner is always told first, at the due time. */
  readonly escalation: readonly EscalationRung[];
}

export const DEFAULT_SUPPORT_TASK_POLICY: SupportTaskPolicy = {
  firstContact: { workingDays: 2 },
  escalation: [
    { after: { workingDays: 1 }, notify: 'team_manager' },
    { after: { workingDays: 2 }, notify: 'head_of_wellbeing' },
  ],
};

export function firstContactDueAt(policy: SupportTaskPolicy, calendar: WorkingCalendar, raisedAt: Date): Date {
  return calendar.dueAt(raisedAt, policy.firstContact);
}

export function supportTaskEscalationLadder(policy: SupportTaskPolicy, calendar: WorkingCalendar, dueAt: Date) {
  return escalationLadder(policy.escalation, calendar, dueAt);
}

/** Every problem with a force's policy, in words an administrator can act on; empty when usable. */
export function validateSupportTaskPolicy(policy: SupportTaskPolicy): string[] {
  const p: Partial<Record<keyof SupportTaskPolicy, unknown>> = policy;
  const check = { example: 'P6M' };
  return [
    ...validateDueSpec(p.firstContact, 'firstContact', check),
    ...validateEscalation(p.escalation, 'escalation', check),
  ];
}
