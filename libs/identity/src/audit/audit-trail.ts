import type { Pool } from 'pg';
import { Where } from '@casework/core/database/where';

export type AuditAction = 'read' | 'export' | 'change' | 'denied';

/** One access or change, as recorded. No colleague's personal data: case and user ids only. */
export interface AuditEntry {
  readonly forceId: string;
  readonly userId: string;
  readonly role: string;
  readonly action: AuditAction;
  readonly method: string;
  /** The route pattern, e.g. `/referrals/:id/triage`. */
  readonly route: string;
  /** The path asked for (query string left out: it may carry search terms). */
  readonly path: string;
  /** The kind of record (the route's first segment), e.g. `referrals`. */
  readonly resource: string;
  readonly resourceId: string | null;
  readonly status: number;
  /** Why, where the caller said (X-Casework-Reason, or a command's own reason). */
  readonly reason: string | null;
  readonly commandId: string | null;
  readonly requestId: string | null;
}

export interface AuditRecord extends AuditEntry {
  readonly id: string;
  readonly at: string;
}

export interface AuditQuery {
  readonly from?: string;
  readonly to?: string;
  readonly userId?: string;
  readonly resourceId?: string;
  readonly resource?: string;
  readonly action?: AuditAction;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditPage {
  readonly items: AuditRecord[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/**
 * The append-only audit trail (table audit_log, whose triggers refuse any update, delete
 * or truncate). Writes happen before the answer leaves, so no read of a case goes
 * unrecorded: if the trail cannot be written, the request fails.
 */
export class AuditTrail {
  constructor(private readonly pool: Pool) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      `insert into audit_log (force_id, user_id, role, action, method, route, path, resource, resource_id, status, reason, command_id, request_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        entry.forceId,
        entry.userId,
        entry.role,
        entry.action,
        entry.method,
        entry.route.slice(0, 300),
        entry.path.slice(0, 1000),
        entry.resource.slice(0, 100),
        entry.resourceId?.slice(0, 200) ?? null,
        entry.status,
        entry.reason?.slice(0, 500) ?? null,
        entry.commandId?.slice(0, 200) ?? null,
        entry.requestId?.slice(0, 100) ?? null,
      ],
    );
  }

  /** A force's trail, newest first, filtered. */
  async query(forceId: string, q: AuditQuery): Promise<AuditPage> {
    const where = new Where().add('force_id = ?', forceId);
    if (q.from) where.add('at >= ?::timestamptz', q.from);
    if (q.to) where.add('at < ?::timestamptz', q.to);
    if (q.userId) where.add('user_id = ?', q.userId);
    if (q.resourceId) where.add('resource_id = ?', q.resourceId);
    if (q.resource) where.add('resource = ?', q.resource);
    if (q.action) where.add('action = ?', q.action);
    const [{ rows }, count] = await Promise.all([
      this.pool.query<Record<string, unknown>>(
        `select id::text, at, user_id, role, action, method, route, path, resource, resource_id, status, reason, command_id, request_id, force_id
           from audit_log ${where.sql()}
          order by at desc, id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
        where.params,
      ),
      this.pool.query<{ n: string }>(`select count(*)::text as n from audit_log ${where.sql()}`, where.params),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        at: (r.at as Date).toISOString(),
        forceId: r.force_id as string,
        userId: r.user_id as string,
        role: r.role as string,
        action: r.action as AuditAction,
        method: r.method as string,
        route: r.route as string,
        path: r.path as string,
        resource: r.resource as string,
        resourceId: (r.resource_id as string | null) ?? null,
        status: r.status as number,
        reason: (r.reason as string | null) ?? null,
        commandId: (r.command_id as string | null) ?? null,
        requestId: (r.request_id as string | null) ?? null,
      })),
      page: q.page,
      pageSize: q.pageSize,
      total: Number(count.rows[0]?.n ?? 0),
    };
  }
}
