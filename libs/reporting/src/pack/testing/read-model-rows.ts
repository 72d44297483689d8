import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Rows written straight into the read-model tables for BI and pack tests: every NOT NULL
 * column has a default here, and names and free text carry a marker (`SECRET`) so a test
 * can check that none of it reaches a `bi` view. Never used outside tests.
 */

export const SECRET = 'SECRET-do-not-show';

type Values = Readonly<Record<string, unknown>>;

const TABLES = {
  report_referrals: (force: string): Values => ({
    referral_id: randomUUID(),
    force_id: force,
    submitted_at: '2026-07-10T09:00:00Z',
    employment_type: 'police_officer',
    department: 'Response',
    source: 'management',
    category: 'mental_health',
    urgency: 'routine',
    status: 'awaiting_triage',
    is_open: true,
    updated_at: '2026-07-10T09:00:00Z',
    revision: 0,
  }),
  referral_queue: (force: string): Values => ({
    referral_id: randomUUID(),
    force_id: force,
    status: 'awaiting_triage',
    is_open: true,
    subject_id: `person-${SECRET}`,
    subject_name: `Name ${SECRET}`,
    employment_type: 'police_officer',
    department: 'Response',
    source: 'management',
    category: 'mental_health',
    urgency: 'routine',
    submitted_at: '2026-07-10T09:00:00Z',
    updated_at: '2026-07-10T09:00:00Z',
    revision: 0,
  }),
  trauma_incidents: (force: string): Values => ({
    incident_id: randomUUID(),
    force_id: force,
    incident_type: 'fatal_rtc',
    type_label: 'Fatal road traffic collision',
    severity_weight: 3,
    department: 'Roads Policing',
    location: `Location ${SECRET}`,
    occurred_at: '2026-07-15T02:00:00Z',
    status: 'open',
    exposed: 0,
    updated_at: '2026-07-15T02:00:00Z',
    revision: 0,
  }),
  trauma_exposures: (force: string): Values => ({
    incident_id: randomUUID(),
    person_id: `person-${SECRET}-${randomUUID()}`,
    force_id: force,
    name: `Name ${SECRET}`,
    department: 'Roads Policing',
    exposure_role: 'first_responder',
    incident_type: 'fatal_rtc',
    severity_weight: 3,
    occurred_at: '2026-07-15T02:00:00Z',
  }),
  trim_activations: (force: string): Values => ({
    activation_id: randomUUID(),
    force_id: force,
    person_id: `person-${SECRET}`,
    person_name: `Name ${SECRET}`,
    department: 'Roads Policing',
    source: 'incident',
    status: 'awaiting_practitioner',
    practitioner_id: `practitioner-${SECRET}`,
    activated_at: '2026-07-16T09:00:00Z',
    updated_at: '2026-07-16T09:00:00Z',
    revision: 0,
  }),
  support_tasks: (force: string): Values => ({
    task_id: randomUUID(),
    force_id: force,
    person_id: `person-${SECRET}`,
    person_name: `Name ${SECRET}`,
    department: 'Roads Policing',
    status: 'open',
    raised_at: '2026-07-16T09:00:00Z',
    exposures: '[]',
    summary: JSON.stringify({ note: SECRET }),
    updated_at: '2026-07-16T09:00:00Z',
    revision: 0,
  }),
  exit_cases: (force: string): Values => ({
    exit_id: randomUUID(),
    force_id: force,
    person_id: `person-${SECRET}`,
    person_name: `Name ${SECRET}`,
    employment_type: 'police_officer',
    department: 'Response',
    start_date: '2015-01-05',
    demographics: '{}',
    reason: 'resignation',
    leaving_date: '2026-08-14',
    opt_out_of_line_manager: false,
    status: 'left',
    length_of_service: '10-20y',
    notified_at: '2026-07-01T09:00:00Z',
    left_on: '2026-08-14',
    updated_at: '2026-08-14T09:00:00Z',
    revision: 0,
  }),
  stay_interviews: (force: string): Values => ({
    stay_id: randomUUID(),
    force_id: force,
    person_id: `person-${SECRET}`,
    person_name: `Name ${SECRET}`,
    employment_type: 'police_officer',
    department: 'Response',
    is_student: false,
    intent_to_leave: 'considering',
    status: 'requested',
    requested_at: '2026-07-02T09:00:00Z',
    updated_at: '2026-07-02T09:00:00Z',
    revision: 0,
  }),
  welfare_cases: (force: string): Values => ({
    case_id: randomUUID(),
    force_id: force,
    person_id: `person-${SECRET}`,
    person_name: `Name ${SECRET}`,
    employment_type: 'police_officer',
    department: 'Response',
    kind: 'misconduct',
    suspended: true,
    status: 'open',
    wlo_id: `wlo-${SECRET}`,
    on_sick_leave: true,
    opened_at: '2026-07-01T09:00:00Z',
    investigation_started_at: '2026-07-01T09:00:00Z',
    updated_at: '2026-07-01T09:00:00Z',
    revision: 0,
  }),
} as const;

export type ReadModelTable = keyof typeof TABLES;

/** Inserts one row into `table` for `forceId`: the table's defaults, overridden by `values`. */
export async function insertRow(pool: Pool, table: ReadModelTable, forceId: string, values: Values = {}): Promise<Values> {
  const row = { ...TABLES[table](forceId), ...values };
  const columns = Object.keys(row);
  await pool.query(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    columns.map((c) => row[c]),
  );
  return row;
}

/** `n` rows alike. */
export async function insertRows(pool: Pool, table: ReadModelTable, forceId: string, n: number, values: Values = {}): Promise<void> {
  for (let i = 0; i < n; i++) await insertRow(pool, table, forceId, values);
}
