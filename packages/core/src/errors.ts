/** Stable error codes raised by `@chalice-ts/core`. Match on `code`, never on the message. */
export type CoreErrorCode =
  | 'INVALID_METHOD_ARN'
  | 'INVALID_AUTH_CONTEXT'
  | 'INVALID_AUTH_RESPONSE'
  | 'INVALID_IDENTITY_SOURCE'
  | 'SCOPES_NOT_SUPPORTED'
  | 'PACKAGE_TIME_ONLY'
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

/**
 * Thrown by package-time-only methods (`toSwagger`) inside a production Lambda bundle, where they are
 * compiled out: API Gateway definitions are built by `chalice-ts package`/`deploy`, never in Lambda
 * (docs/decisions/0002-production-bundles.md).
 */
export function packageTimeOnly(what: string): ChaliceTsError {
  return new ChaliceTsError('PACKAGE_TIME_ONLY', `${what} is not in production bundles`);
}
