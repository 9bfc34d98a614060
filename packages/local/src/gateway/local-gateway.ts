import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { JSONWebKeySet } from 'jose';
import { Router } from '@chalice-ts/runtime';
import { AuthorizerCache } from '../cache/authorizer-cache.js';
import { type Clock, systemClock } from '../cache/clock.js';
import {
  formatRequestLine,
  type GatewayLogger,
  type LoggerInput,
  quietLogger,
  toLogger,
} from '../log/request-log.js';
import type { CachedPolicy } from './authorize/cached-policy.js';
import type { AuthOutcome, CacheState } from './authorize/outcome.js';
import { type BindOptions, type Bound, bindGateway } from './bind.js';
import { type CompiledModel, compileModel, type RoutePlan } from './compile-model.js';
import { makeCognitoFactory, makeIamFactory } from './edge-authorizers.js';
import { GATEWAY_ERRORS, type GatewayErrorSpec } from './error-responses.js';
import { badGateway, errorResponse, type IntegrationResponse, proxyResponse } from './integration.js';
import { type LocalLambdaContext, lambdaContextFactory } from './lambda-context.js';
import type { GatewayApp } from './model.js';
import { buildProxyEvent, buildRequestContext, type RequestFacts } from './proxy-event.js';
import {
  acceptsBinary,
  eventBody,
  type HeaderInput,
  NORMALIZED_HEADERS,
  normalizeHeaders,
  type PreparedHeaders,
  parseQuery,
} from './request-parts.js';

/** Options of {@link LocalGateway}. */
export interface LocalGatewayOptions extends BindOptions {
  /** Time source for the authorizer cache, Cognito `exp` and SigV4 skew. Default: wall clock. */
  clock?: Clock;
  /** Where request lines and warnings go. Default: warnings and errors to stderr only. */
  logger?: LoggerInput;
  /** Emulate API Gateway's authorizer TTL cache. Default: `local.authorizer_cache` (true). */
  authorizerCache?: boolean;
  /**
   * Public keys that Cognito tokens are verified against, in memory (the test kit's own key);
   * takes precedence over `local.cognito.jwks_file` and the project's dev keys.
   */
  cognitoJwks?: JSONWebKeySet;
  /** Bound on cached policies (least recently used dropped first). Default 10,000. */
  cacheSize?: number;
  /** Defaults: `local.region` or `us-east-1`, `local.account_id` or `123456789012`, `local.api_id` or `local`. */
  region?: string;
  accountId?: string;
  apiId?: string;
}

/** One request as a client sends it. `path` may carry a query string. */
export interface GatewayRequest {
  method: string;
  path: string;
  headers?: HeaderInput;
  body?: string | Uint8Array | null;
  /** Query parameters, added to any in `path`. */
  query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Client address for `requestContext.identity.sourceIp`. Default `127.0.0.1`. */
  sourceIp?: string;
}

/** Why the gateway answered as it did; for tests, never sent over HTTP. */
export interface GatewayDiagnostics {
  reason: string;
  authorizer: string | null;
  decision: 'allow' | 'deny' | 'explicit-deny' | 'unauthorized' | 'error' | 'open' | 'no-route' | 'preflight';
  cache: CacheState;
}

/** The gateway's answer. `isBase64Encoded` bodies are binary, base64-encoded. */
export interface GatewayResponse extends IntegrationResponse {
  diagnostics: GatewayDiagnostics;
}

interface State extends CompiledModel {
  readonly router: Router<RoutePlan>;
  readonly arnPrefix: string;
  /** The last method ARN built per route (see `methodArnOf`). */
  readonly arns: Map<RoutePlan, { path: string; arn: string }>;
  readonly bound: Bound;
  readonly region: string;
  readonly accountId: string;
  readonly apiId: string;
  /** The app function's Lambda context for one invocation. */
  readonly contextFor: (requestId: string) => LocalLambdaContext;
}

interface Answer {
  response: IntegrationResponse;
  diagnostics: GatewayDiagnostics;
}

/**
 * API Gateway (REST API) in a box: routes a request, authorizes it exactly as API Gateway would
 * (built-in/custom Lambda authorizers with the TTL cache, Cognito user pools, IAM SigV4) and runs
 * the app's Lambda handler with a real REST proxy event. No sockets: `serve` wraps it in node:http
 * and the test kit calls it directly.
 *
 * @example
 * ```ts
 * const gateway = new LocalGateway(app, { config: { version: 1, app_name: 'demoauth1' }, stage: 'dev' });
 * const res = await gateway.handleRequest({ method: 'GET', path: '/', headers: { Authorization: 'allow' } });
 * res.statusCode; // 200
 * JSON.parse(res.body).context.authorizer.principalId; // 'user'
 * ```
 */
