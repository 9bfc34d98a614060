import type { AuthContext, AuthorizerFunction } from '@chalice-ts/core';
import { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';
import type { BuiltinAuthorizerOptions } from '../authorizer/authorizer-options.js';
import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import { createProxyHandler, type ProxyHandler } from '../lambda/proxy-handler.js';
import { createRequestScope } from '../lambda/request-scope.js';
import type { Request } from '../request/request.js';
import {
  normalizeRouteOptions,
  type RouteEntry,
  type RouteHandler,
  type RouteOptions,
} from './route-entry.js';
import type { ParsedRoutePath } from '../routing/route-path.js';
import { RouteTable } from './route-table.js';
import { describeValue, rejectUnknownKeys } from './suggest.js';

// Registration-time check, dropped from production bundles (docs/decisions/0002-production-bundles.md).
function checkChaliceOptions(options: unknown): void {
  const fail = (message: string): never => {
    throw new ChaliceRuntimeError('INVALID_ROUTE_OPTION', message);
  };
  if (typeof options !== 'object' || options === null)
    fail(`new Chalice() needs { appName }, got ${describeValue(options)}.`);
  rejectUnknownKeys(options as object, ['appName'], 'new Chalice()', fail);
  const { appName } = options as ChaliceOptions;
  if (typeof appName !== 'string' || appName === '')
    fail('new Chalice(): appName must be a non-empty string.');
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Options of `new Chalice(...)`. */
export interface ChaliceOptions {
  appName: string;
}

/**
 * The app: routes, built-in authorizers and the Lambda entry point (`app.handler`).
 *
 * @example
 * ```ts
 * export const app = new Chalice({ appName: 'demoauth1' });
 * app.route('/users/{id}', (request) => ({ id: request.params.id }));
 * export const handler = app.handler;
 * ```
 */
export class Chalice {
  declare readonly appName: string;
  readonly #table = new RouteTable();
  readonly #authorizers = new Map<string, BuiltinAuthorizer<AuthContext>>();
  readonly #scope = createRequestScope();

  /** The Lambda handler for API Gateway REST proxy events; safe to export as is (`this` is bound). */
  declare readonly handler: ProxyHandler;

  constructor(options: ChaliceOptions) {
    if (!globalThis.__CHALICE_TS_PROD__) checkChaliceOptions(options);
    this.appName = options.appName;
    this.handler = createProxyHandler(this.#table, this.#scope);
  }

  /** Every (path, method) registered, in order; read-only. */
  get routes(): readonly RouteEntry[] {
    return this.#table.entries;
  }

  /** Built-in authorizers by name (those created with `app.authorizer` or used on a route). */
  get builtinAuthorizers(): ReadonlyMap<string, BuiltinAuthorizer<AuthContext>> {
    return this.#authorizers;
  }

  /** The request being handled by the current invocation; throws outside one. */
  get currentRequest(): Request {
    const request = this.#scope.current();
    if (!request) {
      throw new ChaliceRuntimeError(
        'NO_CURRENT_REQUEST',
        globalThis.__CHALICE_TS_PROD__
          ? 'No request in progress'
          : 'app.currentRequest is only available while a route handler runs (inside app.handler); ' +
              'there is no request in progress here.',
      );
    }
    return request;
  }

  /**
   * Registers a handler for a path (API Gateway resource syntax: `/literal`, `/{param}`, a final
   * `/{proxy+}`) and returns the handler. Mistakes throw `ChaliceRuntimeError` right here.
   */
  route<P extends string>(path: P, handler: RouteHandler<P>): RouteHandler<P>;
  route<P extends string>(path: P, options: RouteOptions, handler: RouteHandler<P>): RouteHandler<P>;
  route<P extends string>(
    path: P,
    ...rest: [RouteHandler<P>] | [RouteOptions, RouteHandler<P>]
  ): RouteHandler<P> {
    const handler = (rest.length === 1 ? rest[0] : rest[1]) as RouteHandler;
    const options = rest.length === 1 ? {} : (rest[0] ?? {});
    // Production bundles only record the call: a Lambda cold start then builds the routes of the
    // resource it serves, not all of them (registration-time checks are compiled out there, so
    // nothing can fail later than it would have here; docs/decisions/0003-cold-start.md).
    if (globalThis.__CHALICE_TS_PROD__) {
      this.#table.defer(path, () => this.#entries(path, options, handler, this.#table.checkPath(path)));
    } else {
      const parsed = this.#table.checkPath(path);
      this.#table.addAll(this.#entries(path, options, handler, parsed), parsed);
    }
    const authorizer = (options as RouteOptions).authorizer;
    if (typeof authorizer === 'object' && authorizer.kind === 'builtin') {
      this.#register(authorizer as BuiltinAuthorizer<AuthContext>);
    }
    return handler as RouteHandler<P>;
  }

  // The entries of one `app.route` call (one per method). Runs on cold starts: plain loops and
  // literals, no destructuring or spreads (each costs the interpreter a runtime call).
  #entries(path: string, options: unknown, handler: RouteHandler, parsed: ParsedRoutePath): RouteEntry[] {
    if (!globalThis.__CHALICE_TS_PROD__ && typeof handler !== 'function') {
      throw new ChaliceRuntimeError(
        'INVALID_ROUTE',
        `Route ${JSON.stringify(path)}: the last argument must be the handler function, got ${describeValue(handler)}.`,
      );
    }
    const o = normalizeRouteOptions(path, options);
    const entries: RouteEntry[] = [];
    for (const method of o.methods) {
      const entry: Mutable<RouteEntry> = {
        path,
        method,
        handler,
        apiKeyRequired: o.apiKeyRequired,
        cors: o.cors,
        contentTypes: o.contentTypes,
        name: o.name ?? (handler.name || `${method} ${path}`),
        paramNames: parsed.paramNames,
      };
      if (o.authorizer !== undefined) entry.authorizer = o.authorizer;
      entries.push(entry);
    }
    return entries;
  }

  /**
   * Declares a built-in authorizer (Chalice's `@app.authorizer()`); the name defaults to the
   * function's name. Returns a `BuiltinAuthorizer` to use on routes and to export as a Lambda handler.
   */
  authorizer<Ctx extends AuthContext = AuthContext>(fn: AuthorizerFunction<Ctx>): BuiltinAuthorizer<Ctx>;
  authorizer<Ctx extends AuthContext = AuthContext>(
    options: BuiltinAuthorizerOptions,
    fn: AuthorizerFunction<Ctx>,
  ): BuiltinAuthorizer<Ctx>;
  authorizer<Ctx extends AuthContext = AuthContext>(
    ...args: [AuthorizerFunction<Ctx>] | [BuiltinAuthorizerOptions, AuthorizerFunction<Ctx>]
  ): BuiltinAuthorizer<Ctx> {
    const fn = (args.length === 1 ? args[0] : args[1]) as AuthorizerFunction<Ctx>;
    const options = args.length === 1 ? {} : args[0];
    if (!globalThis.__CHALICE_TS_PROD__ && typeof fn !== 'function') {
      throw new ChaliceRuntimeError(
        'INVALID_AUTHORIZER',
        `app.authorizer() needs the authorizer function${args.length < 2 && typeof args[0] === 'object' ? ' as its second argument' : ''}, ` +
          `e.g. app.authorizer({ name: 'my_auth' }, (authRequest) => new AuthResponse({ ... })); got ${describeValue(fn)}.`,
      );
    }
    const authorizer = new BuiltinAuthorizer(fn, options);
    // Which function a name runs decides authorization, so this check stays in production bundles.
    if (this.#authorizers.has(authorizer.name)) {
      throw new ChaliceRuntimeError(
        'DUPLICATE_AUTHORIZER',
        globalThis.__CHALICE_TS_PROD__
          ? `Duplicate authorizer ${authorizer.name}`
          : `Two built-in authorizers are named ${JSON.stringify(authorizer.name)}; authorizer names must be unique. ` +
              'Pass a different { name } to one of them.',
      );
    }
    this.#authorizers.set(authorizer.name, authorizer as unknown as BuiltinAuthorizer<AuthContext>);
    return authorizer;
  }

  // A built-in authorizer created outside app.authorizer (or a withScopes copy) joins the app when used.
  #register(authorizer: BuiltinAuthorizer<AuthContext>): void {
    const known = this.#authorizers.get(authorizer.name);
    if (!known)
      this.#authorizers.set(
        authorizer.name,
        authorizer.scopes.length ? authorizer.withScopes([]) : authorizer,
      );
    else if (known.fn !== authorizer.fn) {
      throw new ChaliceRuntimeError(
        'DUPLICATE_AUTHORIZER',
        globalThis.__CHALICE_TS_PROD__
          ? `Duplicate authorizer ${authorizer.name}`
          : `Two different built-in authorizers are named ${JSON.stringify(authorizer.name)}; authorizer names must be unique.`,
      );
    }
  }
}
