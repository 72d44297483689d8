/**
 * Every Casework role: the value a token's roles claim carries (Entra ID app roles, or a
 * group mapping in the force's identity provider), with what the person in it does.
 * The permission matrix (permissions.ts) says what each may do.
 */
export const ROLES = {
  oh_advisor: 'OH advisor: triages and works occupational health referrals',
  oh_clinician: 'Clinician (OH physician or nurse): assessments and clinical outcomes',
  oh_manager: 'OH manager: the OH service, its deadlines and exact figures',
  oh_admin: 'OH administrator: bookings and imports, never clinical outcomes',
  head_of_wellbeing: 'Head of wellbeing: the top of every escalation ladder',
  trim_practitioner: 'TRiM practitioner: runs TRiM assessments (scores and notes are theirs)',
  trim_coordinator: 'TRiM coordinator: allocates and manages TRiM activations',
  wellbeing_coordinator: 'Wellbeing coordinator: repeat-exposure register and proactive support',
  peer_supporter: 'Peer defuser / peer supporter: demobilisation and defusion after incidents',
  supervisor: 'Supervisor on the day: records incidents and who was exposed',
  line_manager: "Line manager: refers their team, sees status and consented outcomes for their team only",
  welfare_liaison_officer: 'Welfare-liaison officer: contacts with colleagues under investigation',
  professional_standards: 'Professional Standards: opens welfare-liaison cases on investigations',
  retention_team: 'Retention officer: stay and exit interviews',
  hr: 'HR analyst: aggregate reports only, small numbers suppressed, never a named record',
  people_board: 'People board member: aggregate reports only, small numbers suppressed',
  force_admin: "Force administrator: the force's audit trail, erasure and retention",
  national_analyst: 'National analyst: cross-force aggregates only, small numbers suppressed',
  officer: 'Police officer (any colleague): may refer themselves and ask for a stay interview',
  staff: 'Police staff (any colleague): may refer themselves and ask for a stay interview',
} as const;

export type Role = keyof typeof ROLES;

export const ALL_ROLES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.prototype.hasOwnProperty.call(ROLES, value);
}
