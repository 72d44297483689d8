import type { Migration } from '@casework/core/database/migrations';

/** Every open deadline of every workflow: what the timers are derived from. */
export const timerMigrations: readonly Migration[] = [
  {
    id: '0100_timers_deadlines',
    sql: `
      create table timer_deadlines (
        deadline_id text primary key,
        stream_id text not null,
        category text not null,
        force_id text not null,
        kind text not null,
        due_at timestamptz not null,
        owner_id text,
        level int not null default 0,
        ladder jsonb not null,
        next_level int,
        next_fire_at timestamptz,
        scheduled_at timestamptz not null
      );
      create index timer_deadlines_next_idx on timer_deadlines (next_fire_at) where next_fire_at is not null;
      create index timer_deadlines_stream_idx on timer_deadlines (stream_id, kind);
    `,
  },
];
