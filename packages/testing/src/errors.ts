/** Stable error codes raised by `@chalice-ts/testing`. Match on `code`, never on the message. */
export type TestingErrorCode =
  | 'CONFIG_INVALID'
  | 'UNKNOWN_AUTHORIZER'
  | 'WRONG_AUTHORIZER_KIND'
  | 'NO_LOCAL_HANDLER'
  | 'NO_SIGNING_KEY'
  | 'NOT_JSON'
  | 'INVALID_ARGUMENT'
  | (string & {});

/**
 * The one error base class of `@chalice-ts/testing`: every error it raises on purpose carries a
 * stable `code` and, when it wraps another failure, the original as `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await TestClient.create(app, { config: { version: 1, app_name: 'x', autorizers: {} } });
 * } catch (err) {
 *   if (err instanceof TestingError && err.code === 'CONFIG_INVALID') console.error(err.message);
 * }
 * ```
 */
export class TestingError extends Error {
  /** Machine-readable, stable across releases. */
  readonly code: TestingErrorCode;

  constructor(code: TestingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TestingError';
    this.code = code;
  }
}
