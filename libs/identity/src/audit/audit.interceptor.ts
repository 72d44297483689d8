import { HttpException, Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { DomainError } from '@casework/core/domain/domain-error';
import { ProblemException } from '@casework/core/http/problem';
import type { Actor, AuthenticatedRequest } from '../actor';
import type { AuditAction, AuditEntry, AuditTrail } from './audit-trail';

export const AUDIT_TRAIL = Symbol('AUDIT_TRAIL');

/** What is being touched, from the request: used by the interceptor and the guard's refusals. */
export function auditEntry(req: AuthenticatedRequest, actor: Actor, action: AuditAction, status: number): AuditEntry {
  const route = `${req.baseUrl ?? ''}${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
  const resource = route.split('/').find((s) => s.length > 0 && !s.startsWith(':')) ?? '';
  const body = req.body as { reason?: unknown } | undefined;
  const headerReason = req.header('x-casework-reason');
  const reason = headerReason ?? (body && typeof body === 'object' && typeof body.reason === 'string' ? body.reason : null);
  const id = (req.params as Record<string, string | undefined>)?.id ?? null;
  return {
    forceId: actor.forceId,
    userId: actor.userId,
    role: actor.role,
    action,
    method: req.method,
    route,
    path: req.path,
    resource,
    resourceId: id,
    status,
    reason,
    commandId: req.header('idempotency-key') ?? null,
    requestId: (req as { id?: unknown }).id !== undefined ? String((req as { id?: unknown }).id) : null,
  };
}

function readAction(req: AuthenticatedRequest): AuditAction {
  if (req.method !== 'GET' && req.method !== 'HEAD') return 'change';
  const format = (req.query as Record<string, unknown>)?.format;
  return format === 'csv' || (req.header('accept') ?? '').includes('text/csv') ? 'export' : 'read';
}

function statusOf(error: unknown): number {
  if (error instanceof ProblemException) return error.problem.status;
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof DomainError) return error.kind === 'not_found' ? 404 : error.kind === 'conflict' ? 409 : 422;
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : 500;
}

/**
 * Records every signed-in request (reads, exports, changes; successes and failures) in
 * the append-only audit trail, before the answer is sent: a read that cannot be recorded
 * is not answered. The caller's own `/me` is not a record access and is not recorded.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(@Inject(AUDIT_TRAIL) private readonly trail: AuditTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = req.actor;
    if (!actor || req.path === '/me') return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const action = readAction(req);
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    return next.handle().pipe(
      mergeMap((value) => {
        const status = res.statusCode !== 200 ? res.statusCode : (declared ?? (req.method === 'POST' ? 201 : 200));
        return from(this.trail.record(auditEntry(req, actor, action, status)).then(() => value));
      }),
      catchError((error: unknown) =>
        from(
          this.trail
            .record(auditEntry(req, actor, action, statusOf(error)))
            .catch((failure: unknown) => this.logger.error({ err: failure }, 'audit record of a failed request could not be written'))
            .then(() => {
              throw error;
            }),
        ),
      ),
    );
  }
}
