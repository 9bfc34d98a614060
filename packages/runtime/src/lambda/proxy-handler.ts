import { matchesContentType, type RouteEntry } from '../app/route-entry.js';
import type { RouteTable } from '../app/route-table.js';
import { isViewError } from '../errors/view-errors.js';
import { errorResult, isResponse, jsonResult, toProxyResult } from '../response/render.js';
import { Request } from '../request/request.js';
import { Router } from '../routing/router.js';
import type { ApiGatewayProxyEvent, ApiGatewayProxyResult, LambdaContext } from './events.js';
import type { RequestScope } from './request-scope.js';

/** `app.handler`: the Lambda entry point for API Gateway REST proxy events (payload 1.0). */
export type ProxyHandler = (
  event: ApiGatewayProxyEvent,
  context?: LambdaContext,
) => Promise<ApiGatewayProxyResult>;

interface Target {
  entry?: RouteEntry;
  methods?: ReadonlyMap<string, RouteEntry>;
  params?: Readonly<Record<string, string | undefined>> | null;
}

/**
 * Builds the proxy handler of an app. API Gateway has already matched the resource, so the route
 * is found by `event.resource` + `httpMethod` (a map lookup); events without `resource` (hand-made
 * or from other emulators) go through the router instead.
 */
export function createProxyHandler(table: RouteTable, scope: RequestScope): ProxyHandler {
  let router: Router<RouteEntry> | undefined;
  let routerFor: readonly RouteEntry[] | undefined;

  const locate = (event: ApiGatewayProxyEvent, method: string): Target | null => {
    const resource = event.resource ?? event.requestContext?.resourcePath;
    const methods = resource === undefined ? undefined : table.byResource.get(resource);
    if (methods) return { entry: methods.get(method), methods, params: event.pathParameters };
    if (routerFor !== table.entries) {
      router = new Router(table.entries);
      routerFor = table.entries;
    }
    const hit = router!.match(method, event.path ?? '/');
    if (!hit) return null;
    const byPath = table.byResource.get(hit.resourcePath);
    return 'route' in hit ? { entry: hit.route, methods: byPath, params: hit.params } : { methods: byPath };
  };

  return async (event, context) => {
    // Not an API Gateway proxy event (e.g. a scheduled warm-up ping): answer as Chalice does.
    if (event?.resource === undefined && event?.path === undefined) {
      return errorResult(500, 'InternalServerError', 'Unknown request.');
    }
    const method = upperCase(event.httpMethod ?? event.requestContext?.httpMethod ?? 'GET');
    const target = locate(event, method);
    if (!target)
      return errorResult(404, 'NotFoundError', `No route matches ${method} ${event.path ?? ''}`.trim());
    const { entry } = target;
    if (!entry) {
      const allowed = [...(target.methods?.keys() ?? [])];
      const cors = [...(target.methods?.values() ?? [])].find((e) => e.cors)?.cors;
      // A CORS preflight is normally answered by API Gateway's mock integration; answer it the same way here.
      if (method === 'OPTIONS' && cors)
        return { statusCode: 200, headers: cors.preflightHeaders(allowed), body: '' };
      return errorResult(405, 'MethodNotAllowedError', `Unsupported method: ${method}`, {
        Allow: allowed.join(', '),
      });
    }
    const request = new Request(event, context, target.params);
    // `return await` settles in one tick; returning the promise itself would take three.
    return await scope.run(request, () => invoke(entry, request));
  };
}

async function invoke(entry: RouteEntry, request: Request): Promise<ApiGatewayProxyResult> {
  const cors = entry.cors?.headers();
  // Only a body has a media type to check; skipping bodiless requests keeps GETs off the header parsing path.
  const contentType = request.event.body ? request.headers.get('content-type') : undefined;
  if (contentType !== undefined && !matchesContentType(contentType, entry.contentTypes)) {
    return errorResult(415, 'UnsupportedMediaType', `Unsupported media type: ${contentType}`, cors);
  }
  try {
    const returned = entry.handler(request);
    // Most handlers return a plain value: awaiting only a thenable saves a microtask turn per request.
    const value = isThenable(returned) ? await returned : returned;
    return isResponse(value) ? toProxyResult(value, cors) : jsonResult(value, cors);
  } catch (err) {
    if (isViewError(err)) return errorResult(err.statusCode, err.code, err.message, cors);
    // The stack goes to CloudWatch only: returning it would leak internals to callers.
    console.error(`Caught exception for ${entry.method} ${entry.path} (${entry.name}):`, err);
    return errorResult(500, 'InternalServerError', 'An internal server error occurred.', cors);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

// `toUpperCase` allocates a copy even when nothing changes; API Gateway's methods are upper-case already.
function upperCase(method: string): string {
  for (let i = 0; i < method.length; i++) {
    const c = method.charCodeAt(i);
    if (c < 65 || c > 90) return method.toUpperCase();
  }
  return method;
}
