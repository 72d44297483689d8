import { queueOrder, type QueueSort, type SortOrder } from '@casework/core/database/queue-order';
import type { Pool } from 'pg';

/** Business dates (Europe/London), both ends inclusive. */
export interface Period {
  readonly from?: string;
  readonly to?: string;
}

/** The dimensions the leavers report splits by, mapped to SQL over `exit_cases`. */
export const LEAVER_DIMENSIONS = {
  reason: 'reason',
  employmentType: 'employment_type',
  department: 'department',
  lengthOfService: "coalesce(length_of_service, 'unknown')",
  ageBand: "coalesce(demographics->>'ageBand', 'not_recorded')",
  sex: "coalesce(demographics->>'sex', 'not_recorded')",
  ethnicity: "coalesce(demographics->>'ethnicity', 'not_recorded')",
  disability: "coalesce(demographics->>'disability', 'not_recorded')",
} as const;
export type LeaverDimension = keyof typeof LEAVER_DIMENSIONS;
export const LEAVER_DIMENSION_NAMES = Object.keys(LEAVER_DIMENSIONS) as LeaverDimension[];

export interface LeaverRow {
  /** e.g. 2026-Q3, by leaving date. */
  readonly quarter: string;
  readonly groups: Readonly<Partial<Record<LeaverDimension, string>>>;
  readonly leavers: number;
  /** Share of the quarter's leavers, to one decimal place, as the People board reads it. */
  readonly percentOfQuarter: number;
}

function periodClause(column: string, period: Period, params: unknown[]): string {
  const clauses: string[] = [];
  if (period.from) {
    params.push(period.from);
    clauses.push(`${column} >= $${params.length}::date`);
  }
  if (period.to) {
    params.push(period.to);
    clauses.push(`${column} <= $${params.length}::date`);
  }
  return clauses.map((c) => ` and ${c}`).join('');
}

const quarterOf = (dateSql: string): string => `to_char(${dateSql}, 'YYYY') || '-Q' || to_char(${dateSql}, 'Q')`;

/** Leavers by quarter and the chosen dimensions, with each group's share of its quarter. */
export async function leaversReport(
  pool: Pool,
  filter: { forceId: string; by: readonly LeaverDimension[] } & Period,
): Promise<LeaverRow[]> {
  const params: unknown[] = [filter.forceId];
  const where = `force_id = $1 and status = 'left'${periodClause('left_on', filter, params)}`;
  const dims = filter.by.map((d, i) => `${LEAVER_DIMENSIONS[d]} as d${i}`);
  const groupBy = ['quarter', ...filter.by.map((_, i) => `d${i}`)].join(', ');
  const { rows } = await pool.query<Record<string, string>>(
    `select quarter, ${filter.by.map((_, i) => `d${i}, `).join('')}leavers,
       round(100.0 * leavers / sum(leavers) over (partition by quarter), 1) as percent
     from (
       select ${quarterOf('left_on')} as quarter${dims.map((d) => `, ${d}`).join('')}, count(*) as leavers
       from exit_cases where ${where}
       group by ${groupBy}
     ) grouped
     order by ${groupBy}`,
    params,
  );
  const result = rows.map((r) => ({
    quarter: r.quarter as string,
    groups: Object.fromEntries(filter.by.map((d, i) => [d, r[`d${i}`] as string])),
    leavers: Number(r.leavers),
    percentOfQuarter: Number(r.percent),
  }));
  // Length-of-service bands read in service order, not alphabetically.
  const rank = (d: LeaverDimension, v: string | undefined): string =>
    d === 'lengthOfService' ? String(SERVICE_ORDER.indexOf(v ?? '')).padStart(2, '0') : (v ?? '');
  const key = (r: LeaverRow): string[] => [r.quarter, ...filter.by.map((d) => rank(d, r.groups[d]))];
  return result.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as string) < (kb[i] as string) ? -1 : 1;
    return 0;
  });
}

const SERVICE_ORDER = ['<1y', '1-2y', '2-5y', '5-10y', '10-20y', '20y+', 'unknown'];

export interface ThemeRow {
  readonly quarter: string;
  readonly source: 'stay_interview' | 'exit';
  readonly theme: string;
  /** Interviews (or exits) naming the theme. */
  readonly mentions: number;
  /** Interviews (or exits) with any theme recorded that quarter. */
  readonly interviews: number;
}

