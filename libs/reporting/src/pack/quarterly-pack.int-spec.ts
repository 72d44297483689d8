import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { runMigrations } from '@casework/core/database/migrations';
import { testPool } from '@casework/core/testing/postgres';
import { ALL_MIGRATIONS } from '@casework/platform/migrations';
import { BI_ROLE, withBiMigrations } from '../bi/bi-schema';
import { renderQuarterlyPack } from './quarterly-pack';
import { SECRET, insertRow, insertRows, type ReadModelTable } from './testing/read-model-rows';

/**
 * The People board pack over real `bi` views: rows written straight into the read-model
 * tables for a force of this file's own (with a hostile name, to prove escaping), then
 * the rendered HTML read back table by table. London is on BST throughout 2026-Q3, so its
 * midnight on 1 July is 2026-06-30T23:00Z.
 */

let pool: Pool;
const force = `pack-${randomUUID()}<script>alert(1)</script>`;
const generatedAt = new Date('2026-10-05T09:00:00Z');
let html: string;

const TABLES: readonly ReadModelTable[] = [
  'report_referrals',
  'trauma_incidents',
  'trauma_exposures',
  'trim_activations',
  'exit_cases',
  'stay_interviews',
  'welfare_cases',
];

async function seed(): Promise<void> {
  const add = (table: ReadModelTable, n: number, values: Record<string, unknown>): Promise<void> =>
    insertRows(pool, table, force, n, values);

  // Referrals made in 2026-Q3: 7 officers (one at the very first instant), 5 staff, 2 PCSOs, 3 specials.
  const closed = { is_open: false, status: 'closed', closed_at: '2026-08-01T09:00:00Z' };
  await add('report_referrals', 1, { employment_type: 'police_officer', submitted_at: '2026-06-30T23:00:00Z' });
  await add('report_referrals', 6, { employment_type: 'police_officer', submitted_at: '2026-07-10T09:00:00Z', ...closed,
    triaged_at: '2026-07-12T09:00:00Z', deadlines_due: 2, deadlines_met_on_time: 2 });
  await add('report_referrals', 5, { employment_type: 'police_staff', category: 'physical_health', submitted_at: '2026-08-10T09:00:00Z' });
  // Closed after the quarter: still part of the backlog at its end.
  await add('report_referrals', 2, { employment_type: 'pcso', category: 'physical_health', submitted_at: '2026-09-01T09:00:00Z',
    is_open: false, status: 'closed', closed_at: '2026-10-02T09:00:00Z' });
  await add('report_referrals', 3, { employment_type: 'special_constable', submitted_at: '2026-09-20T09:00:00Z' });
  // Either side of the quarter: 23:59:59 on 30 June (open, so in the backlog) and midnight on 1 October.
  await add('report_referrals', 1, { employment_type: 'police_staff', submitted_at: '2026-06-30T22:59:59Z' });
  await add('report_referrals', 1, { employment_type: 'police_staff', submitted_at: '2026-09-30T23:00:00Z' });

  // Incidents: A, B (Roads Policing, weight 3) and C (Response, weight 1) in Q3; D in Q2.
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await insertRow(pool, 'trauma_incidents', force, { incident_id: a, occurred_at: '2026-07-15T02:00:00Z' });
  await insertRow(pool, 'trauma_incidents', force, { incident_id: b, occurred_at: '2026-08-20T02:00:00Z' });
  await insertRow(pool, 'trauma_incidents', force, { incident_id: c, occurred_at: '2026-09-05T02:00:00Z', department: 'Response' });
  await insertRow(pool, 'trauma_incidents', force, { incident_id: d, occurred_at: '2026-06-20T02:00:00Z', department: 'Response' });
  for (let i = 0; i < 5; i++) {
    // Five colleagues exposed to A then B: the second exposure reaches weight 6 in 90 days.
    const roads = `roads-${i}-${SECRET}`;
    await insertRow(pool, 'trauma_exposures', force, { incident_id: a, person_id: roads, occurred_at: '2026-07-15T02:00:00Z',
      demobilised: true, defused: true });
    await insertRow(pool, 'trauma_exposures', force, { incident_id: b, person_id: roads, occurred_at: '2026-08-20T02:00:00Z',
      trim_offered: true, trim_activated: true });
    // Five colleagues exposed to D (Q2) then C (Q3): C is a repeat, below the threshold.
    const response = `response-${i}-${SECRET}`;
    const light = { department: 'Response', severity_weight: 1, incident_type: 'sudden_death' };
    await insertRow(pool, 'trauma_exposures', force, { ...light, incident_id: d, person_id: response, occurred_at: '2026-06-20T02:00:00Z',
      demobilised: true });
    await insertRow(pool, 'trauma_exposures', force, { ...light, incident_id: c, person_id: response, occurred_at: '2026-09-05T02:00:00Z',
      demobilised: true });
  }
  // Recorded in error: counts nowhere.
  await insertRow(pool, 'trauma_exposures', force, { incident_id: c, person_id: `removed-${SECRET}`, occurred_at: '2026-09-05T02:00:00Z',
    removed: true, demobilised: true, defused: true, estim: true, trim_offered: true, trim_activated: true, oh_referred: true });

  // TRiM: six from incidents (first contact after 2, 4, 6, 8, 10 hours and one not yet), five self-referrals.
  for (const hours of [2, 4, 6, 8, 10]) {
    await insertRow(pool, 'trim_activations', force, { activated_at: '2026-07-16T09:00:00Z',
      first_contact_at: new Date(Date.parse('2026-07-16T09:00:00Z') + hours * 3_600_000).toISOString(),
      status: 'closed', outcome: 'no_further_action', ended_at: '2026-09-01T09:00:00Z' });
  }
  await add('trim_activations', 1, { activated_at: '2026-07-16T09:00:00Z' });
  await add('trim_activations', 5, { source: 'self_referral', activated_at: '2026-08-16T09:00:00Z', first_contact_at: '2026-08-17T09:00:00Z',
    initial_at_or_above: true });
  await add('trim_activations', 1, { source: 'self_referral', activated_at: '2026-10-01T09:00:00Z' });

  // Leavers: 6 resignations, 5 retirements and 3 dismissals (officers), 2 transfers out (staff); others outside the
  // quarter or retained.
  await add('exit_cases', 6, { reason: 'resignation', left_on: '2026-08-14' });
  await add('exit_cases', 3, { reason: 'dismissal', left_on: '2026-08-20' });
  await add('exit_cases', 5, { reason: 'retirement', left_on: '2026-07-01' });
  await add('exit_cases', 2, { reason: 'transfer_out', employment_type: 'police_staff', left_on: '2026-09-30' });
  await add('exit_cases', 1, { reason: 'resignation', left_on: '2026-06-30' });
  await add('exit_cases', 1, { reason: 'resignation', left_on: '2026-10-01' });
  await add('exit_cases', 1, { reason: 'resignation', status: 'retained', left_on: null });

  // Stay interviews decided this quarter: students 5 stayed / 5 left; substantive 8 stayed.
  const decided = { requested_at: '2026-05-01T09:00:00Z', held_at: '2026-05-10T09:00:00Z', decided_at: '2026-08-01T09:00:00Z', status: 'ended' };
  await add('stay_interviews', 5, { ...decided, is_student: true, outcome: 'stayed' });
  await add('stay_interviews', 5, { ...decided, is_student: true, outcome: 'left' });
  await add('stay_interviews', 8, { ...decided, outcome: 'stayed' });
  await add('stay_interviews', 1, { ...decided, outcome: 'left', decided_at: '2026-10-02T09:00:00Z' });
  // Requested this quarter: seven, five held.
  await add('stay_interviews', 5, { requested_at: '2026-07-02T09:00:00Z', held_at: '2026-07-09T09:00:00Z' });
  await add('stay_interviews', 2, { requested_at: '2026-09-29T09:00:00Z' });

  // Welfare liaison: Response 6 cases all on time; Custody 5 on time and 5 with one late contact.
  await add('welfare_cases', 6, { contacts_due: 3, contacts_on_time: 3 });
  await add('welfare_cases', 5, { department: 'Custody', contacts_due: 2, contacts_on_time: 2 });
  await add('welfare_cases', 5, { department: 'Custody', contacts_due: 2, contacts_on_time: 1 });
  // Closed before the quarter, and none due yet: neither counts.
  await add('welfare_cases', 1, { contacts_due: 2, contacts_on_time: 0, closed_at: '2026-06-01T09:00:00Z', status: 'closed' });
  await add('welfare_cases', 1, { opened_at: '2026-09-25T09:00:00Z' });
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** A rendered table's body rows: first cell → the other cells, as displayed. */
function table(id: string): Record<string, string[]> {
  const match = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (!match) throw new Error(`no table ${id} in the pack`);
  const body = (match[1] as string).split('<tbody>')[1] ?? '';
  const rows: Record<string, string[]> = {};
  for (const tr of body.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
    const cells = [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => unescape(m[1] as string));
    rows[cells[0] as string] = cells.slice(1);
  }
  return rows;
}

beforeAll(async () => {
  pool = testPool(4);
  await runMigrations(pool, withBiMigrations(ALL_MIGRATIONS));
  await seed();
  html = await renderQuarterlyPack(pool, { forceId: force, quarter: '2026-Q3', generatedAt });
});

afterAll(async () => {
  for (const t of TABLES) await pool.query(`delete from ${t} where force_id = $1`, [force]);
  await pool.end();
});

describe('the quarterly pack', () => {
  it('is one self-contained HTML document that fetches nothing', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('escapes the force name and shows the quarter in London terms', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('People board pack — 2026-Q3');
    expect(html).toContain('1 July 2026 – 30 September 2026');
    expect(html).toContain('Generated 5 October 2026, 10:00 (London time).');
  });

  it('never shows a name or person id', () => {
    expect(html).not.toContain(SECRET);
  });

  it('counts referrals by employment type, with % of the quarter and small numbers suppressed', () => {
    expect(table('referrals-by-employment-type')).toEqual({
      'Police officer': ['7', '41.2%'],
      'Police staff': ['5', '29.4%'],
      PCSO: ['<5', '[c]'],
      'Special constable': ['<5', '[c]'],
      Volunteer: ['0', '0.0%'],
      All: ['17', '100.0%'],
    });
    expect(table('referrals-by-category')).toEqual({
      'Mental health': ['10', '58.8%'],
      'Physical health': ['7', '41.2%'],
      All: ['17', '100.0%'],
    });
  });

  it('reports referral timeliness', () => {
    expect(table('referral-timeliness')).toEqual({
      Routine: ['17', '6', '2', '12', '12', '0', '100.0%'],
      Urgent: ['0', '0', '–', '0', '0', '0', '–'],
      All: ['17', '6', '2', '12', '12', '0', '100.0%'],
    });
  });

  it('counts the backlog open at the end of the quarter, by age', () => {
    expect(table('backlog-by-urgency')).toEqual({ Routine: ['12', '100.0%'], Urgent: ['0', '0.0%'], All: ['12', '100.0%'] });
    expect(table('backlog-by-age')).toEqual({
      'Under 2 weeks': ['<5', '[c]'],
      '2 to 6 weeks': ['<5', '[c]'],
      '6 to 13 weeks': ['5', '41.7%'],
      '13 weeks or more': ['<5', '[c]'],
      All: ['12', '100.0%'],
    });
  });

  it('follows exposures through the ESTIP funnel, leaving out those recorded in error', () => {
    expect(html).toContain('3 traumatic incident(s) were recorded as occurring this quarter.');
    expect(table('estip-funnel')).toEqual({
      'Colleagues exposed': ['15', '100.0%'],
      Demobilised: ['10', '66.7%'],
      Defused: ['5', '33.3%'],
      ESTIM: ['0', '0.0%'],
      'TRiM offered': ['5', '33.3%'],
      'TRiM activated': ['5', '33.3%'],
      'OH referral': ['0', '0.0%'],
    });
  });

  it('reports TRiM activations with the median time to first contact, and their outcomes', () => {
    expect(table('trim-activations')).toEqual({
      Incident: ['6', '5', '6 h', '0'],
      'Self referral': ['5', '5', '24 h', '5'],
      'Manager referral': ['0', '0', '–', '0'],
      All: ['11', '10', '17 h', '5'],
    });
    expect(table('trim-outcomes')).toMatchObject({ 'No further action': ['5', '100.0%'], All: ['5', '100.0%'] });
  });

  it('counts repeat exposures over 90 days, across the quarter boundary', () => {
    expect(table('repeat-exposure')).toEqual({
      Response: ['5', '5', '0'],
      'Roads Policing': ['10', '5', '5'],
      All: ['15', '10', '5'],
    });
  });

  it('splits leavers by reason with %, suppressing a small group and the count that would reveal it', () => {
    expect(table('leavers-by-reason')).toEqual({
      Retirement: ['5', '31.3%'],
      'Transfer out': ['<5', '[c]'],
      Resignation: ['6', '37.5%'],
      'Ill health retirement': ['0', '0.0%'],
      Dismissal: ['<5', '[c]'],
      Other: ['0', '0.0%'],
      All: ['16', '100.0%'],
    });
    // Staff alone would be 16 − officers: so the officers' count is withheld too.
    expect(table('leavers-by-employment-type')).toEqual({
      'Police officer': ['[c]', '[c]'],
      'Police staff': ['<5', '[c]'],
      PCSO: ['0', '0.0%'],
      'Special constable': ['0', '0.0%'],
      Volunteer: ['0', '0.0%'],
      All: ['16', '100.0%'],
    });
  });

  it('reports retention after stay interviews, student and substantive', () => {
    expect(html).toContain('Stay interviews requested this quarter: 7; of those, held this quarter: 5.');
    expect(table('stay-retention')).toEqual({
      'Student officers': ['10', '5', '5', '50.0%'],
      Substantive: ['8', '8', '0', '100.0%'],
      All: ['18', '13', '5', '72.2%'],
    });
  });

  it('reports welfare-liaison contact compliance by department', () => {
    expect(table('wlo-compliance')).toEqual({
      Custody: ['10', '5', '5', '50.0%', '20', '15', '5', '75.0%'],
      Response: ['6', '6', '0', '100.0%', '18', '18', '0', '100.0%'],
      All: ['16', '11', '5', '68.8%', '38', '33', '5', '86.8%'],
    });
  });

  it(`renders the same pack as the read-only ${BI_ROLE} role: it needs nothing but the bi views`, async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`set local role ${BI_ROLE}`);
      const asBi = await renderQuarterlyPack(client, { forceId: force, quarter: '2026-Q3', generatedAt });
      // The freshness line moves with other tests' projections; everything else is the same.
      const strip = (s: string): string => s.replace(/<p class="meta" id="freshness">.*<\/p>/, '');
      expect(strip(asBi)).toBe(strip(html));
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('refuses a malformed quarter before touching the database', async () => {
    await expect(renderQuarterlyPack(pool, { forceId: force, quarter: '2026-Q5', generatedAt })).rejects.toThrow(/YYYY-Qn/);
  });
});
