/**
 * The vocabulary of repeat exposure and the proactive-support task it raises. Each union
 * has its values as a readonly array too, so the HTTP edge validates against the same
 * list the domain is typed with.
 */

/**
 * One person's exposure to one potentially traumatic incident, as the incident workflow
 * records it (projected elsewhere). `removed` marks an exposure recorded in error: it
 * stays in the projection for audit but never counts.
 */
export interface Exposure {
  readonly exposureId: string;
  readonly incidentId: string;
  readonly personId: string;
  readonly incidentType: string;
  /** ≥ 0; 1 for an ordinary exposure, more for a severe one (the incident policy decides). */
  readonly severityWeight: number;
  /** ISO 8601 instant of the incident, not of when it was recorded. */
  readonly occurredAt: string;
  readonly removed?: boolean;
}

/** An exposure as the coordinator sees it on the task: enough to judge, nothing clinical. */
export interface ExposureHistoryItem {
  readonly exposureId: string;
  readonly incidentId: string;
  readonly incidentType: string;
  readonly severityWeight: number;
  readonly occurredAt: string;
}

export interface ExposureWindowSummary {
  /** Length of the rolling window in London calendar days. */
  readonly days: number;
  readonly count: number;
  readonly weightedSum: number;
}

export interface ExposureSummary {
  readonly asOf: string;
  /** In the policy's order of windows. */
  readonly windows: readonly ExposureWindowSummary[];
}

export const CONTACT_METHODS = ['in_person', 'telephone', 'video', 'email', 'message'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** The staged support a coordinator can offer; generic e-mails are not an offer. */
export const SUPPORT_OFFERS = ['trim_assessment', 'oh_referral', 'peer_support', 'eap', 'welfare_check'] as const;
export type SupportOffer = (typeof SUPPORT_OFFERS)[number];

export const OFFER_RESPONSES = ['accepted', 'declined'] as const;
export type OfferResponse = (typeof OFFER_RESPONSES)[number];

export const SUPPORT_TASK_OUTCOMES = [
  'support_accepted',
  'support_declined',
  'no_support_needed',
  'unable_to_contact',
  'other',
] as const;
export type SupportTaskOutcome = (typeof SUPPORT_TASK_OUTCOMES)[number];

/** Who sent a command; `role` is the caller's role as the HTTP edge authenticated it. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}
