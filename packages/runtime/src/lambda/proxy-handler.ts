import { matchesContentType, type RouteEntry } from '../app/route-entry.js';
import type { RouteTable } from '../app/route-table.js';
import { isViewError } from '../errors/view-errors.js';
import { errorResult, isResponse, jsonResult } from '../response/render.js';
import { Request } from '../request/request.js';
import { Router } from '../routing/router.js';
import type { ApiGatewayProxyEvent, ApiGatewayProxyResult, LambdaContext } from './events.js';
import type { RequestScope } from './request-scope.js';

/** `app.handler`: the Lambda entry point for API Gateway REST proxy events (payload 1.0). */
export type ProxyHandler = (
  event: ApiGatewayProxyEvent,
  context?: LambdaContext,
) => Promise<ApiGatewayProxyResult>;

/**
 * Builds the proxy handler of an app. API Gateway has already matched the resource, so the route
 * is found by `event.resource` + `httpMethod` (a map lookup); an event whose resource is not one of
 * the app's (hand-made, another emulator's, the Lambda console's `/{proxy+}` test event) is
 * matched by its path instead.
 */
export function createProxyHandler(table: RouteTable, scope: RequestScope): ProxyHandler {
  // API Gateway only sends the resources it was deployed with, so production bundles leave path
  // matching (and the router) out, as Chalice's handler does: an unknown resource is a 404 there
  // (Chalice's is a 405 with an empty Allow, from its defaultdict route table).
  // Tests, `chalice-ts local` and plain node keep it (docs/decisions/0002-production-bundles.md).
  const byPath = globalThis.__CHALICE_TS_PROD__ ? undefined : pathMatcher(table);
  // Kept small: compiling a function parses the functions nested in it again, on every cold start.
  return async (event, context) => {
    const resource = event?.resource ?? event?.requestContext?.resourcePath;
    const methods = resource === undefined ? undefined : table.methodsFor(resource);
    const method = upperCase(event?.httpMethod ?? event?.requestContext?.httpMethod ?? 'GET');
    const entry = methods?.get(method);
    if (!entry) return await unmatched({ table, scope, byPath }, event, context, method, methods);
    const request = new Request(event, context, event.pathParameters);
    // `return await` settles in one tick; returning the promise itself would take three.
    return await scope.run(request, () => invoke(entry, request));
  };
}

interface Dispatcher {
  table: RouteTable;
  scope: RequestScope;
  byPath: ReturnType<typeof pathMatcher> | undefined;
}

/** Everything but "a known resource and method" (compiled only when such an event comes). */
async function unmatched(
  { table, scope, byPath }: Dispatcher,
  event: ApiGatewayProxyEvent,
  context: LambdaContext | undefined,
  method: string,
  methods: ReadonlyMap<string, RouteEntry> | undefined,
): Promise<ApiGatewayProxyResult> {
  // Not an API Gateway proxy event (e.g. a scheduled warm-up ping): answer as Chalice does.
  if (event?.resource === undefined && event?.path === undefined) {
    return errorResult(500, 'InternalServerError', 'Unknown request.');
  }
  let params = event.pathParameters;
  if (!methods) {
    const hit = byPath?.(method, event.path ?? '/');
    if (!hit)
      return errorResult(404, 'NotFoundError', `No route matches ${method} ${event.path ?? ''}`.trim());
    methods = table.methodsFor(hit.resourcePath)!;
    params = 'route' in hit ? hit.params : null;
  }
  const entry = methods.get(method);
  if (entry) {
    const request = new Request(event, context, params);
    return await scope.run(request, () => invoke(entry, request));
  }
  const allowed = [...methods.keys()];
  const withCors = [...methods.values()].filter((e) => e.cors);
  // A CORS preflight is normally answered by API Gateway's mock integration, which lists the
  // path's CORS methods only; answer it the same way here.
  if (method === 'OPTIONS' && withCors.length > 0) {
    const preflight = withCors[0]!.cors!.preflightHeaders(withCors.map((e) => e.method));
    return { statusCode: 200, headers: preflight, body: '' };
  }
  return errorResult(405, 'MethodNotAllowedError', `Unsupported method: ${method}`, {
    Allow: allowed.join(', '),
  });
}

/** Matches a path against the app's routes (a router rebuilt when routes were added since). */
function pathMatcher(table: RouteTable) {
  let router: Router<RouteEntry> | undefined;
  let routerFor: readonly RouteEntry[] | undefined;
  return (method: string, path: string) => {
    if (routerFor !== table.entries) {
      routerFor = table.entries;
      router = new Router(routerFor);
    }
    return router!.match(method, path);
  };
}

async function invoke(entry: RouteEntry, request: Request): Promise<ApiGatewayProxyResult> {
  const cors = entry.cors?.headers();
  // As Chalice: every request is checked, and one without Content-Type counts as application/json.
  const contentType = contentTypeOf(request) ?? 'application/json';
  if (!matchesContentType(contentType, entry.contentTypes)) {
    return errorResult(415, 'UnsupportedMediaType', `Unsupported media type: ${contentType}`, cors);
  }
  try {
    const returned = entry.handler(request);
    // Most handlers return a plain value: awaiting only a thenable saves a microtask turn per request.
    const value = isThenable(returned) ? await returned : returned;
    // A `Response` renders itself, so an app that never builds one ships no renderer.
    if (!isResponse(value)) return jsonResult(value, cors);
    if (typeof value.toProxyResult !== 'function')
      throw new TypeError('A Response from an older copy of @chalice-ts/runtime: dedupe the package');
    return value.toProxyResult(cors, request.headers.get('accept') ?? null);
  } catch (err) {
    return failed(entry, err, cors);
  }
}

// Its own function so that a cold start that throws nothing never compiles it.
function failed(
  entry: RouteEntry,
  err: unknown,
  cors: Record<string, string> | undefined,
): ApiGatewayProxyResult {
  if (isViewError(err)) return errorResult(err.statusCode, err.code, err.message, cors);
  // The stack goes to CloudWatch only: returning it would leak internals to callers.
  console.error(`Caught exception for ${entry.method} ${entry.path} (${entry.name}):`, err);
  return errorResult(500, 'InternalServerError', 'An internal server error occurred.', cors);
}

// The Content-Type header without building `request.headers` (a map of every header) on each request.
function contentTypeOf(request: Request): string | undefined {
  const headers = request.event.headers;
  if (!headers) return request.event.multiValueHeaders ? request.headers.get('content-type') : undefined;
  for (const name in headers) {
    const value = headers[name];
    if (name.length === 12 && value != null && name.toLowerCase() === 'content-type') return value;
  }
  return undefined;
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
