import { parseRoutePath } from './route-path.js';

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

interface Node<R> {
  literals: Map<string, Node<R>>;
  param?: { name: string; node: Node<R> };
  greedy?: { name: string; node: Node<R> };
  resourcePath?: string;
  methods: Map<string, R>;
}

const SLASH = 47; // '/'

const newNode = <R>(): Node<R> => ({ literals: new Map(), methods: new Map() });

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
  readonly #root: Node<R> = newNode();

  constructor(routes: Iterable<R>) {
    for (const route of routes) this.#add(route);
  }

  #add(route: R): void {
    let node = this.#root;
    for (const segment of parseRoutePath(route.path).segments) {
      if (segment.kind === 'literal') {
        let next = node.literals.get(segment.value);
        if (!next) {
          next = newNode();
          node.literals.set(segment.value, next);
        }
        node = next;
      } else {
        const slot = segment.kind;
        node[slot] ??= { name: segment.name, node: newNode() };
        node = node[slot].node;
      }
    }
    node.resourcePath = route.path;
    node.methods.set(route.method.toUpperCase(), route);
  }

  /** Finds the route for a request; `null` when no resource has this path. */
  match(method: string, path: string): RouteMatch<R> | MethodNotAllowed | null {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts =
      trimmed === '/' || trimmed === ''
        ? []
        : (trimmed.charCodeAt(0) === SLASH ? trimmed.slice(1) : trimmed).split('/');
    const params: Record<string, string> = {};
    const node = find(this.#root, parts, 0, params);
    if (!node || node.resourcePath === undefined) return null;
    const route = node.methods.get(method) ?? node.methods.get(method.toUpperCase());
    if (!route) {
      return {
        methodNotAllowed: true,
        resourcePath: node.resourcePath,
        allowedMethods: [...node.methods.keys()],
      };
    }
    return { route, params, resourcePath: node.resourcePath };
  }
}

function find<R>(node: Node<R>, parts: string[], i: number, params: Record<string, string>): Node<R> | null {
  if (i === parts.length) return node.resourcePath !== undefined ? node : null;
  const part = parts[i]!;
  const literal = node.literals.get(part);
  const viaLiteral = literal && find(literal, parts, i + 1, params);
  if (viaLiteral) return viaLiteral;
  if (node.param && part !== '') {
    const found = find(node.param.node, parts, i + 1, params);
    if (found) {
      params[node.param.name] = part;
      return found;
    }
  }
  if (node.greedy && node.greedy.node.resourcePath !== undefined) {
    const rest = parts.slice(i).join('/');
    if (rest !== '') {
      params[node.greedy.name] = rest;
      return node.greedy.node;
    }
  }
  return null;
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
