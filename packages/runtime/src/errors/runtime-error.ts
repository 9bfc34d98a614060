import { ChaliceTsError } from '@chalice-ts/core';

/** Stable codes of the errors `@chalice-ts/runtime` raises for programming and configuration mistakes. */
export type RuntimeErrorCode =
  | 'INVALID_ROUTE'
  | 'DUPLICATE_ROUTE'
  | 'INVALID_ROUTE_OPTION'
  | 'INVALID_AUTHORIZER'
  | 'DUPLICATE_AUTHORIZER'
  | 'INVALID_AUTHORIZER_RESULT'
  | 'NO_CURRENT_REQUEST';

/**
 * The one error base class of `@chalice-ts/runtime` for mistakes in how the app is written (bad
 * route path, unknown option, ...). Raised at registration time, never while serving a request.
 *
 * @example
 * ```ts
 * try {
 *   app.route('/items/', () => ({}));
 * } catch (err) {
 *   if (err instanceof ChaliceRuntimeError && err.code === 'INVALID_ROUTE') console.error(err.message);
 * }
 * ```
 */
export class ChaliceRuntimeError extends ChaliceTsError {
  constructor(code: RuntimeErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ChaliceRuntimeError';
  }
}
