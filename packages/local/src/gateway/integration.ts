import type { GatewayErrorSpec } from './error-responses.js';
import { GATEWAY_ERRORS } from './error-responses.js';

/** What the gateway answers: status, headers (last value and every value), body. */
export interface IntegrationResponse {
  statusCode: number;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

/** The response API Gateway sends when it answers itself (see `GATEWAY_ERRORS`). */
export function errorResponse(spec: GatewayErrorSpec, requestId: string): IntegrationResponse {
  const headers = {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': spec.errorType,
  };
  return {
    statusCode: spec.statusCode,
    headers,
    multiValueHeaders: {
      'Content-Type': ['application/json'],
      'x-amzn-RequestId': [requestId],
      'x-amzn-ErrorType': [spec.errorType],
    },
    body: spec.body,
    isBase64Encoded: false,
  };
}

/**
 * Maps a Lambda proxy result to the HTTP response. A result that is not a proxy response (no
 * numeric `statusCode`, non-string body or headers) is API Gateway's 502 "Malformed Lambda proxy
 * response"; `null` is returned so the caller can log why.
 */
export function proxyResponse(result: unknown, requestId: string): IntegrationResponse | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as Record<string, unknown>;
  const statusCode = typeof r.statusCode === 'string' ? Number(r.statusCode) : r.statusCode;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    return null;
  }
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') return null;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  if (!copyHeaders(r.headers, headers, multiValueHeaders, false)) return null;
  if (!copyHeaders(r.multiValueHeaders, headers, multiValueHeaders, true)) return null;
  if (headers['Content-Type'] === undefined && headers['content-type'] === undefined) {
    // API Gateway's default when the integration sets no content type.
    headers['Content-Type'] = 'application/json';
    multiValueHeaders['Content-Type'] = ['application/json'];
  }
  headers['x-amzn-RequestId'] = requestId;
  multiValueHeaders['x-amzn-RequestId'] = [requestId];
  return {
    statusCode,
    headers,
    multiValueHeaders,
    body: typeof r.body === 'string' ? r.body : '',
    isBase64Encoded: r.isBase64Encoded === true,
  };
}

function copyHeaders(
  source: unknown,
  single: Record<string, string>,
  multi: Record<string, string[]>,
  isMulti: boolean,
): boolean {
  if (source === undefined || source === null) return true;
  if (typeof source !== 'object') return false;
  const record = source as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    const value = record[name];
    if (!isMulti) {
      const text = headerText(value);
      if (text === null) return false;
      multi[name] = [text];
      single[name] = text;
      continue;
    }
    if (!Array.isArray(value)) return false;
    if (value.length === 0) continue;
    // API Gateway merges `headers` and `multiValueHeaders`; when both hold the same key-value pair,
    // only the `multiValueHeaders` one is kept (AWS docs, "Output format of a Lambda function for
    // proxy integration").
    const texts: string[] = [];
    for (const v of value as unknown[]) {
      const text = headerText(v);
      if (text === null) return false;
      texts.push(text);
    }
    const fromSingle = multi[name]?.[0];
    const list = fromSingle === undefined || texts.includes(fromSingle) ? [] : [fromSingle];
    list.push(...texts);
    multi[name] = list;
    single[name] = list[list.length - 1]!;
  }
  return true;
}

function headerText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** 502 for a failed or malformed integration. */
export function badGateway(requestId: string): IntegrationResponse {
  return errorResponse(GATEWAY_ERRORS.badGateway, requestId);
}
