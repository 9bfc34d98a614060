import { ChaliceTsError } from '../errors.js';
import { assertPrimitiveContext, contextProblem } from '../policy/context.js';
import type { AuthRequest } from './auth-request.js';
import type { AuthContext, AuthResponsePolicy, IamPolicy } from './types.js';
import { show } from './validate.js';

/**
 * A path plus the HTTP methods allowed on it, for {@link AuthResponse} `routes`.
 *
 * @example
 * ```ts
 * new AuthRoute('/users/{id}', ['get', 'PUT']); // methods become ['GET', 'PUT']
 * ```
 */
export class AuthRoute {
  declare readonly path: string;
  declare readonly methods: readonly string[];

  constructor(path: string, methods: readonly string[]) {
    // Built while an authorizer runs: these checks stay in production bundles (short messages there).
    if (typeof path !== 'string') {
      throw new TypeError(
        globalThis.__CHALICE_TS_PROD__
          ? 'Invalid AuthRoute path'
          : `AuthRoute path must be a string, received: ${show(path)}`,
      );
    }
    if (!Array.isArray(methods) || methods.some((m) => typeof m !== 'string' || m === '')) {
      throw new TypeError(
        globalThis.__CHALICE_TS_PROD__
          ? 'Invalid AuthRoute methods'
          : `AuthRoute methods must be an array of HTTP methods, received: ${show(methods)}`,
      );
    }
    this.path = path;
    // Method ARNs carry the method upper-cased, so a lower-case method would never match.
    this.methods = Object.freeze(methods.map((m) => m.toUpperCase()));
  }
}

/** Fields of an {@link AuthResponse}. */
export interface AuthResponseInit<Ctx extends AuthContext = AuthContext> {
  /** Path strings (all methods), `'*'` (every path and method) or {@link AuthRoute}s. */
  routes: ReadonlyArray<string | AuthRoute>;
  principalId: string;
  /** Passed on to the integration; values must be strings, numbers or booleans. */
  context?: Ctx;
}

/**
 * What a built-in authorizer returns: the routes the caller may invoke. `toPolicy` turns it into
 * the IAM policy API Gateway expects, in Chalice's exact shape.
 *
 * @example
 * ```ts
 * const res = new AuthResponse({ routes: ['/', new AuthRoute('/items', ['POST'])], principalId: 'user' });
 * res.toPolicy('arn:aws:execute-api:us-east-1:123456789012:abc/api/GET/');
 * // Resource: ['arn:aws:execute-api:us-east-1:123456789012:abc/api/*\/', '…:abc/api/POST/items']
 * ```
 */
export class AuthResponse<Ctx extends AuthContext = AuthContext> {
  declare readonly routes: ReadonlyArray<string | AuthRoute>;
  declare readonly principalId: string;
  declare readonly context: Ctx;

  constructor(init: AuthResponseInit<Ctx>) {
    // Built on every authorizer invocation, so these checks decide what gets allowed: they stay in
    // production bundles, only their wording is shortened there.
    const routes: unknown = init?.routes;
    if (!Array.isArray(routes)) {
      throw new TypeError(
        globalThis.__CHALICE_TS_PROD__
          ? 'Invalid AuthResponse routes'
          : `AuthResponse routes must be an array, received: ${show(routes)}`,
      );
    }
    for (const route of routes) {
      if (typeof route !== 'string' && !(route instanceof AuthRoute)) {
        throw new TypeError(
          globalThis.__CHALICE_TS_PROD__
            ? 'Invalid AuthResponse route'
            : `AuthResponse routes entries must be path strings or AuthRoute, received: ${show(route)}`,
        );
      }
    }
    if (typeof init.principalId !== 'string') {
      throw new TypeError(
        globalThis.__CHALICE_TS_PROD__
          ? 'Invalid AuthResponse principalId'
          : `AuthResponse principalId must be a string, received: ${show(init.principalId)}`,
      );
    }
    assertPrimitiveContext(init.context, 'AuthResponse');
    this.routes = Object.freeze([...routes]);
    this.principalId = init.principalId;
    this.context = (init.context ?? {}) as Ctx;
  }