export class LocalGateway {
  #app: GatewayApp;
  #options: LocalGatewayOptions;
  readonly #clock: Clock;
  readonly #logger: GatewayLogger;
  /** False for the quiet default: the request line is then neither timed nor formatted. */
  readonly #logsRequests: boolean;
  readonly #cache: AuthorizerCache<CachedPolicy>;
  readonly #calls = new Map<string, number>();
  #state: State | null = null;
  #pending: Promise<State> | null = null;

  constructor(app: GatewayApp, options: LocalGatewayOptions = {}) {
    this.#app = app;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#logger = toLogger(options.logger, quietLogger);
    this.#logsRequests = this.#logger.info !== quietLogger.info;
    this.#cache = new AuthorizerCache({
      clock: this.#clock,
      ...(options.cacheSize !== undefined && { maxEntries: options.cacheSize }),
    });
  }

  /**
   * Creates a gateway and binds the app to its config up front, so config mistakes surface here
   * rather than on the first request.
   *
   * @example
   * ```ts
   * const gateway = await LocalGateway.create(app, { projectDir: process.cwd(), stage: 'dev' });
   * ```
   */
  static async create(app: GatewayApp, options: LocalGatewayOptions = {}): Promise<LocalGateway> {
    const gateway = new LocalGateway(app, options);
    await gateway.ready();
    return gateway;
  }

  /** Binds the app (once); rejects with a `LocalError` on config mistakes. */
  async ready(): Promise<void> {
    if (this.#state === null) await this.#ensure();
  }

  /** The logger the gateway writes to (the server logs its own failures there too). */
  get logger(): GatewayLogger {
    return this.#logger;
  }

  /** How many times the named Lambda authorizer actually ran (cache hits do not count). */
  authorizerCalls(name: string): number {
    return this.#calls.get(name) ?? 0;
  }

  /** Forgets every cached authorizer policy. */
  clearCache(): void {
    this.#cache.clear();
  }

  /**
   * Swaps in a new version of the app (e.g. after a file change): the next request binds it, and
   * the authorizer cache is cleared so no policy from the old code survives.
   */
  reload(
    app: GatewayApp,
    options: Partial<Pick<LocalGatewayOptions, 'config' | 'resolved' | 'model'>> = {},
  ): void {
    this.#app = app;
    this.#options = { ...this.#options, ...options };
    if (options.model === undefined && (options.config !== undefined || options.resolved !== undefined)) {
      delete this.#options.model;
    }
    this.#state = null;
    this.#pending = null;
    this.#cache.clear();
  }

  /** Handles one request as API Gateway would and returns the response with its diagnostics. */
  async handleRequest(request: GatewayRequest): Promise<GatewayResponse> {
    const started = this.#logsRequests ? performance.now() : 0;
    const state = this.#state ?? (await this.#ensure());
    const requestId = randomUUID();
    // HTTP methods are case-sensitive (RFC 9110 §9.1): API Gateway has no resource method "get".
    const method = request.method;
    const q = request.path.indexOf('?');
    const path = (q === -1 ? request.path : request.path.slice(0, q)) || '/';
    const search = q === -1 ? '' : request.path.slice(q + 1);
    let answer: Answer;
    try {
      answer = await this.#answer(state, request, method, path, search, requestId);
    } catch (error) {
      this.#logger.error(`internal error handling ${method} ${path}: ${describe(error)}`);
      answer = {
        response: badGateway(requestId),
        diagnostics: {
          reason: `internal error: ${describe(error)}`,
          authorizer: null,
          decision: 'error',
          cache: null,
        },
      };
    }
    const d = answer.diagnostics;
    if (this.#logsRequests) {
      this.#logger.info(
        formatRequestLine({
          method,
          path,
          statusCode: answer.response.statusCode,
          authorizer: d.authorizer,
          decision: d.decision,
          cache: d.cache,
          ms: performance.now() - started,
        }),
      );
    }
    const response = answer.response as GatewayResponse;
    response.diagnostics = d;
    return response;
  }

  async #answer(
    state: State,
    request: GatewayRequest,
    method: string,
    path: string,
    search: string,
    requestId: string,
  ): Promise<Answer> {
    const match = isUpperCase(method) ? state.router.match(method, path) : null;
    // The deployed API answers OPTIONS on a path with CORS routes from its mock integration, even
    // when the app has an OPTIONS route of its own there (the preflight replaces it).
    if (match !== null && method === 'OPTIONS') {
      const preflight = this.#preflight(state, match.resourcePath, requestId);
      if (preflight !== null) return preflight;
    }
    if (match === null || 'methodNotAllowed' in match) {
      const reason =
        match === null ? `no resource matches ${path}` : `${match.resourcePath} has no ${method} method`;
      return refuse(GATEWAY_ERRORS.missingAuthenticationToken, requestId, {
        reason,
        authorizer: null,
        decision: 'no-route',
        cache: null,
      });
    }
    const plan = match.route;
    const headers = (request as PreparedHeaders)[NORMALIZED_HEADERS] ?? normalizeHeaders(request.headers);
    const pathParameters = hasKeys(match.params) ? { ...match.params } : null;
    const facts: RequestFacts = {
      method,
      path,
      resourcePath: match.resourcePath,
      pathParameters,
      headers,
      query: parseQuery(search, request.query),
      stageVariables: null,
      body: eventBody(request.body, headers.lower.get('content-type')),
      requestContext: buildRequestContext({
        accountId: state.accountId,
        apiId: state.apiId,
        resourceId: plan.resourceId,
        stage: state.model.apiGatewayStage,
        requestId,
        resourcePath: match.resourcePath,
        httpMethod: method,
        path,
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers.lower.get('user-agent') ?? null,
        host: headers.lower.get('host') ?? null,
        nowMs: this.#clock.now(),
      }),
    };

    const diagnostics: GatewayDiagnostics = {
      reason: 'no authorizer',
      authorizer: null,
      decision: 'open',
      cache: null,
    };
    if (plan.authorizer !== null) {
      const pending = plan.authorizer.authorize({
        facts,
        methodArn: methodArnOf(state, plan, path),
        scopes: plan.scopes,
        raw: {
          method: request.method,
          path,
          query: rawQuery(search, request.query),
          headers: request.headers ?? {},
          body: request.body,
        },
        requestId,
      });
      // A cached decision comes back synchronously: no extra turn of the microtask queue for it.
      const outcome: AuthOutcome = pending instanceof Promise ? await pending : pending;
      diagnostics.authorizer = plan.authorizer.name;
      diagnostics.decision = outcome.decision;
      diagnostics.cache = outcome.cache;
      diagnostics.reason = outcome.reason;
      if (!outcome.ok) return refuse(outcome.error, requestId, diagnostics);
      if (outcome.authorizer !== undefined) facts.requestContext.authorizer = outcome.authorizer;
      if (outcome.identity !== undefined) Object.assign(facts.requestContext.identity, outcome.identity);
    }
    if (plan.route.entry.apiKeyRequired === true) {
      const apiKey = headers.lower.get('x-api-key');
      if (apiKey === undefined || apiKey === '') {
        return refuse(GATEWAY_ERRORS.forbidden, requestId, {
          ...diagnostics,
          reason: 'the route requires an x-api-key header',
        });
      }
      facts.requestContext.identity.apiKey = apiKey;
    }
    return { response: await this.#invoke(state, facts, requestId), diagnostics };
  }

  async #invoke(state: State, facts: RequestFacts, requestId: string): Promise<IntegrationResponse> {
    let result: unknown;
    try {
      result = await this.#app.handler(buildProxyEvent(facts), state.contextFor(requestId));
    } catch (error) {
      this.#logger.error(`${facts.method} ${facts.path}: the app's handler threw (502): ${describe(error)}`);
      return badGateway(requestId);
    }
    const response = proxyResponse(result, requestId);
    if (response === null) {
      this.#logger.error(`${facts.method} ${facts.path}: malformed Lambda proxy response (502)`);
      return badGateway(requestId);
    }
    if (response.isBase64Encoded && !acceptsBinary(facts.headers)) {
      // API Gateway decodes a base64 body only for a request whose first Accept type is binary.
      this.#logger.info(
        `${facts.method} ${facts.path}: binary response sent as base64 text, as API Gateway does: ` +
          "the request's first Accept type is not a binary media type (send e.g. Accept: image/png)",
      );
      return { ...response, isBase64Encoded: false };
    }
    return response;
  }

  #preflight(state: State, resourcePath: string, requestId: string): Answer | null {
    const plans = (state.byResource.get(resourcePath) ?? []).filter((p) => p.route.entry.cors);
    const cors = plans[0]?.route.entry.cors;
    if (cors === undefined || cors === null) return null;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...cors.preflightHeaders(plans.map((p) => p.method)),
      'x-amzn-RequestId': requestId,
    };
    const multiValueHeaders: Record<string, string[]> = {};
    for (const name in headers) multiValueHeaders[name] = [headers[name]!];
    return {
      response: { statusCode: 200, headers, multiValueHeaders, body: '', isBase64Encoded: false },
      diagnostics: { reason: 'CORS preflight', authorizer: null, decision: 'preflight', cache: null },
    };
  }

  #ensure(): Promise<State> {
    this.#pending ??= this.#bind().then(
      (state) => {
        this.#state = state;
        return state;
      },
      (error: unknown) => {
        this.#pending = null;
        throw error;
      },
    );
    return this.#pending;
  }

  async #bind(): Promise<State> {
    const app = this.#app;
    const o = this.#options;
    const bound = await bindGateway(app, o);
    const local = bound.local;
    const cacheOn = o.authorizerCache ?? local.authorizer_cache ?? true;
    const region = o.region ?? local.region ?? 'us-east-1';
    const accountId = o.accountId ?? local.account_id ?? '123456789012';
    const apiId = o.apiId ?? local.api_id ?? 'local';
    const model = bound.model;
    const edge = {
      logger: this.#logger,
      clock: this.#clock,
      region,
      bound,
      projectDir: o.projectDir,
      ...(o.cognitoJwks !== undefined && { jwks: o.cognitoJwks }),
    };
    const compiled = compileModel(model, {
      cache: cacheOn ? this.#cache : null,
      logger: this.#logger,
      onInvoke: (name) => this.#calls.set(name, (this.#calls.get(name) ?? 0) + 1),
      authorizerContext: (name) =>
        lambdaContextFactory({
          functionName: `${model.appName}-${model.stage}-${name}`,
          region,
          accountId,
          timeoutMs: bound.timeoutMs,
          memoryMb: bound.memoryMb,
        }),
      cognito: makeCognitoFactory(edge),
      iam: makeIamFactory(edge),
    });
    return {
      ...compiled,
      router: new Router(compiled.plans),
      arnPrefix: `arn:aws:execute-api:${region}:${accountId}:${apiId}/${model.apiGatewayStage}/`,
      arns: new Map(),
      bound,
      region,
      accountId,
      apiId,
      contextFor: lambdaContextFactory({
        functionName: `${model.appName}-${model.stage}`,
        region,
        accountId,
        timeoutMs: bound.timeoutMs,
        memoryMb: bound.memoryMb,
      }),
    };
  }
}

