import { Where } from '@casework/core/database/where';
import type { Pool } from 'pg';
import type { ScreeningLevel, ScreeningResult } from '../domain/surveillance/types';
import type { SurveillanceStatus } from '../domain/surveillance/state';

export interface SurveillancePage<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/** `active` (the default) is everyone still on the register: enrolled or not_required. */
export type SurveillanceStatusFilter = Exclude<SurveillanceStatus, 'none'> | 'active' | 'all';

export interface SurveillanceListFilter {
  readonly forceId: string;
  readonly level?: ScreeningLevel;
  readonly status?: SurveillanceStatusFilter;
  readonly overdue?: boolean;
  /** YYYY-MM-DD (Europe/London): a screening due before the start of that day. */
  readonly dueBefore?: string;
  readonly department?: string;
  /** The caller's own staff number: their own row is left out of the schedule they read as staff. */
  readonly excludePersonId?: string | null;
  readonly page: number;
  readonly pageSize: number;
}

export interface SurveillanceListItem {
  readonly surveillanceId: string;
  readonly personId: string;
  readonly personName: string;
  readonly department: string;
  readonly role: string;
  readonly level: ScreeningLevel | null;
  readonly status: string;
  readonly enrolledAt: string;
  readonly lastScreenedAt: string | null;
  readonly lastResult: ScreeningResult | null;
  /** The due date people see; it is overdue only after the grace period (`nextDeadline`). */
  readonly nextDueAt: string | null;
  readonly nextDeadline: { readonly kind: string; readonly dueAt: string } | null;
  readonly overdue: boolean;
  readonly escalationLevel: number;
}

/** The surveillance schedule: overdue first (most escalated first), then by due date. */
export async function surveillanceList(pool: Pool, filter: SurveillanceListFilter): Promise<SurveillancePage<SurveillanceListItem>> {
  const where = new Where().add('force_id = ?', filter.forceId);
  const status = filter.status ?? 'active';
  if (status === 'active') where.clauses.push(`status <> 'left'`);
  else if (status !== 'all') where.add('status = ?', status);
  if (filter.level !== undefined) where.add('level = ?', filter.level);
  if (filter.overdue !== undefined) where.add('overdue = ?', filter.overdue);
  if (filter.dueBefore) where.add(`next_due_at < (?::date::timestamp at time zone 'Europe/London')`, filter.dueBefore);
  if (filter.department) where.add('department = ?', filter.department);
  if (filter.excludePersonId) where.add('person_id <> ?', filter.excludePersonId);

  const params = [...where.params, filter.pageSize, (filter.page - 1) * filter.pageSize];
  const { rows } = await pool.query<ScheduleRow>(
    `select * from surveillance_schedule ${where.sql()}
     order by overdue desc, escalation_level desc, next_due_at asc nulls last, name, surveillance_id
     limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const { rows: count } = await pool.query<{ n: string }>(
    `select count(*) as n from surveillance_schedule ${where.sql()}`,
    where.params,
  );
  return { items: rows.map(item), page: filter.page, pageSize: filter.pageSize, total: Number(count[0]?.n ?? 0) };
}

interface ScheduleRow {
  surveillance_id: string;
  person_id: string;
  name: string;
  department: string;
  role: string;
  level: number | null;
  status: string;
  enrolled_at: Date;
  last_screened_at: Date | null;
  last_result: string | null;
  next_due_at: Date | null;
  next_deadline_kind: string | null;
  next_deadline_at: Date | null;
  overdue: boolean;
  escalation_level: number;
}

function item(r: ScheduleRow): SurveillanceListItem {
  return {
    surveillanceId: r.surveillance_id,
    personId: r.person_id,
    personName: r.name,
    department: r.department,
    role: r.role,
    level: r.level as ScreeningLevel | null,
    status: r.status,
    enrolledAt: r.enrolled_at.toISOString(),
    lastScreenedAt: r.last_screened_at?.toISOString() ?? null,
    lastResult: r.last_result as ScreeningResult | null,
    nextDueAt: r.next_due_at?.toISOString() ?? null,
    nextDeadline: r.next_deadline_kind && r.next_deadline_at ? { kind: r.next_deadline_kind, dueAt: r.next_deadline_at.toISOString() } : null,
    overdue: r.overdue,
    escalationLevel: r.escalation_level,
  };
}

export interface SurveillanceReportRow {
  readonly level: ScreeningLevel;
  readonly department: string;
  /** On the register at this level now. */
  readonly enrolled: number;
  /** Of those, screened within their level's interval (their last screening's due date is still ahead). */
  readonly screenedInLastInterval: number;
  /** Not overdue, with a screening due before 30 days from now (including any due already, still in grace). */
  readonly dueInNext30Days: number;
  /** Past the grace period without a screening. */
  readonly overdue: number;
}

/** Surveillance coverage per level and department, for people currently at a screening level. */
export async function surveillanceReport(
  pool: Pool,
  filter: { readonly forceId: string; readonly now?: Date },
): Promise<SurveillanceReportRow[]> {
  const now = filter.now ?? new Date();
  const { rows } = await pool.query<Record<string, string>>(
    `select level, department, count(*) as enrolled,
       count(*) filter (where screened_until > $2) as screened,
       count(*) filter (where not overdue and next_due_at < $2::timestamptz + interval '30 days') as due_soon,
       count(*) filter (where overdue) as overdue
     from surveillance_schedule
     where force_id = $1 and status = 'enrolled' and level is not null
     group by level, department order by level, department`,
    [filter.forceId, now.toISOString()],
  );
  return rows.map((r) => ({
    level: Number(r.level) as ScreeningLevel,
    department: r.department as string,
    enrolled: Number(r.enrolled),
    screenedInLastInterval: Number(r.screened),
    dueInNext30Days: Number(r.due_soon),
    overdue: Number(r.overdue),
  }));
}
