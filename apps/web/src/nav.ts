import { can, currentUser } from './app-state';
import { dashboardFor } from './views/dashboards';
import { exitCreate, stayCreate, welfareCreate } from './views/retention';

export interface NavItem {
  readonly href: string;
  readonly text: string;
  /** The first hash segment this item owns, for the active state. */
  readonly section: string;
}

/** The service navigation, shaped by the signed-in user's permissions. */
export function navigation(): NavItem[] {
  const items: NavItem[] = [];
  if (can('reporting.run')) items.push({ href: '#/dashboard', text: 'Dashboard', section: 'dashboard' });
  if (can('referral.read')) items.push({ href: '#/referrals', text: 'OH referrals', section: 'referrals' });
  if (can('trauma.readIncident')) items.push({ href: '#/incidents', text: 'Incidents', section: 'incidents' });
  if (can('trauma.trim')) items.push({ href: '#/trim', text: 'TRiM', section: 'trim' });
  if (can('trauma.exposure')) items.push({ href: '#/support-tasks', text: 'Repeat exposure', section: 'support-tasks' });
  if (can('retention.welfare')) items.push({ href: '#/welfare-cases', text: 'Welfare liaison', section: 'welfare-cases' });
  if (can('retention.retention')) {
    items.push({ href: '#/stay-interviews', text: 'Stay interviews', section: 'stay-interviews' });
    items.push({ href: '#/exits', text: 'Exits', section: 'exits' });
  }
  if (can('trauma.surveillance')) items.push({ href: '#/surveillance', text: 'Surveillance', section: 'surveillance' });
  // Roles that start these cases without working them get the start page itself.
  for (const spec of [welfareCreate, stayCreate, exitCreate]) {
    if (can(spec.permission) && !spec.caseHref('x')) items.push({ href: `#/${spec.section}/new`, text: spec.navText ?? spec.title, section: spec.section });
  }
  if (can('reporting.run')) items.push({ href: '#/reports', text: 'Reports', section: 'reports' });
  if (can('referral.submit')) items.push({ href: '#/refer', text: 'Refer to OH', section: 'refer' });
  return items;
}

/** Where a role starts: managers and boards on their dashboard, else their own work queue, else reports, else the referral form. */
export function homeFor(): string {
  const user = currentUser();
  const dashboard = can('reporting.run') ? dashboardFor(user?.role ?? '') : undefined;
  if (dashboard) return `#/dashboard/${dashboard.id}`;
  if (can('referral.read')) return user?.role === 'oh_advisor' ? '#/referrals?view=mine' : '#/referrals';
  if (can('trauma.trim')) return '#/trim';
  if (can('trauma.exposure')) return '#/support-tasks';
  if (can('retention.welfare')) return '#/welfare-cases';
  if (can('retention.retention')) return '#/stay-interviews';
  if (can('trauma.readIncident')) return '#/incidents';
  if (can('reporting.run')) return '#/reports';
  return '#/refer';
}
