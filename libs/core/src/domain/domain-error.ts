/**
 * The one failure convention of the domain: a typed error with a stable code such as
 * `REFERRAL.NOT_TRIAGED`. The HTTP edge maps `kind` to a status once, for everything.
 *
 * - `conflict`: the command does not fit the case's current state (409)
 * - `invalid`: the command is well-formed but breaks a business rule (422)
 * - `not_found`: the case does not exist (404)
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'not_found';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    /** The command field the error is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
