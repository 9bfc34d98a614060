/** Stable error codes raised by `@chalice-ts/core`. Match on `code`, never on the message. */
export type CoreErrorCode =
  | 'INVALID_METHOD_ARN'
  | 'INVALID_AUTH_CONTEXT'
  | 'INVALID_AUTH_RESPONSE'
  | 'INVALID_IDENTITY_SOURCE'
  | 'SCOPES_NOT_SUPPORTED'
  | (string & {});

/**
 * The one error base class of `@chalice-ts/core`: every error it raises on purpose carries a stable
 * `code` and, when it wraps another failure, the original as `cause`.
 *
 * @example
 * ```ts
 * try {
 *   parseMethodArn('not-an-arn');
 * } catch (err) {
 *   if (err instanceof ChaliceTsError && err.code === 'INVALID_METHOD_ARN') console.error(err.message);
 * }
 * ```
 */
export class ChaliceTsError extends Error {
  /** Machine-readable, stable across releases. */
  declare readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChaliceTsError';
    this.code = code;
  }
}
