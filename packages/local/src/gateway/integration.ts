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
  for (const [name, value] of Object.entries(source)) {
    const values = isMulti ? value : [value];
    if (!Array.isArray(values)) return false;
    const strings = values.map((v) =>
      typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null,
    );
    if (strings.some((v) => v === null)) return false;
    const list = strings as string[];
    if (list.length === 0) continue;
    // API Gateway merges `headers` and `multiValueHeaders`; multi values are appended.
    multi[name] = isMulti ? [...(multi[name] ?? []), ...list] : list;
    single[name] = list[list.length - 1]!;
  }
  return true;
}

/** 502 for a failed or malformed integration. */
export function badGateway(requestId: string): IntegrationResponse {
  return errorResponse(GATEWAY_ERRORS.badGateway, requestId);
}
