import type { Pool } from 'pg';

/**
 * What a refused request must not change: the event store (count and highest position) and
 * every read model. Bookkeeping that legitimately moves on every request or poll
 * (checkpoints, sign-in statistics, the audit trail, migrations) is left out.
 */
export interface StoreSnapshot {
  readonly events: string;
  readonly maxPosition: string | null;
  readonly readModels: Readonly<Record<string, string>>;
}

// Also the staff directory: who signed in (each endpoint's own test user), not case data.
const VOLATILE = /^(schema_migrations|projection_checkpoints|es_events|es_streams|staff_directory)$|audit|login|session|idempot/;

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** One statement that snapshots everything, built once from the tables the migrations made. */
export async function storeSnapshotter(pool: Pool): Promise<() => Promise<StoreSnapshot>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const sums = tables
    .filter((t) => !VOLATILE.test(t.name))
    .map(
      (t) =>
        `select '${t.name.replace(/'/g, "''")}' as name, count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' order by r::text)), '') as sum from ${quoteIdent(t.name)} r`,
    );
  const sql = `select (select count(*)::text from es_events) as events, (select max(position)::text from es_events) as max,
    (select json_object_agg(name, sum) from (${sums.join(' union all ')}) s) as read_models`;
  return async () => {
    const { rows } = await pool.query<{ events: string; max: string | null; read_models: Record<string, string> }>(sql);
    const row = rows[0];
    return { events: row?.events ?? '0', maxPosition: row?.max ?? null, readModels: row?.read_models ?? {} };
  };
}

/** Waits until two snapshots a little apart agree: set-up's projections and process managers are done. */
export async function settled(snapshot: () => Promise<StoreSnapshot>, timeoutMs = 15_000): Promise<StoreSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last = await snapshot();
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const next = await snapshot();
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    if (Date.now() > deadline) throw new Error('the store kept changing after set-up');
    last = next;
  }
}

/** What differs between two snapshots, readably (empty when nothing does). */
export function changes(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const out: string[] = [];
  if (before.events !== after.events || before.maxPosition !== after.maxPosition) {
    out.push(`events ${before.events} (max ${String(before.maxPosition)}) -> ${after.events} (max ${String(after.maxPosition)})`);
  }
  for (const name of new Set([...Object.keys(before.readModels), ...Object.keys(after.readModels)])) {
    if (before.readModels[name] !== after.readModels[name]) out.push(`read model ${name} changed`);
  }
  return out;
}