  /**
   * Builds the policy for the request's method ARN: one Allow statement with one resource per
   * (route, method), in order, duplicates kept.
   *
   * @throws {ChaliceTsError} `INVALID_METHOD_ARN` when the ARN has no `<api-id>/<stage>`;
   *   `INVALID_AUTH_CONTEXT` when the context was changed to hold a non-primitive.
   */
  toPolicy(methodArnOrAuthRequest: string | Pick<AuthRequest, 'methodArn'>): AuthResponsePolicy<Ctx> {
    const methodArn =
      typeof methodArnOrAuthRequest === 'string' ? methodArnOrAuthRequest : methodArnOrAuthRequest?.methodArn;
    const prefix = resourcePrefix(methodArn);
    const problem = contextProblem(this.context);
    if (problem !== null) {
      throw new ChaliceTsError(
        'INVALID_AUTH_CONTEXT',
        `AuthResponse for principal ${JSON.stringify(this.principalId)}: ${problem}.`,
      );
    }
    const resources: string[] = [];
    for (const route of this.routes) {
      if (typeof route === 'string') {
        resources.push(route === '*' ? `${prefix}*/*` : `${prefix}*/${pathPattern(route)}`);
        continue;
      }
      const path = route.path === '*' ? '*' : pathPattern(route.path);
      for (const method of route.methods) resources.push(`${prefix}${method}/${path}`);
    }
    return {
      context: { ...this.context },
      principalId: this.principalId,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resources }],
      },
    };
  }
}

/** What an authorizer function may return: an {@link AuthResponse}, or a raw policy passed through. */
export type AuthorizerResult<Ctx extends AuthContext = AuthContext> = AuthResponse<Ctx> | IamPolicy<Ctx>;

/** A built-in authorizer function (sync or async). Throwing `UnauthorizedError` means 401. */
export type AuthorizerFunction<Ctx extends AuthContext = AuthContext> = (
  authRequest: AuthRequest,
) => AuthorizerResult<Ctx> | Promise<AuthorizerResult<Ctx>>;

/**
 * `arn:<partition>:<service>:<region>:<account>:<api-id>/<stage>/`, taken from the incoming ARN the
 * way Chalice does: split on `:` at most 5 times, keep the first two `/` segments of the resource
 * (both non-empty). No regular expressions on the authorizer's path: the first one a process runs
 * adds ~0.2 ms to its cold start.
 */
function resourcePrefix(methodArn: unknown): string {
  if (typeof methodArn === 'string' && methodArn.startsWith('arn:')) {
    let colon = 3;
    for (let n = 1; n < 5 && colon !== -1; n++) colon = methodArn.indexOf(':', colon + 1);
    const apiEnd = colon === -1 ? -1 : methodArn.indexOf('/', colon + 1);
    const stageEnd = apiEnd === -1 ? -1 : methodArn.indexOf('/', apiEnd + 1);
    const end = stageEnd === -1 ? methodArn.length : stageEnd;
    if (apiEnd > colon + 1 && end > apiEnd + 1) return `${methodArn.slice(0, end)}/`;
  }
  if (!globalThis.__CHALICE_TS_PROD__) throw invalidArn(methodArn);
  throw new ChaliceTsError('INVALID_METHOD_ARN', `Invalid method ARN ${JSON.stringify(methodArn)}`);
}

function invalidArn(methodArn: unknown): ChaliceTsError {
  if (typeof methodArn !== 'string' || methodArn === '') {
    return new ChaliceTsError(
      'INVALID_METHOD_ARN',
      `AuthResponse.toPolicy needs a method ARN or an AuthRequest, received: ${show(methodArn)}.`,
      { cause: new TypeError(`methodArn must be a non-empty string, received: ${show(methodArn)}`) },
    );
  }
  return new ChaliceTsError(
    'INVALID_METHOD_ARN',
    `Cannot build a policy from method ARN ${JSON.stringify(methodArn)}: expected arn:<partition>:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>.`,
  );
}

/**
 * A route path as a resource pattern: no leading `/` (a missing one is tolerated), and each
 * `{param}` / `{proxy+}` becomes `*` because the method ARN carries the concrete value.
 */
function pathPattern(path: string): string {
  const relative = path.charCodeAt(0) === 47 ? path.slice(1) : path;
  let open = relative.indexOf('{');
  if (open === -1) return relative;
  let out = '';
  let from = 0;
  while (open !== -1) {
    const close = relative.indexOf('}', open);
    if (close === -1) break;
    const slash = relative.indexOf('/', open);
    // A `{` whose `}` comes after a `/` is not a parameter: the `/` ends the segment first.
    if (slash !== -1 && slash < close) {
      open = relative.indexOf('{', slash);
      continue;
    }
    out += `${relative.slice(from, open)}*`;
    from = close + 1;
    open = relative.indexOf('{', from);
  }
  return out + relative.slice(from);
}
