import type { Migration } from '@casework/core/database/migrations';

/** Staff who have signed in, by force and role (a cache of what their tokens said). */
export const directoryMigrations: readonly Migration[] = [
  {
    id: '0601_identity_staff_directory',
    sql: `
      create table staff_directory (
        force_id text not null,
        user_id text not null,
        role text not null,
        name text,
        last_seen_at timestamptz not null,
        primary key (force_id, user_id, role)
      );
      create index staff_directory_role_idx on staff_directory (force_id, role, name);
    `,
  },
];
