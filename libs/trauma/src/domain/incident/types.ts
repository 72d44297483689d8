/**
 * The vocabulary of a trauma incident and its ESTIP support. Each union has its values
 * as a readonly array too, so the HTTP edge validates against the same list the domain
 * is typed with. Incident types are not here: they are a force's taxonomy (data).
 */

/** What a colleague was doing when exposed; reports split exposure by it. */
export const EXPOSURE_ROLES = [
  'first_responder',
  'investigator',
  'witness',
  'call_handler',
  'reviewer',
  'family_liaison',
  'supervisor',
  'other',
] as const;
export type ExposureRole = (typeof EXPOSURE_ROLES)[number];

/** ESTIP's four tiers of escalating support, in the order they are given. */
export const ESTIP_STAGES = ['demobilisation', 'defusion', 'estim', 'monitoring'] as const;
export type EstipStage = (typeof ESTIP_STAGES)[number];

/** A demobilisation is led by the supervisor on the day or by a trained peer. */
export const DEMOBILISATION_LEADS = ['supervisor', 'trained_peer'] as const;
export type DemobilisationLead = (typeof DEMOBILISATION_LEADS)[number];

/** Defusions are held in small groups (6–8 is the guidance) or one to one. */
export const DEFUSION_FORMATS = ['group', 'one_to_one'] as const;
export type DefusionFormat = (typeof DEFUSION_FORMATS)[number];

/**
 * Where ESTIM or monitoring sends someone on. Which pathway, never why: the reasons are
 * clinical and belong to the service that receives the person.
 */
export const SUPPORT_PATHWAYS = ['trim', 'occupational_health', 'gp', 'employee_assistance', 'other'] as const;
export type SupportPathway = (typeof SUPPORT_PATHWAYS)[number];

export const MONITORING_OUTCOMES = ['no_further_support', 'referred_on', 'declined_support'] as const;
export type MonitoringOutcome = (typeof MONITORING_OUTCOMES)[number];

export interface SupportReferral {
  readonly personId: string;
  readonly pathway: SupportPathway;
}

/** Who sent a command; `role` is the caller's role as the HTTP edge authenticated it. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
}
