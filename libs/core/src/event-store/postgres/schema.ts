import type { Migration } from '../../database/migrations';

/**
 * `transaction_id` (xid8) is what lets a catch-up reader never skip an event committed
 * late: readers only see rows whose writing transaction is older than every transaction
 * still running (`pg_snapshot_xmin`), and order by (transaction_id, position).
 * `es_streams` holds each stream's last revision so an append's concurrency check and
 * insert are one statement.
 */
export const eventStoreMigrations: readonly Migration[] = [
  {
    id: '0001_core_event_store',
    sql: `
      create table es_streams (
        stream_id text primary key,
        category text not null,
        revision bigint not null
      );
      create table es_events (
        position bigserial primary key,
        transaction_id xid8 not null default pg_current_xact_id(),
        id uuid not null unique,
        stream_id text not null,
        category text not null,
        revision bigint not null,
        type text not null,
        data jsonb not null,
        metadata jsonb not null,
        recorded_at timestamptz not null default now(),
        unique (stream_id, revision)
      );
      create index es_events_all_idx on es_events (transaction_id, position);
      create index es_events_category_idx on es_events (category, transaction_id, position);
    `,
  },
  {
    id: '0002_core_projection_checkpoints',
    sql: `
      create table projection_checkpoints (
        name text primary key,
        commit_position bigint,
        prepare_position bigint,
        events_processed bigint not null default 0,
        status text not null default 'running',
        error text,
        error_position text,
        updated_at timestamptz not null default now()
      );
    `,
  },
];
