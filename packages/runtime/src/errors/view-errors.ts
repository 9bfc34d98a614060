/** Marks view errors so that copies of this module loaded twice (src + dist) still recognise them. */
const VIEW_ERROR = Symbol.for('chalice-ts.view-error');

/**
 * Base class of the errors a route handler (or a built-in authorizer) throws to answer with a
 * given status. The response body is `{ "Code": code, "Message": message }`, as in Chalice.
 *
 * @example
 * ```ts
 * app.route('/items/{id}', (request) => {
 *   throw new NotFoundError(`no item ${request.params.id}`);
 * });
 * ```
 */
export class ChaliceViewError extends Error {
  /** HTTP status of the rendered response. */
  readonly statusCode: number = 500;
  /** The `Code` of the rendered body. A string, not the class name: bundlers minify class names. */
  readonly code: string = 'ChaliceViewError';
  declare readonly [VIEW_ERROR]: true;

  constructor(message = '', options?: { cause?: unknown }) {
    super(message, options);
    // Set here, not as a computed class field: bundlers keep a class with computed keys even when
    // nothing uses it.
    (this as { [VIEW_ERROR]: true })[VIEW_ERROR] = true;
    this.name = this.code;
  }
}

/** True for any `ChaliceViewError`, including one from another copy of this package. */
export function isViewError(value: unknown): value is ChaliceViewError {
  return (
    typeof value === 'object' && value !== null && (value as { [VIEW_ERROR]?: unknown })[VIEW_ERROR] === true
  );
}

/** True when `value` is an `UnauthorizedError`, the signal for API Gateway's 401. */
export function isUnauthorizedError(value: unknown): boolean {
  return isViewError(value) && value.code === 'UnauthorizedError';
}

// Annotated calls in `extends` let bundlers drop the classes an app never uses.
function viewError(code: string, statusCode: number) {
  return class extends ChaliceViewError {
    override readonly statusCode = statusCode;
    override readonly code = code;
    constructor(message = '', options?: { cause?: unknown }) {
      super(message, options);
      this.name = code;
    }
  };
}

/** 400 `BadRequestError`. */
export class BadRequestError extends /* @__PURE__ */ viewError('BadRequestError', 400) {}
/** 401 `UnauthorizedError`; thrown from a built-in authorizer it means API Gateway's 401. */
export class UnauthorizedError extends /* @__PURE__ */ viewError('UnauthorizedError', 401) {}
/** 403 `ForbiddenError`. */
export class ForbiddenError extends /* @__PURE__ */ viewError('ForbiddenError', 403) {}
/** 404 `NotFoundError`. */
export class NotFoundError extends /* @__PURE__ */ viewError('NotFoundError', 404) {}
/** 405 `MethodNotAllowedError`. */
export class MethodNotAllowedError extends /* @__PURE__ */ viewError('MethodNotAllowedError', 405) {}
/** 408 `RequestTimeoutError`. */
export class RequestTimeoutError extends /* @__PURE__ */ viewError('RequestTimeoutError', 408) {}
/** 409 `ConflictError`. */
export class ConflictError extends /* @__PURE__ */ viewError('ConflictError', 409) {}
/** 413 `RequestEntityTooLargeError`. */
export class RequestEntityTooLargeError extends /* @__PURE__ */ viewError(
  'RequestEntityTooLargeError',
  413,
) {}
/** 415 `UnsupportedMediaType`. */
export class UnsupportedMediaTypeError extends /* @__PURE__ */ viewError('UnsupportedMediaType', 415) {}
/** 422 `UnprocessableEntityError`. */
export class UnprocessableEntityError extends /* @__PURE__ */ viewError('UnprocessableEntityError', 422) {}
/** 429 `TooManyRequestsError`. */
export class TooManyRequestsError extends /* @__PURE__ */ viewError('TooManyRequestsError', 429) {}
