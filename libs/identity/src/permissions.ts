import { ALL_ROLES, type Role } from './roles';

/**
 * THE permission matrix: every permission of every workflow, and the roles that hold it.
 * Each HTTP route declares one permission (`@Permit('referral.triage')`) or is public
 * (`@Public()`); the global guard enforces it before any validation or lookup, and a route
 * that declares neither is refused. The README's role table is generated from this object
 * (`npm run docs:matrix`) and an end-to-end test walks every route × every role against it.
 *
 * Rules the matrix cannot express alone are enforced where the data is (and tested):
 * a line manager sees only referrals naming them as line manager or referrer; nobody reads
 * their own case through a staff role; clinical notes, TRiM scores and welfare notes never
 * leave their events except to their own professionals; every query is scoped to the
 * caller's force; national analysts see cross-force aggregates only.
 */

/** Every role that works inside a force (all but the national analyst). */
const IN_FORCE: readonly Role[] = ALL_ROLES.filter((r) => r !== 'national_analyst');

const ESTIP_STAFF: readonly Role[] = ['trim_coordinator', 'trim_practitioner', 'peer_supporter', 'wellbeing_coordinator', 'head_of_wellbeing'];

export const PERMISSIONS = {
  self: {
    /** Who am I: user, role, force and the permissions held (the web app shapes itself from it). */
    me: ALL_ROLES,
    /** Staff of the force by role, for "allocate to" pickers (names and user ids of staff, no case data). */
    directory: IN_FORCE,
  },
  referral: {
    /** Anyone in the force may refer a colleague (or themselves); they see nothing back but the id. */
    submit: IN_FORCE,
    /** Read a case, its timeline, the queue. */
    read: ['oh_advisor', 'oh_clinician', 'oh_manager', 'oh_admin', 'head_of_wellbeing'],
    triage: ['oh_advisor', 'oh_manager'],
    /** Consent, appointments, attendance, report consent and release, reviews, closure. */
    work: ['oh_advisor', 'oh_clinician', 'oh_manager', 'oh_admin'],
    /** Assessment outcomes are clinical: never admin staff. */
    clinical: ['oh_advisor', 'oh_clinician', 'oh_manager'],
    reassign: ['oh_advisor', 'oh_manager'],
    /** Waiving a deadline, cancelling and reopening are management decisions. */
    manage: ['oh_manager', 'head_of_wellbeing'],
    import: ['oh_manager', 'oh_admin'],
    /** Status and the consented outcome report of their own team's referrals (checked per case). */
    managerView: ['line_manager'],
  },
  trauma: {
    /** Record an incident and its exposed colleagues: supervisors on the day, and ESTIP staff. */
    recordIncident: [...ESTIP_STAFF, 'supervisor'],
    readIncident: [...ESTIP_STAFF, 'supervisor'],
    /** Demobilisation, defusion, ESTIM, monitoring, TRiM planning. */
    runEstip: [...ESTIP_STAFF, 'supervisor'],
    manageIncident: ['trim_coordinator', 'wellbeing_coordinator', 'head_of_wellbeing'],
    /** TRiM records (scores, notes) are confidential to TRiM staff. */
    trim: ['trim_practitioner', 'trim_coordinator'],
    manageTrim: ['trim_coordinator'],
    /** What a line manager may know: whether urgent support is needed, nothing else. */
    trimManagerView: ['line_manager', 'supervisor', 'trim_practitioner', 'trim_coordinator'],
    /** The repeat-exposure register and proactive-support tasks. */
    exposure: ['wellbeing_coordinator', 'head_of_wellbeing'],
    surveillance: ['wellbeing_coordinator', 'head_of_wellbeing', 'oh_advisor', 'oh_manager'],
    /** Aggregate reports without names (through /reports/{name}, suppressed for HR roles). */
    reports: ['hr', 'people_board', 'wellbeing_coordinator', 'head_of_wellbeing', 'trim_coordinator'],
    /** The same reports with exact small numbers (/reports/trauma/*): staff who work the cases only. */
    exactReports: ['wellbeing_coordinator', 'head_of_wellbeing', 'trim_coordinator'],
  },
  retention: {
    requestStay: ['retention_team', 'line_manager', 'officer', 'staff', 'hr'],
    /** Read and work stay interviews and exits. */
    retention: ['retention_team', 'head_of_wellbeing'],
    /** Notify a leaving (HR usually keys resignations in). */
    notifyLeaving: ['retention_team', 'hr', 'line_manager'],
    openWelfare: ['professional_standards', 'welfare_liaison_officer', 'head_of_wellbeing'],
    /** Welfare-liaison cases and what is said in contacts: the WLOs and the head of wellbeing. */
    welfare: ['welfare_liaison_officer', 'head_of_wellbeing'],
    manageWelfare: ['head_of_wellbeing', 'professional_standards'],
    reports: ['hr', 'people_board', 'retention_team', 'head_of_wellbeing'],
    /** Exact small numbers (/reports/retention/*): the retention team and head of wellbeing only. */
    exactReports: ['retention_team', 'head_of_wellbeing'],
    import: ['hr', 'retention_team'],
  },
  reporting: {
    /** The report catalogue (each entry says whether the caller may run it). */
    catalogue: ALL_ROLES,
    /** Run a named report; each report also names its own roles (checked by the report service). */
    run: [
      'oh_manager',
      'head_of_wellbeing',
      'hr',
      'people_board',
      'wellbeing_coordinator',
      'trim_coordinator',
      'retention_team',
      'national_analyst',
    ],
    /** The quarterly People board pack. */
    pack: ['oh_manager', 'head_of_wellbeing', 'hr', 'people_board'],
  },
  audit: {
    /** Query the force's audit trail (it cannot be changed through any route). */
    read: ['force_admin'],
  },
  personalData: {
    /** Erase a colleague (right to erasure): destroys their keys; read models purge them. */
    erase: ['force_admin'],
    /** See the retention periods and erasures done; run the retention sweep now. */
    retention: ['force_admin'],
  },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

type Matrix = typeof PERMISSIONS;
export type PermissionArea = keyof Matrix;
export type Permission = { [A in PermissionArea]: `${A}.${Extract<keyof Matrix[A], string>}` }[PermissionArea];

export function rolesFor(permission: Permission): readonly Role[] {
  const [area, name] = permission.split('.') as [PermissionArea, string];
  return (PERMISSIONS[area] as Record<string, readonly Role[]>)[name] ?? [];
}

export function hasPermission(role: string, permission: Permission): boolean {
  return (rolesFor(permission) as readonly string[]).includes(role);
}

/** Every permission id, in matrix order. */
export const ALL_PERMISSIONS: readonly Permission[] = (Object.keys(PERMISSIONS) as PermissionArea[]).flatMap((area) =>
  Object.keys(PERMISSIONS[area]).map((name) => `${area}.${name}` as Permission),
);

/** The permissions a role holds (for /me and the web app). */
export function permissionsOf(role: string): Permission[] {
  return ALL_PERMISSIONS.filter((p) => hasPermission(role, p));
}
