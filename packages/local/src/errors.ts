/** Stable error codes raised by `@chalice-ts/local`. Match on `code`, never on the message. */
export type LocalErrorCode =
  | 'CONFIG_INVALID'
  | 'BIND_FAILED'
  | 'PORT_IN_USE'
  | 'SERVER_FAILED'
  | 'COGNITO_KEYS'
  | 'SIGV4'
  | (string & {});

/**
 * The one error base class of `@chalice-ts/local`: every error it raises on purpose carries a
 * stable `code` and, when it wraps another failure, the original as `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await serve(app, { port: 8000 });
 * } catch (err) {
 *   if (err instanceof LocalError && err.code === 'PORT_IN_USE') console.error(err.message);
 * }
 * ```
 */
export class LocalError extends Error {
  /** Machine-readable, stable across releases. */
  readonly code: LocalErrorCode;

  constructor(code: LocalErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalError';
    this.code = code;
  }
}
