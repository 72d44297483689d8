import type { EmploymentType } from '@casework/referral/domain/types';

/**
 * The vocabulary of an exit. Each union has its values as a readonly array too, so the
 * HTTP edge validates against the same list the domain is typed with. Codes are stored
 * in events and read by reports: they are added to, never renamed.
 */

export type { EmploymentType } from '@casework/referral/domain/types';

/** Why someone leaves, as the People board's leaver reports split it. */
export const LEAVING_REASONS = [
  'retirement',
  'transfer_out',
  'resignation',
  'ill_health_retirement',
  'dismissal',
  'other',
] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];

/**
 * What lay behind leaving: the default taxonomy. A force may configure its own list (see
 * the policy's `drivers`), so a recorded driver is a string checked against that list.
 */
export const DEFAULT_EXIT_DRIVERS = [
  'pay',
  'development',
  'promotion',
  'workload',
  'flexibility',
  'culture',
  'management',
  'bullying_harassment_discrimination',
  'relocation',
  'personal',
  'other',
] as const;
export type DefaultExitDriver = (typeof DEFAULT_EXIT_DRIVERS)[number];

/*
 * Demographics are recorded only where the person chose to give them, so every field is
 * optional and each list has 'prefer_not_to_say'. Small lists on purpose: reports suppress
 * small numbers, and finer codes would only be suppressed.
 */
export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55+', 'prefer_not_to_say'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SEXES = ['female', 'male', 'prefer_not_to_say'] as const;
export type Sex = (typeof SEXES)[number];

/** The five high-level ethnic groups of the 2021 Census for England and Wales. */
export const ETHNICITIES = ['asian', 'black', 'mixed', 'white', 'other', 'prefer_not_to_say'] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

export const DISABILITY_STATUSES = ['disabled', 'not_disabled', 'prefer_not_to_say'] as const;
export type DisabilityStatus = (typeof DISABILITY_STATUSES)[number];

export interface ExitDemographics {
  readonly ageBand?: AgeBand;
  readonly sex?: Sex;
  readonly ethnicity?: Ethnicity;
  readonly disability?: DisabilityStatus;
}

/** Each demographic field with the codes it accepts, for run-time checks at the edge and in the decider. */
export const DEMOGRAPHIC_CODES: Readonly<Record<keyof ExitDemographics, readonly string[]>> = {
  ageBand: AGE_BANDS,
  sex: SEXES,
  ethnicity: ETHNICITIES,
  disability: DISABILITY_STATUSES,
};

/** The person leaving, as the notification recorded them. */
export interface ExitPerson {
  readonly personId: string;
  readonly name: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
  /** Null where the person has none on record; required when they opt out of speaking to them. */
  readonly lineManagerId: string | null;
  /** YYYY-MM-DD: when their service began, for length-of-service bands. */
  readonly startDate: string;
}

/** How the exit-survey questions are answered; see the policy's questionnaire. */
export const QUESTION_TYPES = ['scale', 'yesno', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A scale answer is a whole number from 1 to 5, yes/no a boolean, text a string. */
export type SurveyAnswer = string | number | boolean;
export type SurveyAnswers = Readonly<Record<string, SurveyAnswer>>;

/** Who sent a command; `role` is the caller's role as the HTTP edge authenticated it. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}
