import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@casework/core/domain/domain-error';
import { isUuid, newId } from '@casework/core/ids';

export interface CommandHeaders {
  /** The Idempotency-Key, or a fresh id when the client sent none. */
  readonly commandId: string;
  readonly idempotent: boolean;
  readonly correlationId: string;
  /** From If-Match: the revision the client's view was based on. */
  readonly expectedRevision?: bigint;
}

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

export function revisionEtag(revision: bigint): string {
  return `"${revision.toString()}"`;
}

export function parseIfMatch(value: string | undefined): bigint | undefined {
  if (value === undefined || value === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,18})"$/.exec(value.trim());
  if (!match) {
    throw new DomainError('REQUEST.BAD_IF_MATCH', 'If-Match must be an ETag from this API, e.g. "3"', 'invalid', 'If-Match');
  }
  return BigInt(match[1] as string);
}

export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandHeaders => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const key = req.header('idempotency-key');
  if (key !== undefined && !KEY.test(key)) {
    throw new DomainError(
      'REQUEST.BAD_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 8–200 characters of letters, digits, ".", "_", ":" or "-"',
      'invalid',
      'Idempotency-Key',
    );
  }
  const correlation = req.header('x-correlation-id');
  return {
    commandId: key ?? newId(),
    idempotent: key !== undefined,
    correlationId: correlation && isUuid(correlation) ? correlation : newId(),
    expectedRevision: parseIfMatch(req.header('if-match')),
  };
});
