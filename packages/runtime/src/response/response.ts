import { matchesContentType } from '../app/route-entry.js';
import type { ApiGatewayProxyResult } from '../lambda/events.js';
import { errorResult, jsonText } from './results.js';

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
 * // Clients must send `Accept: image/png` (else 400, as in Chalice; API Gateway sends binary only then).
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

  /**
   * This response as an API Gateway proxy result; `extraHeaders` (e.g. CORS) are added when it does
   * not set them itself. A method, so that an app that never builds a `Response` ships no renderer.
   *
   * Given the request's `Accept` header (`null` when it sent none), a binary Content-Type the request
   * does not accept answers 400 `BadRequest` instead, as Chalice does: API Gateway would otherwise
   * send the base64 text to that client.
   */
  toProxyResult(extraHeaders?: Record<string, string>, accept?: string | null): ApiGatewayProxyResult {
    const result = toProxyResult(this, extraHeaders);
    if (accept === undefined) return result;
    const type = headerValue(result, 'content-type') ?? 'application/json';
    if (
      !matchesContentType(type, DEFAULT_BINARY_TYPES) ||
      (accept !== null && matchesContentType(accept, DEFAULT_BINARY_TYPES))
    ) {
      return result;
    }
    return errorResult(
      400,
      'BadRequest',
      `Request did not specify an Accept header with ${type}, The response has a Content-Type of ${type}. ` +
        'If a response has a binary Content-Type then the request must specify an Accept header that matches.',
      extraHeaders,
    );
  }
}

// The key of header `lower` in `headers`, whatever its case.
function headerKey(headers: object | undefined, lower: string): string | undefined {
  for (const key in headers) if (key.toLowerCase() === lower) return key;
  return undefined;
}

function headerValue(result: ApiGatewayProxyResult, lower: string): string | undefined {
  const single = headerKey(result.headers, lower);
  if (single !== undefined) return result.headers![single];
  const multi = headerKey(result.multiValueHeaders, lower);
  return multi === undefined ? undefined : result.multiValueHeaders![multi]![0];
}

/**
 * Renders a `Response` as an API Gateway proxy result; `extraHeaders` (e.g. CORS) are added when
 * the response does not set them itself.
 */
export function toProxyResult(
  response: Response,
  extraHeaders?: Record<string, string>,
): ApiGatewayProxyResult {
  const source: ResponseHeaders = { ...response.headers };
  if (extraHeaders)
    for (const name in extraHeaders)
      if (headerKey(source, name.toLowerCase()) === undefined) source[name] = extraHeaders[name]!;
  const { body } = response;
  const base64 = body instanceof Uint8Array;
  const text =
    typeof body === 'string'
      ? body
      : base64
        ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64')
        : body === undefined
          ? ''
          : jsonText(body, 'The Response body');
  if (headerKey(source, 'content-type') === undefined) {
    source['Content-Type'] =
      typeof body === 'string'
        ? 'text/plain; charset=utf-8'
        : base64
          ? 'application/octet-stream'
          : 'application/json';
  }
  const headers: Record<string, string> = {};
  let multi: Record<string, string[]> | undefined;
  for (const name in source) {
    const value = source[name]!;
    if (typeof value === 'string') headers[name] = value;
    else {
      multi ??= {};
      multi[name] = [...value];
    }
  }
  const result: ApiGatewayProxyResult = { statusCode: response.statusCode, headers, body: text };
  if (multi) result.multiValueHeaders = multi;
  if (base64) result.isBase64Encoded = true;
  return result;
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
