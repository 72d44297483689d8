import type { EmploymentType } from '@casework/referral/domain/types';

/**
 * The vocabulary of a welfare liaison case. Each union has its values as a readonly array
 * too, so the HTTP edge validates against the same list the domain is typed with.
 */

export type { EmploymentType } from '@casework/referral/domain/types';

/** What the colleague is being investigated for; reports split cases by it. */
export const INVESTIGATION_KINDS = ['complaint', 'misconduct', 'gross_misconduct'] as const;
export type InvestigationKind = (typeof INVESTIGATION_KINDS)[number];

/** How the welfare liaison officer was in touch. Only `home_visit` meets a home-visit deadline. */
export const CONTACT_TYPES = ['phone', 'video', 'visit', 'home_visit'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/**
 * Where a WLO pointed the colleague for support. The WLO signposts; they give no legal or
 * clinical advice themselves. Keys are stored in events: added to, never renamed.
 */
export const SIGNPOSTS = [
  'eap',
  'occupational_health',
  'federation_or_union',
  'gp',
  'chaplaincy',
  'financial_support',
  'other',
] as const;
export type Signpost = (typeof SIGNPOSTS)[number];

/** The colleague the case supports: the subject of the investigation. */
export interface WelfarePerson {
  readonly personId: string;
  readonly name: string;
  readonly employmentType: EmploymentType;
  readonly department: string;
}

/** The investigation that prompted the case, as Professional Standards described it. */
export interface Investigation {
  readonly kind: InvestigationKind;
  /** Professional Standards' own case reference. */
  readonly reference: string;
  readonly suspended: boolean;
}

/** Who sent a command; `role` is the caller's role as the HTTP edge authenticated it. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}
