import { type AnyAuthorizer, isAuthorizer } from '@chalice-ts/core';
import { CORSConfig } from '../cors/cors-config.js';
import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import type { Request } from '../request/request.js';
import type { PathParams } from '../routing/route-path.js';
import { describeValue, rejectUnknownKeys } from './suggest.js';

/** HTTP methods a route can declare (API Gateway REST methods). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Options of `app.route(path, options, handler)`. */
export interface RouteOptions {
  /** Default `['GET']`. */
  methods?: readonly (HttpMethod | Lowercase<HttpMethod>)[];
  /** An authorizer object, or the name of one declared in chalice.yaml. */
  authorizer?: AnyAuthorizer | string;
  apiKeyRequired?: boolean;
  /** `true` for any origin, or a `CORSConfig`. */
  cors?: boolean | CORSConfig;
  /** Accepted request content types; default `['application/json']`. */
  contentTypes?: readonly string[];
  /** Default: the handler function's name. */
  name?: string;
}

/** A route handler: gets the request, returns a plain value (200 JSON), a `Response`, or throws. */
export type RouteHandler<P extends string = string> = (request: Request<PathParams<P>>) => unknown;

/** One (path, method) of the app, as registered. */
export interface RouteEntry {
  readonly path: string;
  readonly method: HttpMethod;
  readonly handler: RouteHandler;
  readonly authorizer?: AnyAuthorizer | string;
  readonly apiKeyRequired: boolean;
  readonly cors: CORSConfig | null;
  readonly contentTypes: readonly string[];
  readonly name: string;
  readonly paramNames: readonly string[];
}

const OPTION_NAMES = ['methods', 'authorizer', 'apiKeyRequired', 'cors', 'contentTypes', 'name'] as const;

/** Route options after validation, shared by every method of one `app.route` call. */
export interface NormalizedRouteOptions {
  methods: HttpMethod[];
  authorizer?: AnyAuthorizer | string;
  apiKeyRequired: boolean;
  cors: CORSConfig | null;
  contentTypes: readonly string[];
  name?: string;
}

/** Validates `app.route` options; every mistake throws `INVALID_ROUTE_OPTION` naming the route. */
export function normalizeRouteOptions(path: string, options: unknown): NormalizedRouteOptions {
  const fail = (message: string): never => {
    throw new ChaliceRuntimeError('INVALID_ROUTE_OPTION', message);
  };
  const where = `Route ${JSON.stringify(path)}`;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail(`${where}: options must be an object, got ${describeValue(options)}.`);
  }
  const o = options as RouteOptions;
  rejectUnknownKeys(o, OPTION_NAMES, where, fail);
  const rawMethods: unknown = o.methods ?? ['GET'];
  if (!Array.isArray(rawMethods) || rawMethods.length === 0) {
    fail(`${where}: methods must be a non-empty array such as ['GET', 'POST'].`);
  }
  const methods: HttpMethod[] = [];
  for (const raw of rawMethods as unknown[]) {
    const method = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (!METHODS.includes(method as HttpMethod)) {
      fail(`${where}: unsupported method ${describeValue(raw)}; use one of ${METHODS.join(', ')}.`);
    }
    if (methods.includes(method as HttpMethod)) fail(`${where}: method ${method} is listed twice.`);
    methods.push(method as HttpMethod);
  }
  const { authorizer } = o;
  if (
    authorizer !== undefined &&
    !(typeof authorizer === 'string' && authorizer !== '') &&
    !isAuthorizer(authorizer)
  ) {
    const hint =
      typeof authorizer === 'function'
        ? ' Wrap the function with app.authorizer(fn) and pass what it returns.'
        : ' Pass an IAMAuthorizer, CognitoUserPoolAuthorizer, CustomAuthorizer, the result of app.authorizer(), or the name of an authorizer declared in chalice.yaml.';
    fail(`${where}: authorizer is not an authorizer (got ${describeValue(authorizer)}).${hint}`);
  }
  if (o.apiKeyRequired !== undefined && typeof o.apiKeyRequired !== 'boolean') {
    fail(`${where}: apiKeyRequired must be a boolean.`);
  }
  let cors: CORSConfig | null = null;
  if (o.cors === true) cors = new CORSConfig();
  else if (o.cors instanceof CORSConfig) cors = o.cors;
  else if (o.cors !== undefined && o.cors !== false)
    fail(`${where}: cors must be true, false or a CORSConfig.`);
  const contentTypes = o.contentTypes ?? ['application/json'];
  if (
    !Array.isArray(contentTypes) ||
    contentTypes.length === 0 ||
    contentTypes.some((t) => typeof t !== 'string')
  ) {
    fail(`${where}: contentTypes must be a non-empty array of media types.`);
  }
  if (o.name !== undefined && (typeof o.name !== 'string' || o.name === ''))
    fail(`${where}: name must be a non-empty string.`);
  return {
    methods,
    ...(authorizer !== undefined && { authorizer }),
    apiKeyRequired: o.apiKeyRequired ?? false,
    cors,
    contentTypes: Object.freeze([...contentTypes]),
    ...(o.name !== undefined && { name: o.name }),
  };
}

/** True when the request's media type (parameters ignored) is one of `accepted`. */
export function matchesContentType(contentType: string, accepted: readonly string[]): boolean {
  const media = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return accepted.some((type) => type.toLowerCase() === media || type === '*/*');
}
