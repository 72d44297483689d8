import { createParamDecorator, InternalServerErrorException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling, from a verified access token (see auth/auth.guard.ts). */
export interface Actor {
  /** The token's subject (`sub`): the user's stable id at the identity provider. */
  readonly userId: string;
  /** The role this request acts in (one of `roles`). */
  readonly role: string;
  /** Every Casework role the token grants. */
  readonly roles?: readonly string[];
  /** The caller's force; every query is scoped to it. */
  readonly forceId: string;
  /** The caller's own staff/person id when the token carries one: staff never read their own case. */
  readonly personId?: string | null;
  /** Display name, for the web app only (never stored in events). */
  readonly name?: string | null;
}

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/** The verified caller; the global guard has put it on the request before any handler runs. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) {
    // Only a @Public() route could get here without an actor: a programming error.
    throw new InternalServerErrorException('This route reads the caller but is marked public');
  }
  return actor;
});
