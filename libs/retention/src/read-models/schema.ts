import type { Migration } from '@casework/core/database/migrations';

/**
 * Retention and welfare read models: queues for the retention team and welfare-liaison
 * officers, and the facts the People board's reports count. No free-text concerns,
 * interview summaries or survey answers are copied here.
 */
export const retentionMigrations: readonly Migration[] = [
  {
    id: '0400_retention_read_models',
    sql: `
      create table stay_interviews (
        stay_id uuid primary key,
        force_id text not null,
        person_id text not null,
        person_name text not null,
        employment_type text not null,
        department text not null,
        is_student boolean not null,
        intent_to_leave text not null,
        status text not null,
        interviewer_id text,
        requested_at timestamptz not null,
        held_at timestamptz,
        themes text[] not null default '{}',
        actions_total int not null default 0,
        actions_done int not null default 0,
        outcome text,
        decided_at timestamptz,
        ended_at timestamptz,
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index stay_interviews_force_idx on stay_interviews (force_id, ended_at, requested_at);

      create table exit_cases (
        exit_id uuid primary key,
        force_id text not null,
        person_id text not null,
        person_name text not null,
        employment_type text not null,
        department text not null,
        start_date date not null,
        demographics jsonb not null,
        reason text not null,
        leaving_date date not null,
        opt_out_of_line_manager boolean not null,
        status text not null,
        interviewer_id text,
        survey text not null default 'pending',
        interview text not null default 'pending',
        drivers text[] not null default '{}',
        length_of_service text,
        notified_at timestamptz not null,
        left_on date,
        rejoined_at timestamptz,
        ended_at timestamptz,
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index exit_cases_force_idx on exit_cases (force_id, status, leaving_date);

      create table welfare_cases (
        case_id uuid primary key,
        force_id text not null,
        person_id text not null,
        person_name text not null,
        employment_type text not null,
        department text not null,
        kind text not null,
        suspended boolean not null,
        status text not null,
        wlo_id text,
        on_sick_leave boolean not null default false,
        opened_at timestamptz not null,
        investigation_started_at timestamptz not null,
        last_contact_at timestamptz,
        contacts int not null default 0,
        contact_deadline_events jsonb not null default '[]',
        contacts_due int not null default 0,
        contacts_on_time int not null default 0,
        concluded_at timestamptz,
        closed_at timestamptz,
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index welfare_cases_force_idx on welfare_cases (force_id, closed_at, overdue);
    `,
  },
  {
    id: '0401_retention_rejoined_date',
    sql: `
      -- A rejoin is a business date (YYYY-MM-DD), like the leaving date.
      alter table exit_cases alter column rejoined_at type date using (rejoined_at at time zone 'Europe/London')::date;
    `,
  },
];
