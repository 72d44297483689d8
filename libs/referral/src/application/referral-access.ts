import { ForbiddenException } from '@nestjs/common';

/**
 * Who may do what with an OH referral. Referral data is special category health data:
 * only occupational health staff read cases and queues; anyone may refer a colleague (or
 * themselves) but sees nothing back beyond the referral id. HR and the People board work
 * from aggregate reports, never from cases. Full sign-in and audit arrive with the
 * security issue; this table is the policy it will enforce.
 */
export const REFERRAL_ROLES = {
  ohAdvisor: 'oh_advisor',
  ohClinician: 'oh_clinician',
  ohManager: 'oh_manager',
  ohAdmin: 'oh_admin',
  headOfWellbeing: 'head_of_wellbeing',
  lineManager: 'line_manager',
} as const;

const { ohAdvisor, ohClinician, ohManager, ohAdmin, headOfWellbeing, lineManager } = REFERRAL_ROLES;

export const REFERRAL_PERMISSIONS = {
  /** Anyone signed in may refer: managers, self-referrers, HR, TRiM, welfare liaison. */
  submit: 'anyone',
  /** Read a case, its timeline, the queue. */
  read: [ohAdvisor, ohClinician, ohManager, ohAdmin, headOfWellbeing],
  triage: [ohAdvisor, ohManager],
  /** Consent, appointments, attendance, report consent and release, reviews, closure. */
  work: [ohAdvisor, ohClinician, ohManager, ohAdmin],
  /** Assessment outcomes are clinical: never admin staff. */
  clinical: [ohAdvisor, ohClinician, ohManager],
  reassign: [ohAdvisor, ohManager],
  /** Waiving a deadline, cancelling and reopening are management decisions. */
  manage: [ohManager, headOfWellbeing],
  import: [ohManager, ohAdmin],
  /** Status and the consented, released outcome report of referrals naming them (checked per case). */
  managerView: [lineManager],
} as const satisfies Record<string, 'anyone' | readonly string[]>;

export type ReferralPermission = keyof typeof REFERRAL_PERMISSIONS;

export function assertReferralPermission(role: string, permission: ReferralPermission): void {
  const allowed = REFERRAL_PERMISSIONS[permission];
  if (allowed === 'anyone') return;
  if (!(allowed as readonly string[]).includes(role)) {
    throw new ForbiddenException(`The role ${role} may not ${permission} referrals (allowed: ${allowed.join(', ')})`);
  }
}
