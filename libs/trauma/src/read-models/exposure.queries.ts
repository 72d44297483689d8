import type { Pool } from 'pg';
import type { ExposurePolicy } from '../domain/exposure/exposure-policy';
import { exposureSummary, isAboveThreshold } from '../domain/exposure/exposure-register';
import type { Exposure, ExposureSummary } from '../domain/exposure/types';
import { queueOrder, type QueueSort, type QueueSorting } from '@casework/core/database/queue-order';
import type { Page, Paging } from './trauma.queries';

export interface SupportTaskItem {
  readonly taskId: string;
  readonly personId: string;
  readonly personName: string;
  readonly department: string;
  readonly status: string;
  readonly coordinatorId: string | null;
  readonly raisedAt: string;
  readonly exposures: unknown;
  readonly summary: unknown;
  readonly lastOffer: string | null;
  readonly lastResponse: string | null;
  readonly outcome: string | null;
  readonly nextDeadline: { readonly kind: string; readonly dueAt: string } | null;
  readonly overdue: boolean;
  readonly escalationLevel: number;
}

const TASK_SORTS: Record<QueueSort, readonly string[]> = {
  due: ['overdue desc', 'escalation_level desc', 'raised_at asc'],
  submitted: ['raised_at asc'],
  name: ['lower(person_name) asc'],
  department: ['lower(department) asc'],
  status: ['status asc'],
};

