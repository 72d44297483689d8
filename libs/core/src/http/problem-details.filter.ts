import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isConnectionError } from '../database/connection-errors';
import { DomainError } from '../domain/domain-error';
import { EventStoreUnavailableError, IdempotencyViolationError, WrongExpectedVersionError } from '../event-store/errors';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemType, type Problem } from './problem';
import { RequestValidationError } from './validation';

const DOMAIN_STATUS = { conflict: 409, invalid: 422, not_found: 404 } as const;

/**
 * Maps every failure to problem+json once, at the edge. Unknown errors become a bare 500:
 * no stack, SQL or message from inside reaches the client, only the log.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = { ...this.toProblem(exception), instance: request.originalUrl };
    if (problem.status >= 500) {
      this.logger.error({ err: exception, path: request.originalUrl }, problem.title);
    }
    if (problem.status === 503) response.setHeader('Retry-After', '2');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof RequestValidationError) {
      const first = exception.errors[0];
      return {
        type: problemType('REQUEST.INVALID'),
        title: 'The request has invalid fields',
        status: 400,
        code: 'REQUEST.INVALID',
        detail: exception.errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join('. '),
        field: first?.field,
        errors: exception.errors,
      };
    }
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.code),
        title: exception.message,
        status: DOMAIN_STATUS[exception.kind],
        code: exception.code,
        ...(exception.field ? { field: exception.field, errors: [{ field: exception.field, messages: [exception.message] }] } : {}),
      };
    }
    if (exception instanceof WrongExpectedVersionError) {
      return {
        type: problemType(exception.code),
        title: 'The case was changed by someone else; reload it and try again',
        status: 409,
        code: exception.code,
        detail: `Expected revision ${String(exception.expected)}, the case is at ${
          exception.actual === undefined ? 'no revision' : String(exception.actual)
        }`,
      };
    }
    if (exception instanceof IdempotencyViolationError) {
      return { type: problemType(exception.code), title: 'Idempotency-Key reused for a different command', status: 422, code: exception.code, field: 'Idempotency-Key' };
    }
    if (exception instanceof EventStoreUnavailableError || isConnectionError(exception)) {
      return {
        type: problemType('SERVICE.UNAVAILABLE'),
        title: 'The service is temporarily unavailable; retry shortly',
        status: 503,
        code: 'SERVICE.UNAVAILABLE',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const tooLarge = status === HttpStatus.PAYLOAD_TOO_LARGE;
      return {
        type: problemType(`HTTP.${status}`),
        title: tooLarge ? 'The request body is too large' : exception.message,
        status,
        ...(typeof detail === 'string' ? { detail } : Array.isArray(detail) ? { detail: detail.join('; ') } : {}),
      };
    }
    const status = (exception as { status?: unknown; type?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // body-parser errors (malformed JSON, too large) carry a status but are not HttpExceptions.
      return {
        type: problemType(`HTTP.${status}`),
        title: status === 413 ? 'The request body is too large' : 'The request body could not be read',
        status,
        code: status === 413 ? 'REQUEST.TOO_LARGE' : 'REQUEST.MALFORMED',
      };
    }
    return { type: problemType('INTERNAL'), title: 'Internal server error', status: 500, code: 'INTERNAL' };
  }
}
