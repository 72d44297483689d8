import type { Route } from './router';
import { caseView, type CaseConfig } from './views/case';
import { dashboardView } from './views/dashboard';
import { notFound } from './views/pages';
import { queueView, type QueueConfig } from './views/queue';
import { referView } from './views/refer';
import { referralCase, referralQueue } from './views/referrals';
import { reportsIndex, reportView } from './views/reports';
import {
  exitCase,
  exitQueue,
  incidentCase,
  incidentQueue,
  stayCase,
  stayQueue,
  supportTaskCase,
  supportTaskQueue,
  trimCase,
  trimQueue,
  welfareCase,
  welfareQueue,
} from './views/workflows';

export type Dispose = () => void;

/** Each workflow: its queue and its case page, by the route's first segment. */
const WORKFLOWS: Record<string, { queue: QueueConfig; case: () => CaseConfig }> = {
  referrals: { queue: referralQueue, case: referralCase },
  trim: { queue: trimQueue, case: () => trimCase },
  'support-tasks': { queue: supportTaskQueue, case: () => supportTaskCase },
  'welfare-cases': { queue: welfareQueue, case: () => welfareCase },
  'stay-interviews': { queue: stayQueue, case: () => stayCase },
  exits: { queue: exitQueue, case: () => exitCase },
  incidents: { queue: incidentQueue, case: () => incidentCase },
};

export async function routeView(route: Route): Promise<Dispose | void> {
  const [section = '', id, ...rest] = route.parts;
  const workflow = WORKFLOWS[section];
  if (workflow && rest.length === 0) return id ? caseView(workflow.case(), id) : queueView(workflow.queue, route);
  if (section === 'refer' && !id) return referView();
  if (section === 'dashboard' && rest.length === 0) return dashboardView(id, route);
  if (section === 'reports' && rest.length === 0) return id ? reportView(id, route) : reportsIndex();
  notFound();
}
