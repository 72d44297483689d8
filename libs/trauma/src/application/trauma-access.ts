import { ForbiddenException } from '@nestjs/common';

/**
 * Who may do what in trauma support. TRiM records (scores, notes) are confidential to
 * TRiM staff; a line manager learns only whether urgent support is needed. Incidents and
 * ESTIP attendance are seen by those who run them; HR and the People board see the
 * funnel and activity reports only, which carry no names. Sign-in and audit arrive with
 * the security issue; this table is the policy it will enforce.
 */
export const TRAUMA_ROLES = {
  trimPractitioner: 'trim_practitioner',
  trimCoordinator: 'trim_coordinator',
  peerSupporter: 'peer_supporter',
  wellbeingCoordinator: 'wellbeing_coordinator',
  headOfWellbeing: 'head_of_wellbeing',
  supervisor: 'supervisor',
  lineManager: 'line_manager',
  hr: 'hr',
  peopleBoard: 'people_board',
  ohAdvisor: 'oh_advisor',
  ohManager: 'oh_manager',
} as const;

const R = TRAUMA_ROLES;
const ESTIP_STAFF = [R.trimCoordinator, R.trimPractitioner, R.peerSupporter, R.wellbeingCoordinator, R.headOfWellbeing];

export const TRAUMA_PERMISSIONS = {
  /** Record an incident and its exposed colleagues: supervisors on the day, and ESTIP staff. */
  recordIncident: [...ESTIP_STAFF, R.supervisor],
  readIncident: [...ESTIP_STAFF, R.supervisor],
  /** Demobilisation, defusion, ESTIM, monitoring, TRiM planning. */
  runEstip: [...ESTIP_STAFF, R.supervisor],
  manageIncident: [R.trimCoordinator, R.wellbeingCoordinator, R.headOfWellbeing],
  /** TRiM records are confidential to TRiM staff. */
  trim: [R.trimPractitioner, R.trimCoordinator],
  manageTrim: [R.trimCoordinator],
  /** What a line manager may know: whether urgent support is needed, nothing else. */
  trimManagerView: [R.lineManager, R.supervisor, R.trimPractitioner, R.trimCoordinator],
  /** The repeat-exposure register and proactive-support tasks. */
  exposure: [R.wellbeingCoordinator, R.headOfWellbeing],
  surveillance: [R.wellbeingCoordinator, R.headOfWellbeing, R.ohAdvisor, R.ohManager],
  /** Aggregate reports without names, through /reports/{name} (small numbers suppressed for HR roles). */
  reports: [R.hr, R.peopleBoard, R.wellbeingCoordinator, R.headOfWellbeing, R.trimCoordinator],
  /** The same reports with exact small numbers (/reports/trauma/*): staff who work the cases only. */
  exactReports: [R.wellbeingCoordinator, R.headOfWellbeing, R.trimCoordinator],
} as const satisfies Record<string, readonly string[]>;

export type TraumaPermission = keyof typeof TRAUMA_PERMISSIONS;

export function assertTraumaPermission(role: string, permission: TraumaPermission): void {
  const allowed: readonly string[] = TRAUMA_PERMISSIONS[permission];
  if (!allowed.includes(role)) {
    throw new ForbiddenException(`The role ${role} may not ${permission} (allowed: ${allowed.join(', ')})`);
  }
}