/**
 * The method ARN names the called path, not the resource template, and never the query string.
 * The last one built per route is kept: a route called on the same path again (the common case)
 * gets the very same string, which also spares the policy memo re-hashing it.
 */
function methodArnOf(state: State, plan: RoutePlan, path: string): string {
  const memo = state.arns.get(plan);
  if (memo !== undefined && memo.path === path) return memo.arn;
  const arnPath = path.length > 1 && path.endsWith('/') ? path.slice(1, -1) : path.slice(1);
  const arn = state.arnPrefix + plan.method + '/' + arnPath;
  state.arns.set(plan, { path, arn });
  return arn;
}

function refuse(spec: GatewayErrorSpec, requestId: string, diagnostics: GatewayDiagnostics): Answer {
  return { response: errorResponse(spec, requestId), diagnostics };
}

// The query as it would be on the wire: the path's own, then any given as an object.
function rawQuery(search: string, query: GatewayRequest['query']): string {
  if (query === undefined) return search;
  const params = new URLSearchParams();
  for (const name in query) {
    const value = query[name];
    if (typeof value === 'string') params.append(name, value);
    else if (value !== undefined) for (const v of value) params.append(name, v);
  }
  const extra = params.toString();
  return search === '' ? extra : extra === '' ? search : `${search}&${extra}`;
}

// Same as `method === method.toUpperCase()` for the ASCII tokens HTTP methods are, without
// allocating the upper-cased copy on every request.
function isUpperCase(method: string): boolean {
  for (let i = 0; i < method.length; i++) {
    const c = method.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c > 127) return method === method.toUpperCase();
  }
  return true;
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
