const RESPONSE = Symbol.for('chalice-ts.response');

/** True for a `Response`, including one from another copy of this package. */
export function isResponse(value: unknown): value is Response {
  return (
    typeof value === 'object' && value !== null && (value as { [RESPONSE]?: unknown })[RESPONSE] === true
  );
}

/** Header values of a `Response`: a list renders as API Gateway `multiValueHeaders`. */
export type ResponseHeaders = Record<string, string | readonly string[]>;

/** Options of `new Response(...)`. */
export interface ResponseInit {
  /** A string is sent as is, a `Uint8Array` base64-encoded, anything else as JSON. */
  body?: unknown;
  statusCode?: number;
  headers?: ResponseHeaders;
}

/**
 * A full HTTP response from a route handler, when a plain value (200 JSON) is not enough.
 *
 * @example
 * ```ts
 * app.route('/logo', () =>
 *   new Response({ body: pngBytes, headers: { 'Content-Type': 'image/png' } }));
 * app.route('/items', { methods: ['POST'] }, () =>
 *   new Response({ statusCode: 201, body: { created: true }, headers: { Location: '/items/1' } }));
 * ```
 */
export class Response {
  declare readonly [RESPONSE]: true;
  declare readonly body: unknown;
  declare readonly statusCode: number;
  declare readonly headers: ResponseHeaders;

  constructor(init: ResponseInit = {}) {
    // Set here, not as a computed class field: bundlers keep a class with computed keys even when
    // nothing uses it.
    (this as { [RESPONSE]: true })[RESPONSE] = true;
    this.body = init.body;
    this.statusCode = init.statusCode ?? 200;
    this.headers = { ...init.headers };
  }
}

/** Content types API Gateway is told to treat as binary (Chalice's defaults). */
export const DEFAULT_BINARY_TYPES: readonly string[] = [
  'application/octet-stream',
  'application/x-tar',
  'application/zip',
  'audio/basic',
  'audio/ogg',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
  'audio/webm',
  'image/png',
  'image/jpg',
  'image/jpeg',
  'image/gif',
  'video/ogg',
  'video/mpeg',
  'video/webm',
];
