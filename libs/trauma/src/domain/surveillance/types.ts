/**
 * The vocabulary of psychological surveillance. Roles are risk-assessed into screening
 * levels; each person in such a role has a screening due date. Each union has its values
 * as a readonly array too, so the HTTP edge validates against the same list.
 */

/** 1: twice a year; 2: yearly, external provider; 3: yearly, internal questionnaire. */
export const SCREENING_LEVELS = [1, 2, 3] as const;
export type ScreeningLevel = (typeof SCREENING_LEVELS)[number];

export const SCREENING_PROVIDERS = ['internal', 'external'] as const;
export type ScreeningProvider = (typeof SCREENING_PROVIDERS)[number];

/** All the surveillance record holds of a result: the clinical detail stays with the provider. */
export const SCREENING_RESULTS = ['no_concerns', 'follow_up_recommended'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** Why a screening fell due when it did. */
export const SCHEDULE_REASONS = ['enrolment', 'screening_completed', 'role_changed'] as const;
export type ScheduleReason = (typeof SCHEDULE_REASONS)[number];

/** Who sent a command; `role` is the caller's role as the HTTP edge authenticated it. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}
