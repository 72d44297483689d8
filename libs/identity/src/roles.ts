/**
 * Every Casework role: the value a token's roles claim carries (Entra ID app roles, or a
 * group mapping in the force's identity provider), its name, and what the person in it does.
 * The permission matrix (permissions.ts) says what each may do.
 */
export const ROLES = {
  oh_advisor: { label: 'OH advisor', does: 'triages and works occupational health referrals' },
  oh_clinician: { label: 'Clinician (OH physician or nurse)', does: 'assessments and clinical outcomes' },
  oh_manager: { label: 'OH manager', does: 'the OH service, its deadlines and exact figures' },
  oh_admin: { label: 'OH administrator', does: 'bookings and imports, never clinical outcomes' },
  head_of_wellbeing: { label: 'Head of wellbeing', does: 'the top of every escalation ladder' },
  trim_practitioner: { label: 'TRiM practitioner', does: 'runs TRiM assessments (scores and notes are theirs)' },
  trim_coordinator: { label: 'TRiM coordinator', does: 'allocates and manages TRiM activations' },
  wellbeing_coordinator: { label: 'Wellbeing coordinator', does: 'repeat-exposure register and proactive support' },
  peer_supporter: { label: 'Peer defuser / peer supporter', does: 'demobilisation and defusion after incidents' },
  supervisor: { label: 'Supervisor on the day', does: 'records incidents and who was exposed' },
  line_manager: { label: 'Line manager', does: 'refers their team, sees status and consented outcomes for their team only' },
  welfare_liaison_officer: { label: 'Welfare-liaison officer', does: 'contacts with colleagues under investigation' },
  professional_standards: { label: 'Professional Standards', does: 'opens welfare-liaison cases on investigations' },
  retention_team: { label: 'Retention officer', does: 'stay and exit interviews' },
  hr: { label: 'HR analyst', does: 'aggregate reports only, small numbers suppressed, never a named record' },
  people_board: { label: 'People board member', does: 'aggregate reports only, small numbers suppressed' },
  force_admin: { label: 'Force administrator', does: 'the force\'s audit trail, erasure and retention' },
  national_analyst: { label: 'National analyst', does: 'cross-force aggregates only, small numbers suppressed' },
  officer: { label: 'Police officer (any colleague)', does: 'may refer themselves and ask for a stay interview' },
  staff: { label: 'Police staff (any colleague)', does: 'may refer themselves and ask for a stay interview' },
} as const satisfies Record<string, { readonly label: string; readonly does: string }>;

export type Role = keyof typeof ROLES;

export const ALL_ROLES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.prototype.hasOwnProperty.call(ROLES, value);
}

/** A role's name for people ("OH advisor"); an unknown id is shown as it is. */
export function roleLabel(role: string): string {
  return isRole(role) ? ROLES[role].label : role;
}
