import { type PathSegment, parseRoutePath } from './route-path.js';

/** The least a route needs to be matched: its resource path and HTTP method. */
export interface RoutableEntry {
  readonly path: string;
  readonly method: string;
}

/** A request matched to a route; `params` hold the raw (still URL-encoded) path values, as API Gateway passes them. */
export interface RouteMatch<R extends RoutableEntry> {
  readonly route: R;
  readonly params: Readonly<Record<string, string>>;
  readonly resourcePath: string;
}

/** The path names a resource, but not with this method. */
export interface MethodNotAllowed {
  readonly methodNotAllowed: true;
  readonly resourcePath: string;
  readonly allowedMethods: readonly string[];
}

interface Resource<R> {
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly methods: Map<string, R>;
}

const SLASH = 47; // '/'

const RANK = { literal: 0, param: 1, greedy: 2 } as const;

/**
 * Matches request paths to API Gateway REST resources with API Gateway's precedence: a literal
 * segment beats a `{param}`, which beats a greedy `{proxy+}`; the resource is chosen by path first,
 * then the method is looked up on it.
 *
 * @example
 * ```ts
 * const router = new Router(app.routes);
 * router.match('GET', '/users/42'); // { route, params: { id: '42' }, resourcePath: '/users/{id}' }
 * ```
 */
export class Router<R extends RoutableEntry> {
  readonly #resources: Resource<R>[] = [];

  constructor(routes: Iterable<R>) {
    const byPath = new Map<string, Resource<R>>();
    for (const route of routes) {
      let resource = byPath.get(route.path);
      if (!resource) {
        resource = { path: route.path, segments: parseRoutePath(route.path).segments, methods: new Map() };
        byPath.set(route.path, resource);
        this.#resources.push(resource);
      }
      resource.methods.set(route.method.toUpperCase(), route);
    }
    // Precedence is decided segment by segment from the left, so in this (stable) order the first
    // resource that matches a path is the one API Gateway picks. Two resources can match one path
    // only where their kinds differ at some segment before either ends (a greedy part is last).
    this.#resources.sort((a, b) => {
      for (let i = 0; i < a.segments.length && i < b.segments.length; i++) {
        const order = RANK[a.segments[i]!.kind] - RANK[b.segments[i]!.kind];
        if (order !== 0) return order;
      }
      return a.segments.length - b.segments.length; // a consistent order: prefixes first
    });
  }

  /** Finds the route for a request; `null` when no resource has this path. */
  match(method: string, path: string): RouteMatch<R> | MethodNotAllowed | null {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts =
      trimmed === '/' || trimmed === ''
        ? []
        : (trimmed.charCodeAt(0) === SLASH ? trimmed.slice(1) : trimmed).split('/');
    for (const resource of this.#resources) {
      const params = bind(resource.segments, parts);
      if (!params) continue;
      const route = resource.methods.get(method) ?? resource.methods.get(method.toUpperCase());
      if (!route) {
        return {
          methodNotAllowed: true,
          resourcePath: resource.path,
          allowedMethods: [...resource.methods.keys()],
        };
      }
      return { route, params, resourcePath: resource.path };
    }
    return null;
  }
}

/** The path values of `parts` for a resource, or `null` when the resource does not match them. */
function bind(segments: readonly PathSegment[], parts: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.kind === 'literal') {
      if (part !== segment.value) return null;
    } else if (segment.kind === 'param') {
      // An empty segment (`/users//posts`) names no value.
      if (part === '') return null;
      params[segment.name] = part;
    } else {
      const rest = parts.slice(i).join('/');
      if (rest === '') return null;
      params[segment.name] = rest;
      return params;
    }
  }
  return segments.length === parts.length ? params : null;
}

const cache = new WeakMap<readonly RoutableEntry[], Router<RoutableEntry>>();

/**
 * One-shot form of `Router#match` for a route table (the router is built once per table and cached).
 *
 * @example
 * ```ts
 * const hit = matchRoute(app.routes, 'GET', '/files/a/b.txt');
 * if (hit && 'route' in hit) console.log(hit.resourcePath, hit.params);
 * ```
 */
export function matchRoute<R extends RoutableEntry>(
  routes: readonly R[],
  method: string,
  path: string,
): RouteMatch<R> | MethodNotAllowed | null {
  let router = cache.get(routes) as Router<R> | undefined;
  if (!router) {
    router = new Router(routes);
    cache.set(routes, router as Router<RoutableEntry>);
  }
  return router.match(method, path);
}
