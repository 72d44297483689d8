import { stillShowing } from './layout';
import type { Route } from './router';
import { caseView, type CaseConfig } from './views/case';
import { dashboardView } from './views/dashboard';
import { notFound } from './views/pages';
import { queueView, type QueueConfig } from './views/queue';
import { referView } from './views/refer';
import { referralCase, referralQueue } from './views/referrals';
import { reportsIndex, reportView } from './views/reports';
import { createView, type CreateSpec } from './views/create';
import { exitCreate, exitQueue, loadExitCase, loadStayCase, stayCreate, stayQueue, welfareCase, welfareCreate, welfareQueue } from './views/retention';
import { incidentCase, incidentCreate, incidentQueue, supportTaskCase, supportTaskQueue, surveillanceCase, surveillanceCreate, surveillanceQueue } from './views/trauma';
import { trimCase, trimCreate, trimQueue } from './views/trim';

export type Dispose = () => void;

/** Each workflow: its queue and its case page, by the route's first segment. */
const WORKFLOWS: Record<string, { queue: QueueConfig; case: () => CaseConfig | Promise<CaseConfig>; create?: CreateSpec }> = {
  referrals: { queue: referralQueue, case: referralCase },
  trim: { queue: trimQueue, case: () => trimCase, create: trimCreate },
  'support-tasks': { queue: supportTaskQueue, case: () => supportTaskCase },
  'welfare-cases': { queue: welfareQueue, case: () => welfareCase, create: welfareCreate },
  'stay-interviews': { queue: stayQueue, case: loadStayCase, create: stayCreate },
  exits: { queue: exitQueue, case: loadExitCase, create: exitCreate },
  incidents: { queue: incidentQueue, case: () => incidentCase, create: incidentCreate },
  surveillance: { queue: surveillanceQueue, case: () => surveillanceCase, create: surveillanceCreate },
};

/** The pages that start a case, for navigation. */
export const CREATE_SPECS: readonly CreateSpec[] = Object.values(WORKFLOWS).flatMap((w) => (w.create ? [w.create] : []));

export async function routeView(route: Route): Promise<Dispose | void> {
  const [section = '', id, ...rest] = route.parts;
  const workflow = WORKFLOWS[section];
  if (workflow?.create && id === 'new' && rest.length === 0) return createView(workflow.create);
  if (workflow && rest.length === 0) {
    if (!id) return queueView(workflow.queue, route);
    // A case page may first load its force's lists; if the user has moved on meanwhile, show nothing.
    const current = stillShowing();
    const config = await workflow.case();
    return current() ? caseView(config, id) : undefined;
  }
  if (section === 'refer' && !id) return referView();
  if (section === 'dashboard' && rest.length === 0) return dashboardView(id, route);
  if (section === 'reports' && rest.length === 0) return id ? reportView(id, route) : reportsIndex();
  notFound();
}
