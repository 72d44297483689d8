import type { Migration } from '@casework/core/database/migrations';

export const referralMigrations: readonly Migration[] = [
  {
    id: '0200_referral_queue',
    sql: `
      create table referral_queue (
        referral_id uuid primary key,
        force_id text not null,
        status text not null,
        is_open boolean not null,
        subject_id text not null,
        subject_name text not null,
        employment_type text not null,
        department text not null,
        source text not null,
        category text not null,
        urgency text not null,
        priority text,
        advisor_id text,
        submitted_at timestamptz not null,
        deadlines jsonb not null default '{}',
        next_deadline_kind text,
        next_deadline_at timestamptz,
        overdue boolean not null default false,
        escalation_level int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index referral_queue_open_idx on referral_queue (force_id, is_open, urgency, next_deadline_at);
      create index referral_queue_advisor_idx on referral_queue (force_id, advisor_id) where is_open;
    `,
  },
];