/** The coordinator's queue: open tasks, by default overdue first, then oldest. */
export async function supportTaskQueue(
  pool: Pool,
  filter: {
    forceId: string;
    userId: string;
    view: 'mine' | 'unassigned' | 'overdue' | 'all';
    includeClosed?: boolean;
    /** The caller's own staff number: nobody sees their own task in a staff queue. */
    excludePersonId?: string | null;
    /** support_tasks has no employment type, so tasks filter by department only. */
    department?: string;
  } & QueueSorting &
    Paging,
): Promise<Page<SupportTaskItem>> {
  const where = ['force_id = $1'];
  const params: unknown[] = [filter.forceId];
  if (!filter.includeClosed) where.push('closed_at is null');
  if (filter.excludePersonId) {
    params.push(filter.excludePersonId);
    where.push(`person_id <> $${params.length}`);
  }
  if (filter.view === 'mine') {
    params.push(filter.userId);
    where.push(`coordinator_id = $${params.length}`);
  }
  if (filter.view === 'unassigned') where.push('coordinator_id is null');
  if (filter.view === 'overdue') where.push('overdue');
  if (filter.department) {
    params.push(filter.department);
    where.push(`department = $${params.length}`);
  }
  const sql = `from support_tasks where ${where.join(' and ')}`;
  const { rows } = await pool.query<Record<string, unknown>>(
    `select * ${sql} ${queueOrder(TASK_SORTS, 'task_id', filter)} limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  const { rows: count } = await pool.query<{ n: string }>(`select count(*) as n ${sql}`, params);
  return {
    items: rows.map((r) => ({
      taskId: r.task_id as string,
      personId: r.person_id as string,
      personName: r.person_name as string,
      department: r.department as string,
      status: r.status as string,
      coordinatorId: r.coordinator_id as string | null,
      raisedAt: (r.raised_at as Date).toISOString(),
      exposures: r.exposures,
      summary: r.summary,
      lastOffer: r.last_offer as string | null,
      lastResponse: r.last_response as string | null,
      outcome: r.outcome as string | null,
      nextDeadline:
        r.next_deadline_kind && r.next_deadline_at
          ? { kind: r.next_deadline_kind as string, dueAt: (r.next_deadline_at as Date).toISOString() }
          : null,
      overdue: r.overdue as boolean,
      escalationLevel: r.escalation_level as number,
    })),
    page: filter.page,
    pageSize: filter.pageSize,
    total: Number(count[0]?.n ?? 0),
  };
}

export interface RegisterEntry {
  readonly personId: string;
  readonly name: string;
  readonly department: string;
  readonly aboveThreshold: boolean;
  readonly summary: ExposureSummary;
}

/**
 * The repeat-exposure register as of `asOf`: everyone exposed within the policy's longest
 * window, with counts and weighted sums per window, most exposed first.
 */
export async function exposureRegister(
  pool: Pool,
  filter: {
    forceId: string;
    asOf: Date;
    policy: ExposurePolicy;
    department?: string;
    aboveThresholdOnly?: boolean;
    /** The caller's own staff number: their own row is left out of the register they read as staff. */
    excludePersonId?: string | null;
  } & Paging,
): Promise<Page<RegisterEntry>> {
  const longest = Math.max(...filter.policy.windows);
  const params: unknown[] = [filter.forceId, filter.asOf.toISOString(), longest + 1];
  let department = '';
  if (filter.department) {
    params.push(filter.department);
    department = `and department = $${params.length}`;
  }
  let notOwn = '';
  if (filter.excludePersonId) {
    params.push(filter.excludePersonId);
    notOwn = `and person_id <> $${params.length}`;
  }
  const { rows } = await pool.query<{
    person_id: string;
    name: string;
    department: string;
    incident_id: string;
    incident_type: string;
    severity_weight: string;
    occurred_at: Date;
  }>(
    `select person_id, name, department, incident_id, incident_type, severity_weight, occurred_at
     from trauma_exposures
     where force_id = $1 and not removed and occurred_at <= $2::timestamptz
       and occurred_at > $2::timestamptz - make_interval(days => $3::int) ${department} ${notOwn}
     order by person_id, occurred_at`,
    params,
  );
  const people = new Map<string, { name: string; department: string; exposures: Exposure[] }>();
  for (const r of rows) {
    const person = people.get(r.person_id) ?? { name: r.name, department: r.department, exposures: [] };
    person.exposures.push({
      exposureId: `${r.incident_id}:${r.person_id}`,
      incidentId: r.incident_id,
      personId: r.person_id,
      incidentType: r.incident_type,
      severityWeight: Number(r.severity_weight),
      occurredAt: r.occurred_at.toISOString(),
    });
    people.set(r.person_id, person);
  }
  const judged = filter.policy.threshold.windowDays;
  const entries = [...people.entries()]
    .map(([personId, p]) => ({
      personId,
      name: p.name,
      department: p.department,
      aboveThreshold: isAboveThreshold(p.exposures, filter.asOf, filter.policy),
      summary: exposureSummary(p.exposures, filter.asOf, filter.policy),
    }))
    .filter((e) => !filter.aboveThresholdOnly || e.aboveThreshold)
    .sort((a, b) => weightIn(b, judged) - weightIn(a, judged) || a.personId.localeCompare(b.personId));
  const start = (filter.page - 1) * filter.pageSize;
  return { items: entries.slice(start, start + filter.pageSize), page: filter.page, pageSize: filter.pageSize, total: entries.length };
}

function weightIn(entry: RegisterEntry, days: number): number {
  return entry.summary.windows.find((w) => w.days === days)?.weightedSum ?? 0;
}

export interface RegisterByDepartment {
  readonly department: string;
  readonly peopleExposed: number;
  readonly peopleAboveThreshold: number;
  readonly exposures: number;
}

/** The register by department, for HR: counts only, no names. */
export async function exposureRegisterByDepartment(
  pool: Pool,
  filter: { forceId: string; asOf: Date; policy: ExposurePolicy },
): Promise<RegisterByDepartment[]> {
  const all = await exposureRegister(pool, { ...filter, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  const byDepartment = new Map<string, { people: number; above: number; exposures: number }>();
  for (const entry of all.items) {
    const d = byDepartment.get(entry.department) ?? { people: 0, above: 0, exposures: 0 };
    d.people += 1;
    d.above += entry.aboveThreshold ? 1 : 0;
    d.exposures += Math.max(0, ...entry.summary.windows.map((w) => w.count));
    byDepartment.set(entry.department, d);
  }
  return [...byDepartment.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([department, d]) => ({ department, peopleExposed: d.people, peopleAboveThreshold: d.above, exposures: d.exposures }));
}
