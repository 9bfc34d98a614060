import type { CorsInput } from '../model/input.js';

/** Chalice's `CORSConfig._REQUIRED_HEADERS`: always allowed so signed and keyed requests pass preflight. */
const REQUIRED_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token'];

/** Chalice's `CORSConfig.get_access_control_headers()`, in the same key order. */
export function accessControlHeaders(cors: CorsInput): Record<string, string> {
  const allowHeaders = [...new Set([...(cors.allowHeaders ?? []), ...REQUIRED_HEADERS])].sort(codepointOrder);
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': cors.allowOrigin ?? '*',
    'Access-Control-Allow-Headers': allowHeaders.join(','),
  };
  if (cors.exposeHeaders && cors.exposeHeaders.length > 0) {
    headers['Access-Control-Expose-Headers'] = cors.exposeHeaders.join(',');
  }
  if (cors.maxAge !== undefined) headers['Access-Control-Max-Age'] = String(cors.maxAge);
  if (cors.allowCredentials === true) headers['Access-Control-Allow-Credentials'] = 'true';
  return headers;
}

/**
 * Chalice's `_add_preflight_request`: an `options` method answered by a mock integration, with no
 * `security` — browsers never send credentials on a preflight, so it must not be authorized.
 */
export function preflightOperation(cors: CorsInput, methods: readonly string[]): object {
  const params: Record<string, string> = {
    // A route of its own on OPTIONS is replaced by this preflight, so it is listed once.
    'Access-Control-Allow-Methods': [...methods.filter((m) => m !== 'OPTIONS'), 'OPTIONS'].join(','),
    ...accessControlHeaders(cors),
  };
  const headers: Record<string, { type: 'string' }> = {};
  const responseParameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    headers[name] = { type: 'string' };
    responseParameters[`method.response.header.${name}`] = `'${value}'`;
  }
  return {
    consumes: ['application/json'],
    produces: ['application/json'],
    responses: {
      '200': { description: '200 response', schema: { $ref: '#/definitions/Empty' }, headers },
    },
    'x-amazon-apigateway-integration': {
      responses: { default: { statusCode: '200', responseParameters } },
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_match',
      type: 'mock',
      contentHandling: 'CONVERT_TO_TEXT',
    },
  };
}

function codepointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
