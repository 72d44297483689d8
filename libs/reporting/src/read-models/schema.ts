import type { Migration } from '@casework/core/database/migrations';
import { BI_VIEWS } from '../bi/bi-schema';

function biReferralsQuery(): string {
  const view = BI_VIEWS.find((v) => v.name === 'referrals');
  if (!view) throw new Error('bi.referrals is not defined');
  return view.query;
}

/**
 * Reporting read models: one row of facts per case, in business time (`occurredAt`), so
 * back-dated imports land in the right period. No names, no free text, no clinical data:
 * these tables (and the `bi` views over them) are what HR analysts and BI tools may read.
 */
export const reportingMigrations: readonly Migration[] = [
  {
    id: '0500_reporting_referrals',
    sql: `
      create table report_referrals (
        referral_id uuid primary key,
        force_id text not null,
        submitted_at timestamptz not null,
        employment_type text not null,
        department text not null,
        source text not null,
        category text not null,
        urgency text not null,
        status text not null,
        is_open boolean not null,
        triaged_at timestamptz,
        first_appointment_offered_at timestamptz,
        outcome_recorded_at timestamptz,
        closed_at timestamptz,
        close_reason text,
        deadlines_due int not null default 0,
        deadlines_met_on_time int not null default 0,
        deadlines_late int not null default 0,
        updated_at timestamptz not null,
        revision bigint not null
      );
      create index report_referrals_force_idx on report_referrals (force_id, submitted_at);
    `,
  },
  {
    // Which of a referral's deadlines have already been counted as late, so a deadline that
    // went overdue and was later met (late) or waived counts once, as late.
    id: '0501_reporting_referral_late_deadlines',
    sql: `
      alter table report_referrals add column late_deadline_ids jsonb not null default '[]'::jsonb;
    `,
  },
  {
    id: '0502_reporting_referrals_versioned',
    sql: `
      -- report_referrals becomes a versioned read model: the table is version 1, readers
      -- query a view over the live version (see VersionedReadModel).
      alter table report_referrals rename to report_referrals_v1;
      alter index report_referrals_force_idx rename to report_referrals_v1_force_idx;
      create view report_referrals as select * from report_referrals_v1;
      insert into read_model_versions (name, live_version, live_table)
        values ('report_referrals', 1, 'report_referrals_v1') on conflict (name) do nothing;
      -- Where the BI views already exist they followed the table's rename: point them at the view.
      do $$
      begin
        if to_regclass('bi.referrals') is not null then
          execute $bi$ create or replace view bi.referrals as ${biReferralsQuery()} $bi$;
        end if;
      end $$;
    `,
  },
];
