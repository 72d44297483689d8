import type { Pool } from 'pg';

export type QueueView = 'mine' | 'unassigned' | 'overdue' | 'all';
export const QUEUE_VIEWS: readonly QueueView[] = ['mine', 'unassigned', 'overdue', 'all'];

import { queueOrder, type QueueSort, type SortOrder } from '@casework/core/database/queue-order';

export { QUEUE_SORTS, SORT_ORDERS, type QueueSort, type SortOrder } from '@casework/core/database/queue-order';

export interface QueueFilter {
  readonly forceId: string;
  readonly view: QueueView;
  /** The caller, for view = mine. */
  readonly userId: string;
  readonly status?: string;
  readonly urgency?: string;
  readonly category?: string;
  readonly department?: string;
  readonly employmentType?: string;
  readonly advisorId?: string;
  readonly includeClosed?: boolean;
  /** The caller's own staff number: nobody sees their own referral in a staff queue. */
  readonly excludeSubjectId?: string | null;
  /** Default `due`: urgent first, then priority, then the deadline that bites soonest. */
  readonly sort?: QueueSort;
  readonly order?: SortOrder;
  readonly page: number;
  readonly pageSize: number;
}

export interface QueueItem {
  readonly referralId: string;
  readonly status: string;
  readonly subjectId: string;
  readonly subjectName: string;
  readonly employmentType: string;
  readonly department: string;
  readonly source: string;
  readonly category: string;
  readonly urgency: string;
  readonly priority: string | null;
  readonly advisorId: string | null;
  readonly submittedAt: string;
  readonly nextDeadline: { readonly kind: string; readonly dueAt: string } | null;
  readonly overdue: boolean;
  readonly escalationLevel: number;
  readonly updatedAt: string;
  readonly revision: string;
}

export interface QueuePage {
  readonly items: readonly QueueItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

interface Row {
  referral_id: string;
  status: string;
  subject_id: string;
  subject_name: string;
  employment_type: string;
  department: string;
  source: string;
  category: string;
  urgency: string;
  priority: string | null;
  advisor_id: string | null;
  submitted_at: Date;
  next_deadline_kind: string | null;
  next_deadline_at: Date | null;
  overdue: boolean;
  escalation_level: number;
  updated_at: Date;
  revision: string;
  total: string;
}

/**
 * Each sort key as fixed SQL, written ascending; `desc` flips every term. User input only
 * ever picks a key, never reaches the SQL. The referral id breaks ties, always ascending,
 * so paging is deterministic.
 */
const SORTS: Record<QueueSort, readonly string[]> = {
  // Urgent first, then priority, then the deadline that bites soonest, then oldest.
  due: [
    "case urgency when 'urgent' then 0 else 1 end asc",
    "case priority when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end asc",
    'next_deadline_at asc nulls last',
    'submitted_at asc',
  ],
  submitted: ['submitted_at asc'],
  name: ['lower(subject_name) asc'],
  department: ['lower(department) asc'],
  status: ['status asc'],
};

function orderBy(sort: QueueSort = 'due', order: SortOrder = 'asc'): string {
  return queueOrder(SORTS, 'referral_id', { sort, order });
}

export async function queryReferralQueue(pool: Pool, filter: QueueFilter): Promise<QueuePage> {
  const where: string[] = ['force_id = $1'];
  const params: unknown[] = [filter.forceId];
  const add = (clause: string, value: unknown): void => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (!filter.includeClosed) where.push('is_open');
  if (filter.view === 'mine') add('advisor_id = ?', filter.userId);
  if (filter.view === 'unassigned') where.push('advisor_id is null');
  if (filter.view === 'overdue') where.push('overdue');
  if (filter.status) add('status = ?', filter.status);
  if (filter.urgency) add('urgency = ?', filter.urgency);
  if (filter.category) add('category = ?', filter.category);
  if (filter.department) add('department = ?', filter.department);
  if (filter.employmentType) add('employment_type = ?', filter.employmentType);
  if (filter.advisorId) add('advisor_id = ?', filter.advisorId);
  if (filter.excludeSubjectId) add('subject_id <> ?', filter.excludeSubjectId);
  params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const { rows } = await pool.query<Row>(
    `select *, count(*) over () as total from referral_queue
     where ${where.join(' and ')} ${orderBy(filter.sort, filter.order)}
     limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const total = rows[0] ? Number(rows[0].total) : await countOnly(pool, where, params.slice(0, -2));
  return { items: rows.map(toItem), page: filter.page, pageSize: filter.pageSize, total };
}

async function countOnly(pool: Pool, where: string[], params: unknown[]): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`select count(*) as n from referral_queue where ${where.join(' and ')}`, params);
  return Number(rows[0]?.n ?? 0);
}

function toItem(r: Row): QueueItem {
  return {
    referralId: r.referral_id,
    status: r.status,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    employmentType: r.employment_type,
    department: r.department,
    source: r.source,
    category: r.category,
    urgency: r.urgency,
    priority: r.priority,
    advisorId: r.advisor_id,
    submittedAt: r.submitted_at.toISOString(),
    nextDeadline:
      r.next_deadline_kind && r.next_deadline_at ? { kind: r.next_deadline_kind, dueAt: r.next_deadline_at.toISOString() } : null,
    overdue: r.overdue,
    escalationLevel: r.escalation_level,
    updatedAt: r.updated_at.toISOString(),
    revision: r.revision,
  };
}
