import type { ApiGatewayProxyResult } from '../lambda/events.js';
import { isResponse, Response, toProxyResult } from './response.js';

/** A handler's plain return value as a 200 JSON result (`undefined` renders as `null`, like Chalice's `None`). */
export function jsonResult(value: unknown, extraHeaders?: Record<string, string>): ApiGatewayProxyResult {
  const headers: Record<string, string> =
    extraHeaders === undefined
      ? { 'Content-Type': 'application/json' }
      : { 'Content-Type': 'application/json', ...extraHeaders };
  const body = value === undefined ? 'null' : JSON.stringify(value);
  // A function or a symbol has no JSON: fail the route (500) rather than send a result without a
  // body, which API Gateway would answer with a 502.
  if (body === undefined) throw new TypeError(`The route returned a ${typeof value}, which has no JSON form`);
  return { statusCode: 200, headers, body };
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
