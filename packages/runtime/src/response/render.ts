import type { ApiGatewayProxyResult } from '../lambda/events.js';
import { isResponse, Response, toProxyResult } from './response.js';
import { jsonText } from './results.js';

/** A handler's plain return value as a 200 JSON result (`undefined` renders as `null`, like Chalice's `None`). */
export function jsonResult(value: unknown, extraHeaders?: Record<string, string>): ApiGatewayProxyResult {
  const headers: Record<string, string> =
    extraHeaders === undefined
      ? { 'Content-Type': 'application/json' }
      : { 'Content-Type': 'application/json', ...extraHeaders };
  return {
    statusCode: 200,
    headers,
    body: value === undefined ? 'null' : jsonText(value, 'The route returned a value that'),
  };
}

export { errorResult } from './results.js';
export { isResponse, Response, toProxyResult };
