import type { ApiGatewayProxyResult } from '../lambda/events.js';
import { isResponse, Response, toProxyResult } from './response.js';

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

export { isResponse, Response, toProxyResult };
