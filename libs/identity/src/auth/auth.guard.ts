import { Inject, Injectable, Logger, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ProblemException, problemType } from '@casework/core/http/problem';
import type { AuthenticatedRequest } from '../actor';
import { hasPermission, rolesFor, type Permission } from '../permissions';
import { resolvePermission } from '../permit.decorator';
import { TokenRejected, type TokenVerifier } from './token-verifier';
import type { AuditTrail } from '../audit/audit-trail';
import { AUDIT_TRAIL, auditEntry } from '../audit/audit.interceptor';
import { STAFF_DIRECTORY } from '../directory/directory.controller';
import type { StaffDirectory } from '../directory/staff-directory';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/**
 * Runs before every route, ahead of pipes and handlers: a route is public, or it needs a
 * valid bearer token AND the one permission the route declares. A route that declares
 * neither is refused (fail closed), so a new endpoint cannot ship open by accident.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() @Inject(AUDIT_TRAIL) private readonly audit?: AuditTrail,
    @Optional() @Inject(STAFF_DIRECTORY) private readonly directory?: StaffDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const resolved = resolvePermission(this.reflector, context.getHandler(), context.getClass());
    if (resolved === 'public') return true;
    const permission: Permission | undefined = resolved;

    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const res = http.getResponse<Response>();
    const header = req.header('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="casework"');
      throw unauthorised('token_missing', header ? 'The Authorization header must be "Bearer <token>"' : 'Sign in: send Authorization: Bearer <access token>');
    }
    const requestedRole = req.header('x-casework-role') || undefined;
    try {
      req.actor = await this.verifier.verify(match[1], requestedRole);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      if (error.code === 'issuer_unreachable') {
        this.logger.error({ err: error }, 'identity provider keys unavailable');
        throw new ProblemException({ type: problemType('AUTH.ISSUER_UNAVAILABLE'), title: error.message, status: 503, code: 'AUTH.ISSUER_UNAVAILABLE' });
      }
      res.setHeader('WWW-Authenticate', `Bearer realm="casework", error="invalid_token", error_description="${error.message.replace(/["\\]/g, '')}"`);
      throw unauthorised(error.code, error.message);
    }
    // Who signs in, in which role, feeds the staff directory (allocation pickers).
    await this.directory?.seen(req.actor).catch((error: unknown) => this.logger.warn({ err: error }, 'staff directory not updated'));
    if (!permission) {
      this.logger.error({ path: req.route?.path, method: req.method }, 'route declares no permission; refused');
      throw forbidden('This route declares no permission, so it is closed to everyone', undefined);
    }
    if (!hasPermission(req.actor.role, permission)) {
      // A refusal is recorded too: someone tried to reach what their role may not.
      await this.audit?.record(auditEntry(req, req.actor, 'denied', 403));
      throw forbidden(`The role ${req.actor.role} may not do this (needs ${permission}: ${rolesFor(permission).join(', ')})`, permission);
    }
    return true;
  }
}

function unauthorised(code: string, detail: string): ProblemException {
  return new ProblemException({
    type: problemType(`AUTH.${code.toUpperCase()}`),
    title: 'Sign-in required',
    status: 401,
    code: `AUTH.${code.toUpperCase()}`,
    detail,
  });
}

function forbidden(detail: string, permission: Permission | undefined): ProblemException {
  return new ProblemException({
    type: problemType('AUTH.FORBIDDEN'),
    title: 'Your role may not do this',
    status: 403,
    code: 'AUTH.FORBIDDEN',
    detail,
    ...(permission ? { permission } : {}),
  });
}
