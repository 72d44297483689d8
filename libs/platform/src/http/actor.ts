import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly forceId: string;
}

const ID = /^[A-Za-z0-9._@-]{1,100}$/;

/**
 * Who is calling. Until OIDC sign-in lands (the security issue), identity comes from
 * three development headers; the app refuses to start with NODE_ENV=production so these
 * headers can never be trusted in a real deployment.
 */
export function actorFromHeaders(req: Request): Actor {
  const userId = req.header('x-casework-user');
  const role = req.header('x-casework-role');
  const forceId = req.header('x-casework-force');
  const missing = [
    ['X-Casework-User', userId],
    ['X-Casework-Role', role],
    ['X-Casework-Force', forceId],
  ].filter(([, v]) => !v || !ID.test(v));
  if (missing.length > 0) {
    throw new UnauthorizedException(`Missing or malformed identity headers: ${missing.map(([h]) => h).join(', ')}`);
  }
  return { userId: userId as string, role: role as string, forceId: forceId as string };
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor =>
  actorFromHeaders(ctx.switchToHttp().getRequest<Request>()),
);
