import type { ExpectedRevision, StreamRevision } from './types';

/** The one concurrency error every adapter raises; the HTTP edge maps it to 409. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** undefined when the stream does not exist. */
    readonly actual: StreamRevision | undefined,
  ) {
    super(
      `Stream ${streamId}: expected revision ${String(expected)}, actual ${
        actual === undefined ? 'no stream' : String(actual)
      }`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

/** The store could not be reached; callers may retry (HTTP 503). */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

/** Some, not all, of a retried append's event ids are already stored: a caller bug. */
export class IdempotencyViolationError extends Error {
  readonly code = 'EVENT_STORE.IDEMPOTENCY_VIOLATION';
  constructor(readonly streamId: string, readonly eventIds: readonly string[]) {
    super(`Stream ${streamId}: event ids ${eventIds.join(', ')} were stored by a different append`);
    this.name = 'IdempotencyViolationError';
  }
}
