import { ChaliceRuntimeError } from '../errors/runtime-error.js';
import { type ParsedRoutePath, parseRoutePath } from '../routing/route-path.js';
import type { RouteEntry } from './route-entry.js';

function handlerLabel(entry: Pick<RouteEntry, 'name' | 'handler'>): string {
  return JSON.stringify(entry.name || entry.handler.name || '(anonymous)');
}

const segmentKey = (segment: ParsedRoutePath['segments'][number]): string =>
  segment.kind === 'literal'
    ? `/${segment.value}`
    : `{${segment.name}${segment.kind === 'param' ? '' : '+'}}`;

/**
 * The app's routes, checked as they are added against the rules API Gateway enforces on deploy
 * (so mistakes surface at registration, not at `chalice-ts deploy`).
 */
export class RouteTable {
  readonly #paths = new Map<string, ParsedRoutePath>();
  readonly #byResource = new Map<string, Map<string, RouteEntry>>();
  #snapshot: readonly RouteEntry[] = Object.freeze([]);

  /** Every route, in registration order (a new frozen array after each change). */
  get entries(): readonly RouteEntry[] {
    return this.#snapshot;
  }

  /** Routes by resource path then method: what `app.handler` dispatches on. */
  get byResource(): ReadonlyMap<string, ReadonlyMap<string, RouteEntry>> {
    return this.#byResource;
  }

  /** Validates the path (and its siblings) before any entry of a route is added. */
  checkPath(path: string): ParsedRoutePath {
    const parsed = this.#paths.get(path) ?? parseRoutePath(path);
    if (!globalThis.__CHALICE_TS_PROD__)
      for (const other of this.#paths.values()) conflictingVariable(parsed, other);
    return parsed;
  }

  /** Adds the entries of one `app.route` call (one path, from `checkPath`): all of them, or (on any error) none. */
  addAll(entries: readonly RouteEntry[], parsed: ParsedRoutePath): void {
    if (!globalThis.__CHALICE_TS_PROD__) for (const entry of entries) checkEntry(this.#byResource, entry);
    this.#paths.set(parsed.path, parsed);
    for (const entry of entries) {
      let methods = this.#byResource.get(entry.path);
      if (!methods) this.#byResource.set(entry.path, (methods = new Map()));
      methods.set(entry.method, entry);
    }
    this.#snapshot = Object.freeze(this.#snapshot.concat(entries));
  }
}

// Registration-time checks (dropped from production bundles: docs/decisions/0002-production-bundles.md).
function checkEntry(
  byResource: ReadonlyMap<string, ReadonlyMap<string, RouteEntry>>,
  entry: RouteEntry,
): void {
  const methods = byResource.get(entry.path);
  const existing = methods?.get(entry.method);
  if (existing) {
    throw new ChaliceRuntimeError(
      'DUPLICATE_ROUTE',
      `Duplicate method ${entry.method} on route ${JSON.stringify(entry.path)}: it is already handled by ` +
        `${handlerLabel(existing)}, so ${handlerLabel(entry)} cannot register it too. ` +
        'A method may be registered only once per path.',
    );
  }
  if (entry.cors && methods) {
    for (const sibling of methods.values()) {
      if (sibling.cors && JSON.stringify(sibling.cors.headers()) !== JSON.stringify(entry.cors.headers())) {
        throw new ChaliceRuntimeError(
          'INVALID_ROUTE_OPTION',
          `Route ${JSON.stringify(entry.path)}: ${entry.method} and ${sibling.method} use different CORS configs; ` +
            'API Gateway answers the preflight once per path, so routes on one path must share one CORS config.',
        );
      }
    }
  }
}

// API Gateway allows one variable part ({x} or {x+}) among the children of a resource.
function conflictingVariable(a: ParsedRoutePath, b: ParsedRoutePath): void {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const sa = a.segments[i]!;
    const sb = b.segments[i]!;
    const ka = segmentKey(sa);
    const kb = segmentKey(sb);
    if (ka === kb) continue;
    if (sa.kind !== 'literal' && sb.kind !== 'literal') {
      throw new ChaliceRuntimeError(
        'INVALID_ROUTE',
        `Route ${JSON.stringify(a.path)} conflicts with ${JSON.stringify(b.path)}: ${ka} and ${kb} are siblings, ` +
          'and API Gateway allows only one variable path part per level. Use the same parameter name.',
      );
    }
    return;
  }
}
