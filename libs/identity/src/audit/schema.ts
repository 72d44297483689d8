import type { Migration } from '@casework/core/database/migrations';

/**
 * The audit trail: one row per access to a case's data and per change, append-only.
 * Rows are inserted and never updated or deleted: a trigger refuses UPDATE, DELETE and
 * TRUNCATE for every role (the API has no route that would try), so a record can only be
 * removed by someone who can disable triggers — a database superuser, whose own actions
 * PostgreSQL logs. No personal data about the colleague: ids of cases and users only.
 */
export const auditMigrations: readonly Migration[] = [
  {
    id: '0600_identity_audit',
    sql: `
      create table audit_log (
        id bigint generated always as identity primary key,
        force_id text not null,
        at timestamptz not null default now(),
        user_id text not null,
        role text not null,
        action text not null check (action in ('read', 'export', 'change', 'denied')),
        method text not null,
        route text not null,
        path text not null,
        resource text not null,
        resource_id text,
        status integer not null,
        reason text,
        command_id text,
        request_id text
      );
      create index audit_log_force_at_idx on audit_log (force_id, at desc, id desc);
      create index audit_log_resource_idx on audit_log (force_id, resource_id, at desc) where resource_id is not null;
      create index audit_log_user_idx on audit_log (force_id, user_id, at desc);

      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % refused', tg_op using errcode = '42501';
      end $$;
      create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_append_only();
      create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only();
      comment on table audit_log is 'Append-only audit trail of reads and changes; never updated or deleted.';
    `,
  },
];
