import { queueOrder, type QueueSort, type QueueSorting } from '@casework/core/database/queue-order';
import type { Pool } from 'pg';
import { Where, type DatePeriod } from '@casework/core/database/where';

/** A period of business dates, inclusive, as YYYY-MM-DD (Europe/London). */
export type Period = DatePeriod;

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export interface Paging {
  readonly page: number;
  readonly pageSize: number;
}

export { QUEUE_SORTS, SORT_ORDERS, type QueueSort, type QueueSorting, type SortOrder } from '@casework/core/database/queue-order';

const TRIM_SORTS: Record<QueueSort, readonly string[]> = {
  due: ['overdue desc', 'escalation_level desc', 'next_deadline_at asc nulls last', 'activated_at asc'],
  submitted: ['activated_at asc'],
  name: ['lower(person_name) asc'],
  department: ['lower(department) asc'],
  status: ['status asc'],
};

async function paged<T>(pool: Pool, select: string, where: Where, order: string, paging: Paging, map: (row: never) => T): Promise<Page<T>> {
  const params = [...where.params, paging.pageSize, (paging.page - 1) * paging.pageSize];
  const { rows } = await pool.query(
    `${select} ${where.sql()} ${order} limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const { rows: count } = await pool.query<{ n: string }>(
    `select count(*) as n from (${select} ${where.sql()}) counted`,
    where.params,
  );
  return { items: rows.map((r) => map(r as never)), page: paging.page, pageSize: paging.pageSize, total: Number(count[0]?.n ?? 0) };
}

export interface IncidentListItem {
  readonly incidentId: string;
  readonly incidentType: string;
  readonly typeLabel: string;
  readonly severityWeight: number;
  readonly department: string;
  readonly location: string;
  readonly occurredAt: string;
  readonly status: string;
  readonly exposed: number;
  readonly stages: Readonly<Record<string, string>>;
  readonly nextDeadline: { readonly kind: string; readonly dueAt: string } | null;
  readonly overdue: boolean;
  readonly escalationLevel: number;
}

export async function listIncidents(
  pool: Pool,
  filter: { forceId: string; status?: string; department?: string; overdue?: boolean } & Period & Paging,
): Promise<Page<IncidentListItem>> {
  const where = new Where().add('force_id = ?', filter.forceId).period('occurred_at', filter);
  if (filter.status) where.add('status = ?', filter.status);
  if (filter.department) where.add('department = ?', filter.department);
  if (filter.overdue !== undefined) where.add('overdue = ?', filter.overdue);
  return paged(pool, 'select * from trauma_incidents', where, 'order by overdue desc, occurred_at desc, incident_id', filter, (r: IncidentRow) => ({
    incidentId: r.incident_id,
    incidentType: r.incident_type,
    typeLabel: r.type_label,
    severityWeight: Number(r.severity_weight),
    department: r.department,
    location: r.location,
    occurredAt: r.occurred_at.toISOString(),
    status: r.status,
    exposed: r.exposed,
    stages: r.stages,
    nextDeadline: deadline(r.next_deadline_kind, r.next_deadline_at),
    overdue: r.overdue,
    escalationLevel: r.escalation_level,
  }));
}

interface IncidentRow {
  incident_id: string;
  incident_type: string;
  type_label: string;
  severity_weight: string;
  department: string;
  location: string;
  occurred_at: Date;
  status: string;
  exposed: number;
  stages: Record<string, string>;
  next_deadline_kind: string | null;
  next_deadline_at: Date | null;
  overdue: boolean;
  escalation_level: number;
}

export interface TrimQueueItem {
  readonly activationId: string;
  readonly personId: string;
  readonly personName: string;
  readonly department: string;
  readonly source: string;
  readonly incidentId: string | null;
  readonly status: string;
  readonly practitionerId: string | null;
  readonly activatedAt: string;
  readonly firstContactAt: string | null;
  readonly initialTotal: number | null;
  readonly followUpTotal: number | null;
  readonly atOrAboveThreshold: boolean;
  readonly referralId: string | null;
  readonly outcome: string | null;
  readonly nextDeadline: { readonly kind: string; readonly dueAt: string } | null;
  readonly overdue: boolean;
  readonly escalationLevel: number;
}

/** TRiM staff's queue: open activations, by default overdue first, then by the deadline due soonest. */
export async function trimQueue(
  pool: Pool,
  filter: {
    forceId: string;
    userId: string;
    view: 'mine' | 'unallocated' | 'overdue' | 'all';
    includeEnded?: boolean;
    /** The caller's own staff number: nobody sees their own activation in a staff queue. */
    excludePersonId?: string | null;
    /** trim_activations has no employment type, so TRiM filters by department only. */
    department?: string;
  } & QueueSorting &
    Paging,
): Promise<Page<TrimQueueItem>> {
  const where = new Where().add('force_id = ?', filter.forceId);
  if (!filter.includeEnded) where.clauses.push('ended_at is null');
  if (filter.excludePersonId) where.add('person_id <> ?', filter.excludePersonId);
  if (filter.view === 'mine') where.add('practitioner_id = ?', filter.userId);
  if (filter.view === 'unallocated') where.clauses.push('practitioner_id is null');
  if (filter.view === 'overdue') where.clauses.push('overdue');
  if (filter.department) where.add('department = ?', filter.department);
  return paged(
    pool,
    'select * from trim_activations',
    where,
    queueOrder(TRIM_SORTS, 'activation_id', filter),
    filter,
    (r: TrimRow) => ({
      activationId: r.activation_id,
      personId: r.person_id,
      personName: r.person_name,
      department: r.department,
      source: r.source,
      incidentId: r.incident_id,
      status: r.status,
      practitionerId: r.practitioner_id,
      activatedAt: r.activated_at.toISOString(),
      firstContactAt: r.first_contact_at?.toISOString() ?? null,
      initialTotal: r.initial_total,
      followUpTotal: r.follow_up_total,
      atOrAboveThreshold: Boolean(r.follow_up_at_or_above ?? r.initial_at_or_above),
      referralId: r.referral_id,
      outcome: r.outcome,
      nextDeadline: deadline(r.next_deadline_kind, r.next_deadline_at),
      overdue: r.overdue,
      escalationLevel: r.escalation_level,
    }),
  );
}

interface TrimRow {
  activation_id: string;
  person_id: string;
  person_name: string;
  department: string;
  source: string;
  incident_id: string | null;
  status: string;
  practitioner_id: string | null;
  activated_at: Date;
  first_contact_at: Date | null;
  initial_total: number | null;
  initial_at_or_above: boolean | null;
  follow_up_total: number | null;
  follow_up_at_or_above: boolean | null;
  referral_id: string | null;
  outcome: string | null;
  next_deadline_kind: string | null;
  next_deadline_at: Date | null;
  overdue: boolean;
  escalation_level: number;
}

function deadline(kind: string | null, dueAt: Date | null): { kind: string; dueAt: string } | null {
  return kind && dueAt ? { kind, dueAt: dueAt.toISOString() } : null;
}

export interface FunnelRow {
  readonly incidentType: string;
  readonly department: string;
  readonly incidents: number;
  readonly exposed: number;
  readonly demobilised: number;
  readonly defused: number;
  readonly estim: number;
  readonly trimOffered: number;
  readonly trimActivated: number;
  readonly ohReferred: number;
}

/**
 * The ESTIP funnel: people exposed → demobilised → defused → ESTIM → TRiM offered →
 * TRiM activated → OH referral, per incident type and department. The pilot force's
 * question — did demobilisation and defusion change TRiM demand? — is read across rows.
 */
export async function estipFunnel(pool: Pool, filter: { forceId: string } & Period): Promise<FunnelRow[]> {
  const where = new Where().add('force_id = ?', filter.forceId).period('occurred_at', filter);
  where.clauses.push('not removed');
  const { rows } = await pool.query<Record<string, string>>(
    `select incident_type, department, count(distinct incident_id) as incidents, count(*) as exposed,
       count(*) filter (where demobilised) as demobilised, count(*) filter (where defused) as defused,
       count(*) filter (where estim) as estim, count(*) filter (where trim_offered) as trim_offered,
       count(*) filter (where trim_activated) as trim_activated, count(*) filter (where oh_referred) as oh_referred
     from trauma_exposures ${where.sql()}
     group by incident_type, department order by incident_type, department`,
    where.params,
  );
  return rows.map((r) => ({
    incidentType: r.incident_type as string,
    department: r.department as string,
    incidents: Number(r.incidents),
    exposed: Number(r.exposed),
    demobilised: Number(r.demobilised),
    defused: Number(r.defused),
    estim: Number(r.estim),
    trimOffered: Number(r.trim_offered),
    trimActivated: Number(r.trim_activated),
    ohReferred: Number(r.oh_referred),
  }));
}

export interface TrimActivityRow {
  readonly month: string;
  readonly department: string;
  readonly outcome: string;
  readonly activations: number;
  /** Hours from activation to the trauma intervention brief, where one was given. */
  readonly medianHoursToFirstContact: number | null;
  readonly contacted: number;
}

/** TRiM activations by month (Europe/London), department and outcome, with time to first contact. */
export async function trimActivity(pool: Pool, filter: { forceId: string } & Period): Promise<TrimActivityRow[]> {
  const where = new Where().add('force_id = ?', filter.forceId).period('activated_at', filter);
  const { rows } = await pool.query<Record<string, string | null>>(
    `select to_char(activated_at at time zone 'Europe/London', 'YYYY-MM') as month, department,
       coalesce(outcome, 'open') as outcome, count(*) as activations, count(first_contact_at) as contacted,
       percentile_cont(0.5) within group (order by extract(epoch from first_contact_at - activated_at) / 3600)
         filter (where first_contact_at is not null) as median_hours
     from trim_activations ${where.sql()}
     group by 1, 2, 3 order by 1, 2, 3`,
    where.params,
  );
  return rows.map((r) => ({
    month: r.month as string,
    department: r.department as string,
    outcome: r.outcome as string,
    activations: Number(r.activations),
    contacted: Number(r.contacted),
    medianHoursToFirstContact: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 10) / 10,
  }));
}
