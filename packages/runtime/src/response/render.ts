import type { ApiGatewayProxyResult } from '../lambda/events.js';
import { isResponse, Response, type ResponseHeaders } from './response.js';

function hasHeader(headers: ResponseHeaders, name: string): boolean {
  const lower = name.toLowerCase();
  for (const key in headers) if (key.toLowerCase() === lower) return true;
  return false;
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
    for (const name in extraHeaders) if (!hasHeader(source, name)) source[name] = extraHeaders[name]!;
  const { body } = response;
  const base64 = body instanceof Uint8Array;
  const text =
    typeof body === 'string'
      ? body
      : base64
        ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64')
        : body === undefined
          ? ''
          : JSON.stringify(body);
  if (!hasHeader(source, 'content-type')) {
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

/** A handler's plain return value as a 200 JSON result (`undefined` renders as `null`, like Chalice's `None`). */
export function jsonResult(value: unknown, extraHeaders?: Record<string, string>): ApiGatewayProxyResult {
  const headers: Record<string, string> =
    extraHeaders === undefined
      ? { 'Content-Type': 'application/json' }
      : { 'Content-Type': 'application/json', ...extraHeaders };
  return { statusCode: 200, headers, body: value === undefined ? 'null' : JSON.stringify(value) };
}

/** The `{ Code, Message }` body Chalice renders for errors. */
export function errorResult(
  statusCode: number,
  code: string,
  message: string,
  extraHeaders?: Record<string, string>,
): ApiGatewayProxyResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json', ...extraHeaders },
    body: JSON.stringify({ Code: code, Message: message }),
  };
}

export { isResponse, Response };
