import type { Migration } from '@casework/core/database/migrations';

/**
 * Personal-data keys and the erasure ledger. Neither holds a raw person id: keys are filed
 * under an HMAC pseudonym (`person_hash`, or `stream:<streamId>` for a record's own key),
 * and an erasure records the streams and keys it destroyed, who asked and why.
 * `is_subject` marks the key of the person a whole stream is about (see personal-fields.ts).
 */
export const personalDataMigrations: readonly Migration[] = [
  {
    id: '0610_identity_personal_data',
    sql: `
      create table personal_data_keys (
        key_id uuid primary key,
        force_id text not null,
        person_hash text not null,
        stream_id text not null,
        is_subject boolean not null default false,
        wrapped_key bytea not null,
        created_at timestamptz not null default now(),
        unique (force_id, person_hash, stream_id)
      );
      create index personal_data_keys_stream_idx on personal_data_keys (stream_id);
      create unique index personal_data_keys_subject_idx on personal_data_keys (stream_id) where is_subject;

      create table erasures (
        id uuid primary key,
        force_id text not null,
        kind text not null check (kind in ('person', 'retention')),
        stream_ids text[] not null,
        key_ids uuid[] not null,
        requested_by text not null,
        reason text not null,
        erased_at timestamptz not null default now()
      );
      create index erasures_force_idx on erasures (force_id, erased_at desc);
    `,
  },
];
