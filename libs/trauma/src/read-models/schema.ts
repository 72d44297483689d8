import type { Migration } from '@casework/core/database/migrations';

/**
 * Trauma read models. None holds TRiM scores' detail or notes: `trim_activations` keeps
 * totals and threshold flags for TRiM staff's queue; the funnel and exposure register
 * hold only who was exposed and which support was given.
 */
export const traumaMigrations: readonly Migration[] = [
  {
    id: '0300_trauma_read_models',
    sql: `
      create table trauma_incidents (
        incident_id uuid primary key,
        force_id text not null,
        incident_type text not null,
        type_label text not null,
        severity_weight numeric not null,
        department text not null,
        location text not null,
        occurred_at timestamptz not null,
        status text not null,
        exposed int not null default 0,
        stages jsonb not null default '{}',
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index trauma_incidents_force_idx on trauma_incidents (force_id, status, occurred_at desc);

      -- One row per person per incident: the repeat-exposure register and the ESTIP funnel.
      create table trauma_exposures (
        incident_id uuid not null,
        person_id text not null,
        force_id text not null,
        name text not null,
        department text not null,
        exposure_role text not null,
        incident_type text not null,
        severity_weight numeric not null,
        occurred_at timestamptz not null,
        removed boolean not null default false,
        demobilised boolean not null default false,
        defused boolean not null default false,
        estim boolean not null default false,
        trim_offered boolean not null default false,
        trim_activated boolean not null default false,
        oh_referred boolean not null default false,
        primary key (incident_id, person_id)
      );
      create index trauma_exposures_person_idx on trauma_exposures (force_id, person_id, occurred_at);

      create table trim_activations (
        activation_id uuid primary key,
        force_id text not null,
        person_id text not null,
        person_name text not null,
        department text not null,
        source text not null,
        incident_id uuid,
        status text not null,
        practitioner_id text,
        activated_at timestamptz not null,
        first_contact_at timestamptz,
        initial_total int,
        initial_at_or_above boolean,
        follow_up_total int,
        follow_up_at_or_above boolean,
        referral_requested boolean not null default false,
        referral_id uuid,
        outcome text,
        ended_at timestamptz,
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index trim_activations_force_idx on trim_activations (force_id, status, activated_at);
      create index trim_activations_incident_idx on trim_activations (incident_id, person_id);
    `,
  },
  {
    id: '0301_trauma_support_tasks',
    sql: `
      -- The exposure process manager's own memory: each person's exposures and tasks.
      create table exposure_process_exposures (
        exposure_id uuid primary key,
        force_id text not null,
        person_id text not null,
        person_name text not null,
        department text not null,
        incident_id uuid not null,
        incident_type text not null,
        severity_weight numeric not null,
        occurred_at timestamptz not null,
        removed boolean not null default false
      );
      create index exposure_process_exposures_person_idx on exposure_process_exposures (force_id, person_id);
      create table exposure_process_tasks (
        task_id uuid primary key,
        force_id text not null,
        person_id text not null,
        triggered_at timestamptz not null,
        open boolean not null
      );
      create index exposure_process_tasks_person_idx on exposure_process_tasks (force_id, person_id);

      -- The wellbeing coordinator's queue of proactive-support tasks.
      create table support_tasks (
        task_id uuid primary key,
        force_id text not null,
        person_id text not null,
        person_name text not null,
        department text not null,
        status text not null,
        coordinator_id text,
        raised_at timestamptz not null,
        exposures jsonb not null,
        summary jsonb not null,
        last_offer text,
        last_response text,
        outcome text,
        closed_at timestamptz,
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index support_tasks_force_idx on support_tasks (force_id, closed_at, overdue, raised_at);
    `,
  },
  {
    id: '0303_trauma_exposure_revision',
    sql: `
      -- The incident stream revision that last changed each exposure row, so a replayed
      -- ColleagueExposed cannot undo a later removal.
      alter table trauma_exposures add column revision bigint not null default -1;
    `,
  },
];
