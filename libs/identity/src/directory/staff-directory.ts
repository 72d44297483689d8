import type { Pool } from 'pg';
import { Where } from '@casework/core/database/where';
import type { Actor } from '../actor';

export interface StaffMember {
  readonly userId: string;
  readonly name: string | null;
  readonly role: string;
  readonly lastSeenAt: string;
}

export interface StaffPage {
  readonly items: StaffMember[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/** How long a sign-in is remembered before the directory is written again for that user and role. */
const REFRESH_MS = 10 * 60_000;

/**
 * Who works in the force, in which role: everyone who has signed in (user id, display
 * name and role from their token), so forms can offer "allocate to" pickers of real
 * people instead of typed ids. The identity provider stays the source of truth; this is a
 * cache of what its tokens said. Colleagues who are only ever the subject of a case are
 * never in it (they do not sign in as staff).
 */
export class StaffDirectory {
  private readonly recent = new Map<string, number>();

  constructor(private readonly pool: Pool) {}

  /** Records a signed-in caller (at most once per user and role every ten minutes per process). */
  async seen(actor: Actor, now = Date.now()): Promise<void> {
    const key = `${actor.forceId}\u0000${actor.userId}\u0000${actor.role}`;
    const last = this.recent.get(key);
    if (last !== undefined && now - last < REFRESH_MS) return;
    this.recent.set(key, now);
    if (this.recent.size > 50_000) this.recent.clear();
    await this.pool.query(
      `insert into staff_directory (force_id, user_id, role, name, last_seen_at) values ($1, $2, $3, $4, $5)
       on conflict (force_id, user_id, role) do update set name = coalesce(excluded.name, staff_directory.name), last_seen_at = excluded.last_seen_at`,
      [actor.forceId, actor.userId, actor.role, actor.name ?? null, new Date(now)],
    );
  }

  async list(forceId: string, q: { role?: string; search?: string; page: number; pageSize: number }): Promise<StaffPage> {
    const where = new Where().add('force_id = ?', forceId);
    if (q.role) where.add('role = ?', q.role);
    if (q.search) where.add('(name ilike ? or user_id ilike ?)', `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const [{ rows }, count] = await Promise.all([
      this.pool.query<{ user_id: string; name: string | null; role: string; last_seen_at: Date }>(
        `select user_id, name, role, last_seen_at from staff_directory ${where.sql()}
          order by coalesce(name, user_id), user_id, role limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        where.params,
      ),
      this.pool.query<{ n: string }>(`select count(*)::text as n from staff_directory ${where.sql()}`, where.params),
    ]);
    return {
      items: rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role, lastSeenAt: r.last_seen_at.toISOString() })),
      page: q.page,
      pageSize: q.pageSize,
      total: Number(count.rows[0]?.n ?? 0),
    };
  }
}
