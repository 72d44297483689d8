import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem';

/** A request body or query failed validation; carries every field's messages. */
export class RequestValidationError extends BadRequestException {
  constructor(readonly errors: readonly FieldProblem[]) {
    super('The request has invalid fields');
  }
}

export function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of keys that would reach an object's prototype, at any depth of a parsed body. */
export function prototypeKeys(value: unknown, prefix = '', depth = 0): string[] {
  if (value === null || typeof value !== 'object' || depth > 32) return [];
  return Object.keys(value).flatMap((key) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const own = PROTOTYPE_KEYS.has(key) ? [path] : [];
    return [...own, ...prototypeKeys((value as Record<string, unknown>)[key], path, depth + 1)];
  });
}

/**
 * Whitelist, forbid unknown fields, transform to DTO classes: at every boundary. Keys
 * naming a prototype (`__proto__`, `constructor`, `prototype`) are refused first: the
 * transformer would assign them as they come and the whitelist would never see them.
 */
class BoundaryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: Parameters<ValidationPipe['transform']>[1]): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const bad = prototypeKeys(value);
      if (bad.length > 0) {
        throw new RequestValidationError(bad.map((field) => ({ field, messages: [`property ${field} should not exist`] })));
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BoundaryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
