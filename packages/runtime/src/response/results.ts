import type { ApiGatewayProxyResult } from '../lambda/events.js';

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

/**
 * `value` as JSON text. A function or a symbol has none: that throws, so the route fails with a 500
 * rather than sending a result without a body, which API Gateway would answer with a 502.
 */
export function jsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what} is a ${typeof value}, which has no JSON form`);
  return text;
}
