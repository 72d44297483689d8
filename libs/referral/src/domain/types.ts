/**
 * The vocabulary of an OH referral. Each union has its values as a readonly array too,
 * so the HTTP edge validates against the same list the domain is typed with.
 */

export const REFERRAL_SOURCES = ['management', 'self', 'trim', 'welfare_liaison', 'hr'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const REFERRAL_CATEGORIES = ['mental_health', 'physical_health'] as const;
export type ReferralCategory = (typeof REFERRAL_CATEGORIES)[number];

export const URGENCIES = ['routine', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Reports always split by employment type, so every referral records it. */
export const EMPLOYMENT_TYPES = ['police_officer', 'police_staff', 'pcso', 'special_constable', 'volunteer'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const FITNESS_LEVELS = ['fit', 'fit_with_adjustments', 'restricted_duties', 'unfit'] as const;
export type Fitness = (typeof FITNESS_LEVELS)[number];

/**
 * Police limited duties. `management_restricted` is a management decision, not a
 * medical one, so an OH outcome never sets it (it is listed for records kept elsewhere).
 */
export const LIMITED_DUTIES_TYPES = ['recuperative', 'adjusted', 'management_restricted'] as const;
export type LimitedDutiesType = (typeof LIMITED_DUTIES_TYPES)[number];

export const RECOMMENDATIONS = [
  'reasonable_adjustments',
  'psychological_therapy',
  'counselling',
  'physiotherapy',
  'phased_return',
  'smp_referral',
  'ill_health_retirement',
  'no_further_action',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const APPOINTMENT_MODES = ['in_person', 'telephone', 'video'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export const CLOSE_REASONS = ['completed', 'consent_refused', 'did_not_attend', 'no_further_action', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * The four questions a Selected Medical Practitioner answers for a police officer's
 * ill-health retirement (police staff follow the LGPS pathway instead).
 */
export interface SmpQuestions {
  readonly unfitForOrdinaryDuties: boolean;
  readonly permanentlyUnfitForOrdinaryDuties: boolean;
  readonly unfitForRegularEmployment: boolean;
  readonly permanentlyUnfitForRegularEmployment: boolean;
}

/** Who sent a command; `role` is the caller's role as the HTTP edge authenticated it. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}
