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
  {
    // A line manager's team view: who manages the colleague and who referred them (staff
    // user ids, kept in clear in the events), and when the current outcome report was
    // released to management. Rows already projected are filled from the PostgreSQL event
    // store here; with another store, rebuild: npm run projections:rebuild -- referral_queue_v1.
    id: '0202_referral_queue_manager',
    sql: `
      alter table referral_queue
        add column line_manager_id text,
        add column referred_by text,
        add column report_released_at timestamptz;
      update referral_queue q
         set line_manager_id = e.data->>'lineManagerId', referred_by = e.data->>'referredBy'
        from es_events e
       where e.stream_id = 'referral-' || q.referral_id and e.type = 'ReferralSubmitted';
      -- Released when the latest of the outcome and the release events is the release.
      update referral_queue q
         set report_released_at = (latest.data->>'releasedAt')::timestamptz
        from (
          select distinct on (stream_id) stream_id, type, data
            from es_events
           where category = 'referral' and type in ('ReferralOutcomeRecorded', 'ReferralReportReleased')
           order by stream_id, revision desc
        ) latest
       where latest.stream_id = 'referral-' || q.referral_id and latest.type = 'ReferralReportReleased';
      create index referral_queue_line_manager_idx on referral_queue (force_id, line_manager_id);
      create index referral_queue_referred_by_idx on referral_queue (force_id, referred_by);
    `,
  },
];