/** Stay-interview themes and exit drivers over time. */
export async function interviewThemes(pool: Pool, filter: { forceId: string } & Period): Promise<ThemeRow[]> {
  const params: unknown[] = [filter.forceId];
  const stayPeriod = periodClause("(held_at at time zone 'Europe/London')::date", filter, params);
  const exitPeriod = periodClause('coalesce(left_on, leaving_date)', filter, params);
  const { rows } = await pool.query<Record<string, string>>(
    `with mentions as (
       select ${quarterOf("(held_at at time zone 'Europe/London')::date")} as quarter, 'stay_interview' as source,
              stay_id::text as case_id, unnest(themes) as theme
       from stay_interviews where force_id = $1 and held_at is not null${stayPeriod}
       union all
       select ${quarterOf('coalesce(left_on, leaving_date)')}, 'exit', exit_id::text, unnest(drivers)
       from exit_cases where force_id = $1${exitPeriod}
     )
     select quarter, source, theme, count(*) as mentions,
            (select count(distinct m2.case_id) from mentions m2 where m2.quarter = m.quarter and m2.source = m.source) as interviews
     from mentions m group by quarter, source, theme order by quarter, source, mentions desc, theme`,
    params,
  );
  return rows.map((r) => ({
    quarter: r.quarter as string,
    source: r.source as ThemeRow['source'],
    theme: r.theme as string,
    mentions: Number(r.mentions),
    interviews: Number(r.interviews),
  }));
}

export interface RetentionRow {
  readonly intervention: 'stay_interview' | 'exit_interview';
  readonly cohort: 'student' | 'substantive' | 'all';
  /** Cases whose outcome is known. */
  readonly outcomes: number;
  readonly stayed: number;
  readonly left: number;
  /** Stayed as a share of known outcomes, to one decimal place; null when none is known. */
  readonly retentionRate: number | null;
}

/**
 * Retention after an intervention: of stay interviews with an outcome, how many stayed
 * (student officers vs substantive); of resignations that had an exit interview, how many
 * were withdrawn (retained) rather than left.
 */
export async function retentionAfterInterview(pool: Pool, filter: { forceId: string } & Period): Promise<RetentionRow[]> {
  const params: unknown[] = [filter.forceId];
  const stayPeriod = periodClause("(decided_at at time zone 'Europe/London')::date", filter, params);
  const exitPeriod = periodClause("(ended_at at time zone 'Europe/London')::date", filter, params);
  const { rows } = await pool.query<Record<string, string>>(
    `select 'stay_interview' as intervention, case when is_student then 'student' else 'substantive' end as cohort,
            count(*) as outcomes, count(*) filter (where outcome = 'stayed') as stayed,
            count(*) filter (where outcome = 'left') as "left"
     from stay_interviews where force_id = $1 and outcome is not null${stayPeriod}
     group by 2
     union all
     select 'exit_interview', 'all', count(*), count(*) filter (where status = 'retained'), count(*) filter (where status = 'left')
     from exit_cases where force_id = $1 and reason = 'resignation' and interview = 'held'
       and status in ('retained', 'left')${exitPeriod}
     having count(*) > 0
     order by 1, 2`,
    params,
  );
  return rows.map((r) => {
    const outcomes = Number(r.outcomes);
    const stayed = Number(r.stayed);
    return {
      intervention: r.intervention as RetentionRow['intervention'],
      cohort: r.cohort as RetentionRow['cohort'],
      outcomes,
      stayed,
      left: Number(r.left),
      retentionRate: outcomes === 0 ? null : Math.round((1000 * stayed) / outcomes) / 10,
    };
  });
}

export interface ComplianceRow {
  readonly department: string;
  /** Cases with at least one contact that has fallen due. */
  readonly cases: number;
  /** Of those, cases with every contact on time. */
  readonly compliant: number;
  readonly percentCompliant: number | null;
  readonly contactsDue: number;
  readonly contactsOnTime: number;
}

