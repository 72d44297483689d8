import type { EmploymentType } from '@casework/referral/domain/types';

/**
 * The vocabulary of a TRiM activation. Each union has its values as a readonly array too,
 * so the HTTP edge validates against the same list the domain is typed with.
 */

export type { EmploymentType } from '@casework/referral/domain/types';

/** Why TRiM was activated for this person: a recorded incident, or someone asked. */
export const TRIM_SOURCES = ['incident', 'self_referral', 'manager_referral'] as const;
export type TrimSource = (typeof TRIM_SOURCES)[number];

export const ASSESSMENT_KINDS = ['initial', 'follow_up'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/**
 * The ten items of the TRiM risk assessment, each scored 0 (absent) or 1 (present).
 * The keys are stored in events: they are API, added to never renamed. Labels are what
 * a practitioner reads on the form.
 */
export const TRIM_RISK_ITEMS = [
  { key: 'felt_out_of_control', label: 'Felt out of control during the event' },
  { key: 'life_threatened', label: 'Felt their life was threatened during the event' },
  { key: 'blames_others', label: 'Blames others for what happened' },
  { key: 'shame_or_guilt', label: 'Feels shame or guilt about the event' },
  { key: 'historic_trauma_problems', label: 'Had problems coping after earlier traumatic events' },
  { key: 'lacks_social_support', label: 'Has lacked social support since the event' },
  { key: 'day_to_day_functioning_problems', label: 'Has problems with day-to-day functioning' },
  { key: 'excessive_alcohol_use', label: 'Drinks alcohol excessively' },
  { key: 'acute_stress_symptoms', label: 'Has current acute stress symptoms' },
  { key: 'avoidance', label: 'Avoids reminders of the event' },
] as const;
export type TrimRiskItem = (typeof TRIM_RISK_ITEMS)[number]['key'];
export const TRIM_RISK_ITEM_KEYS: readonly TrimRiskItem[] = TRIM_RISK_ITEMS.map((item) => item.key);

export type RiskScore = 0 | 1;
/** Every one of the ten items, and nothing else. */
export type TrimRiskScores = Readonly<Record<TrimRiskItem, RiskScore>>;

/** How an activation that ran its course ends; declining is its own event. */
export const TRIM_CLOSE_OUTCOMES = ['no_further_action', 'referred_to_oh', 'referred_to_clinical_care'] as const;
export type TrimCloseOutcome = (typeof TRIM_CLOSE_OUTCOMES)[number];

/** What the person said no to. Reports ask where in TRiM people step away. */
export const TRIM_DECLINE_STAGES = [
  'practitioner_contact',
  'trauma_brief',
  'initial_assessment',
  'follow_up_assessment',
  'oh_referral',
] as const;
export type TrimDeclineStage = (typeof TRIM_DECLINE_STAGES)[number];

/** The person TRiM supports, as the activation recorded them. */
export interface TrimPerson {
  readonly personId: string;
  readonly personName: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
}

/** Who sent a command; `role` is the caller's role as the HTTP edge authenticated it. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}
