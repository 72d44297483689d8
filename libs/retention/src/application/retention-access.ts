import { ForbiddenException } from '@nestjs/common';

/**
 * Who may do what in retention and welfare liaison. Interviews are run by the retention
 * team (never the person's own line manager, which the deciders enforce); anyone may ask
 * for a stay interview for themselves, and a line manager for their staff. Welfare cases
 * are opened by Professional Standards and worked by welfare-liaison officers; what is
 * said in contacts stays with them. HR and the People board read aggregate reports only.
 */
export const RETENTION_ROLES = {
  retentionTeam: 'retention_team',
  lineManager: 'line_manager',
  officer: 'officer',
  staff: 'staff',
  hr: 'hr',
  peopleBoard: 'people_board',
  wlo: 'welfare_liaison_officer',
  professionalStandards: 'professional_standards',
  headOfWellbeing: 'head_of_wellbeing',
} as const;

const R = RETENTION_ROLES;

export const RETENTION_PERMISSIONS = {
  requestStay: [R.retentionTeam, R.lineManager, R.officer, R.staff, R.hr],
  /** Read and work stay interviews and exits. */
  retention: [R.retentionTeam, R.headOfWellbeing],
  /** Notify a leaving (HR usually keys resignations in). */
  notifyLeaving: [R.retentionTeam, R.hr, R.lineManager],
  openWelfare: [R.professionalStandards, R.wlo, R.headOfWellbeing],
  welfare: [R.wlo, R.headOfWellbeing],
  manageWelfare: [R.headOfWellbeing, R.professionalStandards],
  reports: [R.hr, R.peopleBoard, R.retentionTeam, R.headOfWellbeing],
  /** Exact small numbers (/reports/retention/*): the retention team and head of wellbeing only; HR reads /reports/{name}. */
  exactReports: [R.retentionTeam, R.headOfWellbeing],
  import: [R.hr, R.retentionTeam],
} as const satisfies Record<string, readonly string[]>;

export type RetentionPermission = keyof typeof RETENTION_PERMISSIONS;

export function assertRetentionPermission(role: string, permission: RetentionPermission): void {
  const allowed: readonly string[] = RETENTION_PERMISSIONS[permission];
  if (!allowed.includes(role)) {
    throw new ForbiddenException(`The role ${role} may not ${permission} (allowed: ${allowed.join(', ')})`);
  }
}