/** Welfare-liaison contact compliance: % of cases with every contact on time, by department and overall. */
export async function wloCompliance(pool: Pool, filter: { forceId: string }): Promise<ComplianceRow[]> {
  const { rows } = await pool.query<Record<string, string>>(
    `select coalesce(department, 'All departments') as department, count(*) as cases,
            count(*) filter (where contacts_on_time = contacts_due) as compliant,
            sum(contacts_due) as due, sum(contacts_on_time) as on_time
     from welfare_cases where force_id = $1 and contacts_due > 0
     group by rollup (department) having count(*) > 0 order by department is null, department`,
    [filter.forceId],
  );
  return rows.map((r) => {
    const cases = Number(r.cases);
    const compliant = Number(r.compliant);
    return {
      department: r.department as string,
      cases,
      compliant,
      percentCompliant: cases === 0 ? null : Math.round((1000 * compliant) / cases) / 10,
      contactsDue: Number(r.due),
      contactsOnTime: Number(r.on_time),
    };
  });
}

export interface QueuePage {
  readonly items: readonly Record<string, unknown>[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export { QUEUE_SORTS, SORT_ORDERS, type QueueSort, type SortOrder } from '@casework/core/database/queue-order';

/** Each queue's `submitted`: when the case began (a stay request, a leaving notice, a welfare case opened). */
const QUEUES = {
  stay_interviews: { owner: 'interviewer_id', open: 'ended_at is null', id: 'stay_id', began: 'requested_at', due: 'requested_at asc' },
  exit_cases: { owner: 'interviewer_id', open: 'ended_at is null', id: 'exit_id', began: 'notified_at', due: 'leaving_date asc' },
  welfare_cases: { owner: 'wlo_id', open: 'closed_at is null', id: 'case_id', began: 'opened_at', due: 'opened_at asc' },
} as const;

/** A queue's ORDER BY: the shared fixed terms, with each queue's own start and due columns. */
function queueOrderOf(q: (typeof QUEUES)[keyof typeof QUEUES], sort: QueueSort, order: SortOrder): string {
  return queueOrder(
    {
      due: ['overdue desc', 'escalation_level desc', 'next_deadline_at asc nulls last', q.due],
      submitted: [`${q.began} asc`],
      name: ['lower(person_name) asc'],
      department: ['lower(department) asc'],
      status: ['status asc'],
    },
    q.id,
    { sort, order },
  );
}

/**
 * A workflow's queue: open cases, by default overdue first, then by the deadline due soonest. Free
 * text and demographics are left out of queue items.
 */
export async function caseQueue(
  pool: Pool,
  table: keyof typeof QUEUES,
  filter: {
    forceId: string;
    userId: string;
    view: 'mine' | 'unassigned' | 'overdue' | 'all';
    includeClosed: boolean;
    /** The caller's own staff number: nobody sees their own case in a staff queue. */
    excludePersonId?: string | null;
    department?: string;
    employmentType?: string;
    sort?: QueueSort;
    order?: SortOrder;
    page: number;
    pageSize: number;
  },
): Promise<QueuePage> {
  const q = QUEUES[table];
  const where = ['force_id = $1'];
  const params: unknown[] = [filter.forceId];
  if (!filter.includeClosed) where.push(q.open);
  if (filter.excludePersonId) {
    params.push(filter.excludePersonId);
    where.push(`person_id <> $${params.length}`);
  }
  if (filter.view === 'mine') {
    params.push(filter.userId);
    where.push(`${q.owner} = $${params.length}`);
  }
  if (filter.view === 'unassigned') where.push(`${q.owner} is null`);
  if (filter.view === 'overdue') where.push('overdue');
  if (filter.department) {
    params.push(filter.department);
    where.push(`department = $${params.length}`);
  }
  if (filter.employmentType) {
    params.push(filter.employmentType);
    where.push(`employment_type = $${params.length}`);
  }
  const sql = `from ${table} where ${where.join(' and ')}`;
  const { rows } = await pool.query<Record<string, unknown>>(
    `select * ${sql} ${queueOrderOf(q, filter.sort ?? 'due', filter.order ?? 'asc')}
     limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  const { rows: count } = await pool.query<{ n: string }>(`select count(*) as n ${sql}`, params);
  return {
    items: rows.map(toItem),
    page: filter.page,
    pageSize: filter.pageSize,
    total: Number(count[0]?.n ?? 0),
  };
}

const HIDDEN = new Set(['demographics', 'deadlines', 'contact_deadline_events', 'revision', 'force_id']);

function toItem(row: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (HIDDEN.has(key)) continue;
    item[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value instanceof Date ? value.toISOString() : value;
  }
  item.revision = String(row.revision);
  return item;
}
