import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '@casework/core/testing/postgres';
import { supportTaskQueue } from './exposure.queries';
import { trimQueue, type QueueSort, type SortOrder } from './trauma.queries';

/**
 * The TRiM and support-task queues sort on the server: four rows in each with known names,
 * departments, statuses and dates (written straight into the read models, in a force of
 * their own), read back by every sort key both ways. Two share a name and a department,
 * so the case id must break the tie the same way in either direction.
 */
const FORCE = `force-sort-${randomUUID()}`;
// Ids in ascending order, so "by id" is i0 < i1 < i2 < i3.
const [i0, i1, i2, i3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()].sort() as [string, string, string, string];

const rows = [
  { id: i0, person: 'PC-1', name: 'Cole Ash', department: 'Roads', status: 's2', overdue: false, began: '2026-03-02', next: '2026-04-10' },
  { id: i1, person: 'PC-2', name: 'able Bo', department: 'Response', status: 's1', overdue: true, began: '2026-03-03', next: '2026-04-01' },
  { id: i2, person: 'PC-3', name: 'Blake Cy', department: 'custody', status: 's3', overdue: false, began: '2026-03-01', next: '2026-04-05' },
  { id: i3, person: 'PC-4', name: 'Cole Ash', department: 'Roads', status: 's1', overdue: false, began: '2026-03-04', next: null },
];

const expected: [QueueSort, SortOrder, string[]][] = [
  // Overdue first, then the deadline due soonest (tasks: the oldest), no deadline last.
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

let pool: Pool;

beforeAll(async () => {
  pool = testPool(2);
  for (const r of rows) {
    await pool.query(
      `insert into trim_activations (activation_id, force_id, person_id, person_name, department, source, status, activated_at,
         next_deadline_kind, next_deadline_at, overdue, escalation_level, updated_at, revision)
       values ($1, $2, $3, $4, $5, 'incident', $6, $7, $8, $9, $10, $11, $7, 0)`,
      [r.id, FORCE, r.person, r.name, r.department, r.status, r.began, r.next && 'first_contact', r.next, r.overdue, r.overdue ? 1 : 0],
    );
    await pool.query(
      `insert into support_tasks (task_id, force_id, person_id, person_name, department, status, raised_at, exposures, summary,
         next_deadline_kind, next_deadline_at, overdue, escalation_level, updated_at, revision)
       values ($1, $2, $3, $4, $5, $6, $7, '[]', '{}', $8, $9, $10, $11, $7, 0)`,
      [r.id, FORCE, r.person, r.name, r.department, r.status, r.began, r.next && 'first_contact', r.next, r.overdue, r.overdue ? 1 : 0],
    );
  }
});

afterAll(async () => {
  // Rows written without events: take them out so no rebuild comparison ever meets them.
  await pool.query('delete from trim_activations where force_id = $1', [FORCE]);
  await pool.query('delete from support_tasks where force_id = $1', [FORCE]);
  await pool.end();
});

const base = { forceId: FORCE, userId: 'staff-1', view: 'all' as const, page: 1, pageSize: 10 };

describe('the TRiM queue sorted on the server', () => {
  const trim = async (extra: Partial<Parameters<typeof trimQueue>[1]> = {}): Promise<string[]> =>
    (await trimQueue(pool, { ...base, ...extra })).items.map((i) => i.activationId);

  it.each(expected)('by %s %s', async (sort, order, ids) => {
    expect(await trim({ sort, order })).toEqual(ids);
  });

  it('with no sort given keeps its working order, and pages through ties without skipping a row', async () => {
    expect(await trim()).toEqual([i1, i2, i0, i3]);
    const pages = await Promise.all([1, 2].map((page) => trim({ sort: 'department', order: 'desc', page, pageSize: 2 })));
    expect(pages.flat()).toEqual([i0, i3, i1, i2]);
  });

  it('filters by department and still leaves out the caller’s own activation', async () => {
    expect(await trim({ department: 'Roads', sort: 'submitted' })).toEqual([i0, i3]);
    expect(await trim({ excludePersonId: 'PC-2', sort: 'name' })).toEqual([i2, i0, i3]);
  });
});

describe('the support-task queue sorted on the server', () => {
  const tasks = async (extra: Partial<Parameters<typeof supportTaskQueue>[1]> = {}): Promise<string[]> =>
    (await supportTaskQueue(pool, { ...base, ...extra })).items.map((i) => i.taskId);

  it.each(expected)('by %s %s', async (sort, order, ids) => {
    expect(await tasks({ sort, order })).toEqual(ids);
  });

  it('with no sort given keeps its working order, and pages through ties without skipping a row', async () => {
    expect(await tasks()).toEqual([i1, i2, i0, i3]);
    const pages = await Promise.all([1, 2].map((page) => tasks({ sort: 'name', order: 'desc', page, pageSize: 2 })));
    expect(pages.flat()).toEqual([i0, i3, i2, i1]);
  });

  it('filters by department and still leaves out the caller’s own task', async () => {
    expect(await tasks({ department: 'Roads', sort: 'submitted' })).toEqual([i0, i3]);
    expect(await tasks({ excludePersonId: 'PC-2', sort: 'name' })).toEqual([i2, i0, i3]);
  });
});
