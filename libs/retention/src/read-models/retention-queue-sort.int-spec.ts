import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '@casework/core/testing/postgres';
import { caseQueue, type QueueSort, type SortOrder } from './retention.queries';

/**
 * The stay, exit and welfare queues sort on the server: four cases in each with known
 * names, departments, employment types, statuses and dates (written straight into the read
 * models, in a force of their own), read back by every sort key both ways. Two share a
 * name and a department, so the case id must break the tie the same way in either direction.
 */
const FORCE = `force-sort-${randomUUID()}`;
// Ids in ascending order, so "by id" is i0 < i1 < i2 < i3.
const [i0, i1, i2, i3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()].sort() as [string, string, string, string];

const rows = [
  { id: i0, person: 'PC-1', name: 'Cole Ash', department: 'Roads', type: 'police_officer', status: 's2', overdue: false, began: '2026-03-02', leaving: '2026-06-29', next: '2026-04-10' },
  { id: i1, person: 'PC-2', name: 'able Bo', department: 'Response', type: 'police_staff', status: 's1', overdue: true, began: '2026-03-03', leaving: '2026-06-28', next: '2026-04-01' },
  { id: i2, person: 'PC-3', name: 'Blake Cy', department: 'custody', type: 'police_officer', status: 's3', overdue: false, began: '2026-03-01', leaving: '2026-06-30', next: '2026-04-05' },
  { id: i3, person: 'PC-4', name: 'Cole Ash', department: 'Roads', type: 'pcso', status: 's1', overdue: false, began: '2026-03-04', leaving: '2026-06-27', next: null },
];

const expected: [QueueSort, SortOrder, string[]][] = [
  // Overdue first, then the deadline due soonest, no deadline last.
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
    const common = [r.id, FORCE, r.person, r.name, r.type, r.department, r.status, r.began, r.next && 'contact', r.next, r.overdue, r.overdue ? 1 : 0];
    await pool.query(
      `insert into stay_interviews (stay_id, force_id, person_id, person_name, employment_type, department, status, requested_at,
         next_deadline_kind, next_deadline_at, overdue, escalation_level, is_student, intent_to_leave, updated_at, revision)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false, 'unsure', $8, 0)`,
      common,
    );
    // The exit's leaving dates run against its notices, so `due` cannot lean on either.
    await pool.query(
      `insert into exit_cases (exit_id, force_id, person_id, person_name, employment_type, department, status, notified_at,
         next_deadline_kind, next_deadline_at, overdue, escalation_level, start_date, demographics, reason, leaving_date,
         opt_out_of_line_manager, updated_at, revision)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '2020-01-01', '{}', 'resignation', $13,
         false, $8, 0)`,
      [...common, r.leaving],
    );
    await pool.query(
      `insert into welfare_cases (case_id, force_id, person_id, person_name, employment_type, department, status, opened_at,
         next_deadline_kind, next_deadline_at, overdue, escalation_level, kind, suspended, investigation_started_at, updated_at, revision)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'misconduct', false, $8, $8, 0)`,
      common,
    );
  }
});

afterAll(async () => {
  // Rows written without events: take them out so no rebuild comparison ever meets them.
  for (const table of ['stay_interviews', 'exit_cases', 'welfare_cases']) await pool.query(`delete from ${table} where force_id = $1`, [FORCE]);
  await pool.end();
});

describe.each(['stay_interviews', 'exit_cases', 'welfare_cases'] as const)('the %s queue sorted on the server', (table) => {
  const queue = async (extra: Partial<Parameters<typeof caseQueue>[2]> = {}): Promise<string[]> => {
    const page = await caseQueue(pool, table, { forceId: FORCE, userId: 'staff-1', view: 'all', includeClosed: false, page: 1, pageSize: 10, ...extra });
    const id = { stay_interviews: 'stayId', exit_cases: 'exitId', welfare_cases: 'caseId' }[table];
    return page.items.map((i) => i[id] as string);
  };

  it.each(expected)('by %s %s', async (sort, order, ids) => {
    expect(await queue({ sort, order })).toEqual(ids);
  });

  it('with no sort given keeps its working order, and pages through ties without skipping a row', async () => {
    expect(await queue()).toEqual([i1, i2, i0, i3]);
    const pages = await Promise.all([1, 2].map((page) => queue({ sort: 'name', order: 'desc', page, pageSize: 2 })));
    expect(pages.flat()).toEqual([i0, i3, i2, i1]);
  });

  it('filters by department and employment type, and still leaves out the caller’s own case', async () => {
    expect(await queue({ department: 'Roads', sort: 'submitted' })).toEqual([i0, i3]);
    expect(await queue({ employmentType: 'police_officer', sort: 'submitted' })).toEqual([i2, i0]);
    expect(await queue({ department: 'Roads', employmentType: 'pcso' })).toEqual([i3]);
    expect(await queue({ excludePersonId: 'PC-2', sort: 'name' })).toEqual([i2, i0, i3]);
  });
});
