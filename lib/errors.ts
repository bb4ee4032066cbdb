/**
 * An expected failure that a person should see, named by a key in the `errors` message namespace
 * (e.g. 'outOfStock'), with values for its placeholders. Anything else that is thrown is a bug: it is
 * logged and the person sees the generic message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly values: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  | 'generic'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'outOfStock'
  | 'conflict'
  | 'tooManyAttempts'
  | 'tooManyRequests'
  | 'invalidState'
  | (string & {});
