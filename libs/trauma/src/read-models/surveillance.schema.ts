import type { Migration } from '@casework/core/database/migrations';

/**
 * The psychological-surveillance schedule: one row per person on (or once on) the
 * register, with their level, last screening and next due date. Nothing clinical: a
 * screening's result is only `no_concerns` or `follow_up_recommended`.
 *
 * - `next_due_at` is the nominal due date people see; the `screening` deadline in
 *   `deadlines` falls due later, at the end of the grace period (that is when `overdue`).
 * - `screened_until` is the end of the interval the last screening covers (the due date
 *   it set), so "screened within the last interval" is `screened_until > now()`.
 */
export const surveillanceMigrations: readonly Migration[] = [
  {
    id: '0302_trauma_surveillance',
    sql: `
      create table surveillance_schedule (
        surveillance_id uuid primary key,
        person_id text not null,
        force_id text not null,
        name text not null,
        department text not null,
        role text not null,
        level int,
        status text not null,
        enrolled_at timestamptz not null,
        last_screened_at timestamptz,
        last_result text,
        screened_until timestamptz,
        next_due_at timestamptz,
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index surveillance_schedule_force_idx on surveillance_schedule (force_id, status, next_due_at);
    `,
  },
];
