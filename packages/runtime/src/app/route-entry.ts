import type { AnyAuthorizer } from '@chalice-ts/core';
import { CORSConfig } from '../cors/cors-config.js';
import type { Request } from '../request/request.js';
import type { PathParams } from '../routing/route-path.js';
import { checkRouteOptions } from './route-checks.js';

/** HTTP methods a route can declare (API Gateway REST methods). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

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

/** Route options after validation, shared by every method of one `app.route` call. */
export interface NormalizedRouteOptions {
  methods: HttpMethod[];
  authorizer: AnyAuthorizer | string | undefined;
  apiKeyRequired: boolean;
  cors: CORSConfig | null;
  contentTypes: readonly string[];
  name: string | undefined;
}

const JSON_ONLY: readonly string[] = Object.freeze(['application/json']);

/**
 * Normalizes `app.route` options (defaults, upper-case methods). Outside production bundles every
 * mistake first throws `INVALID_ROUTE_OPTION` naming the route (see `checkRouteOptions`).
 */
export function normalizeRouteOptions(path: string, options: unknown): NormalizedRouteOptions {
  if (!globalThis.__CHALICE_TS_PROD__) checkRouteOptions(path, options);
  const o = options as RouteOptions;
  const methods: HttpMethod[] = [];
  for (const method of o.methods ?? ['GET']) methods.push(method.toUpperCase() as HttpMethod);
  return {
    methods,
    authorizer: o.authorizer,
    apiKeyRequired: o.apiKeyRequired ?? false,
    cors: o.cors === true ? new CORSConfig() : o.cors || null,
    contentTypes: o.contentTypes ? Object.freeze([...o.contentTypes]) : JSON_ONLY,
    name: o.name,
  };
}

/**
 * Chalice's `_matches_content_type`: true when `*\/*` is in the header or in `accepted`, or when one
 * of the header's `,`/`;`-separated parts is an accepted type (case-insensitive). Also used for
 * `Accept` headers against binary types.
 */
export function matchesContentType(contentType: string, accepted: readonly string[]): boolean {
  if (accepted.includes(contentType)) return true; // the common case, e.g. application/json on a default route
  const header = contentType.toLowerCase();
  if (header.includes('*/*')) return true;
  const parts: string[] = [];
  for (let start = 0, i = 0; i <= header.length; i++) {
    const c = header.charCodeAt(i);
    if (i === header.length || c === 44 || c === 59) {
      parts.push(header.slice(start, i).trim());
      start = i + 1;
    }
  }
  for (const type of accepted) {
    const lower = type.toLowerCase();
    if (lower === '*/*' || parts.includes(lower)) return true;
  }
  return false;
}
