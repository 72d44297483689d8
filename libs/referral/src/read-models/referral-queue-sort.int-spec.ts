import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '@casework/core/testing/postgres';
import { queryReferralQueue, type QueueFilter, type QueueSort, type SortOrder } from './referral-queue.query';

/**
 * The OH queue sorts on the server: four queue rows with known names, departments,
 * statuses and dates (written straight into the read model, in a force of their own),
 * read back by every sort key both ways. Two share a name and a department, so the
 * referral id must break the tie the same way in either direction.
 */
const FORCE = `force-sort-${randomUUID()}`;
// Ids in ascending order, so "by id" is a[0] < a[1] < a[2] < a[3].
const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()].sort();
const [i0, i1, i2, i3] = ids as [string, string, string, string];

const rows = [
  { id: i0, subject: 'PC-1', name: 'Cole Ash', department: 'Roads', employmentType: 'police_officer', status: 's2', urgency: 'routine', submitted: '2026-03-02', next: '2026-04-10' },
  { id: i1, subject: 'PC-2', name: 'able Bo', department: 'Response', employmentType: 'police_staff', status: 's1', urgency: 'urgent', submitted: '2026-03-03', next: '2026-04-01' },
  { id: i2, subject: 'PC-3', name: 'Blake Cy', department: 'custody', employmentType: 'police_officer', status: 's3', urgency: 'routine', submitted: '2026-03-01', next: '2026-04-05' },
  { id: i3, subject: 'PC-4', name: 'Cole Ash', department: 'Roads', employmentType: 'pcso', status: 's1', urgency: 'routine', submitted: '2026-03-04', next: null },
];

let pool: Pool;

beforeAll(async () => {
  pool = testPool(2);
  for (const r of rows) {
    await pool.query(
      `insert into referral_queue (referral_id, force_id, status, is_open, subject_id, subject_name, employment_type, department,
         source, category, urgency, submitted_at, next_deadline_kind, next_deadline_at, updated_at, revision)
       values ($1, $2, $3, true, $4, $5, $6, $7, 'self', 'mental_health', $8, $9, $10, $11, $9, 0)`,
      [r.id, FORCE, r.status, r.subject, r.name, r.employmentType, r.department, r.urgency, r.submitted, r.next && 'triage', r.next],
    );
  }
});

afterAll(async () => {
  // Rows written without events: take them out so no rebuild comparison ever meets them.
  await pool.query('delete from referral_queue where force_id = $1', [FORCE]);
  await pool.end();
});

async function order(extra: Partial<QueueFilter> = {}): Promise<string[]> {
  const page = await queryReferralQueue(pool, { forceId: FORCE, view: 'all', userId: 'adv-1', page: 1, pageSize: 10, ...extra });
  return page.items.map((i) => i.referralId);
}

describe('the OH queue sorted on the server', () => {
  const expected: [QueueSort, SortOrder, string[]][] = [
    // Urgent first, then the deadline due soonest, no deadline last.
    ['due', 'asc', [i1, i2, i0, i3]],
    ['due', 'desc', [i3, i0, i2, i1]],
    ['submitted', 'asc', [i2, i0, i1, i3]],
    ['submitted', 'desc', [i3, i1, i0, i2]],
    // Case-insensitive; the two called Cole Ash tie and the id decides, ascending both ways.
    ['name', 'asc', [i1, i2, i0, i3]],
    ['name', 'desc', [i0, i3, i2, i1]],
    ['department', 'asc', [i2, i1, i0, i3]],
    ['department', 'desc', [i0, i3, i1, i2]],
    ['status', 'asc', [i1, i3, i0, i2]],
    ['status', 'desc', [i2, i0, i1, i3]],
  ];

  it.each(expected)('by %s %s', async (sort, direction, ids) => {
    expect(await order({ sort, order: direction })).toEqual(ids);
  });

  it('with no sort given the queue keeps its working order (urgent first, then the next deadline)', async () => {
    expect(await order()).toEqual([i1, i2, i0, i3]);
  });

  it('pages through a sort with ties without skipping or repeating a row', async () => {
    const pages = await Promise.all(
      [1, 2].map((page) => queryReferralQueue(pool, { forceId: FORCE, view: 'all', userId: 'adv-1', sort: 'name', order: 'desc', page, pageSize: 2 })),
    );
    expect(pages.flatMap((p) => p.items.map((i) => i.referralId))).toEqual([i0, i3, i2, i1]);
    expect(pages.map((p) => p.total)).toEqual([4, 4]);
  });

  it('filters by department and employment type, and still leaves out the caller’s own referral', async () => {
    expect(await order({ department: 'Roads', sort: 'submitted' })).toEqual([i0, i3]);
    expect(await order({ employmentType: 'police_officer', sort: 'submitted' })).toEqual([i2, i0]);
    expect(await order({ excludeSubjectId: 'PC-2', sort: 'name' })).toEqual([i2, i0, i3]);
  });
});
