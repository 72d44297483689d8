import type { Pool } from 'pg';

/**
 * A line manager's referrals: those naming the caller as the colleague's line manager or
 * as the referrer, in the caller's force. Only what a manager may know: who, where the
 * referral stands, when, and whether an outcome report has been released to them. No
 * category, reason, priority, advisor or deadline (health information or OH workload).
 */
export interface TeamFilter {
  readonly forceId: string;
  /** The ids the caller may be recorded under: their user id and, if the token has one, their staff number. */
  readonly managerIds: readonly string[];
  /** The caller's own staff number: their own referral never shows here. */
  readonly excludeSubjectId?: string | null;
  readonly openOnly: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface TeamItem {
  readonly referralId: string;
  readonly subjectName: string;
  readonly status: string;
  readonly open: boolean;
  readonly submittedAt: string;
  readonly lastChangedAt: string;
  readonly reportReleased: boolean;
}

export interface TeamPage {
  readonly items: readonly TeamItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

interface Row {
  referral_id: string;
  subject_name: string;
  status: string;
  is_open: boolean;
  submitted_at: Date;
  updated_at: Date;
  report_released_at: Date | null;
  total: string;
}

export async function queryReferralTeam(pool: Pool, filter: TeamFilter): Promise<TeamPage> {
  const empty: TeamPage = { items: [], page: filter.page, pageSize: filter.pageSize, total: 0 };
  if (filter.managerIds.length === 0) return empty;
  const params: unknown[] = [filter.forceId, filter.managerIds];
  const where = ['force_id = $1', '(line_manager_id = any($2::text[]) or referred_by = any($2::text[]))'];
  if (filter.openOnly) where.push('is_open');
  if (filter.excludeSubjectId) {
    params.push(filter.excludeSubjectId);
    where.push(`subject_id <> $${params.length}`);
  }
  params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const { rows } = await pool.query<Row>(
    `select referral_id, subject_name, status, is_open, submitted_at, updated_at, report_released_at,
            count(*) over () as total
       from referral_queue
      where ${where.join(' and ')}
      order by is_open desc, updated_at desc, referral_id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  if (rows[0]) return { ...empty, items: rows.map(toItem), total: Number(rows[0].total) };
  const { rows: counted } = await pool.query<{ n: string }>(
    `select count(*) as n from referral_queue where ${where.join(' and ')}`,
    params.slice(0, -2),
  );
  return { ...empty, total: Number(counted[0]?.n ?? 0) };
}

function toItem(r: Row): TeamItem {
  return {
    referralId: r.referral_id,
    subjectName: r.subject_name,
    status: r.status,
    open: r.is_open,
    submittedAt: r.submitted_at.toISOString(),
    lastChangedAt: r.updated_at.toISOString(),
    reportReleased: r.report_released_at !== null,
  };
}
