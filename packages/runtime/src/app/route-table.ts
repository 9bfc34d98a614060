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

/** One `app.route` call. */
interface RouteCall {
  readonly path: string;
  /** Production bundles: builds the entries when first needed. */
  readonly build?: () => readonly RouteEntry[];
  entries?: readonly RouteEntry[];
}

/**
 * The app's routes, checked as they are added against the rules API Gateway enforces on deploy
 * (so mistakes surface at registration, not at `chalice-ts deploy`).
 */
export class RouteTable {
  readonly #paths = new Map<string, ParsedRoutePath>();
  readonly #byResource = new Map<string, Map<string, RouteEntry>>();
  /** Every `app.route` call, in registration order. */
  readonly #calls: RouteCall[] = [];
  #unbuilt = 0;
  #snapshot: readonly RouteEntry[] = Object.freeze([]);
  #stale = false;

  /** Every route, in registration order (a new frozen array after each change). */
  get entries(): readonly RouteEntry[] {
    if (this.#stale) {
      this.#buildAll();
      this.#snapshot = Object.freeze(this.#calls.flatMap((call) => call.entries!));
      this.#stale = false;
    }
    return this.#snapshot;
  }

  /** The routes of one resource path by method: what `app.handler` dispatches on. */
  methodsFor(resource: string): ReadonlyMap<string, RouteEntry> | undefined {
    if (this.#unbuilt > 0) for (const call of this.#calls) if (call.path === resource) this.#build(call);
    return this.#byResource.get(resource);
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
    if (!globalThis.__CHALICE_TS_PROD__) {
      this.#buildAll(); // only when production and checked registrations are mixed (tests)
      for (const entry of entries) checkEntry(this.#byResource, entry);
    }
    this.#paths.set(parsed.path, parsed);
    this.#index(entries);
    this.#calls.push({ path: parsed.path, entries });
    this.#stale = true;
  }

  /**
   * Production bundles: records an `app.route` call to build when its resource is first dispatched
   * (or `entries` is read), so a cold start builds only what it serves. Nothing in `build` can
   * throw there: the registration-time checks are compiled out.
   */
  defer(path: string, build: () => readonly RouteEntry[]): void {
    this.#calls.push({ path, build });
    this.#unbuilt++;
    this.#stale = true;
  }

  #buildAll(): void {
    if (this.#unbuilt > 0) for (const call of this.#calls) this.#build(call);
  }

  #build(call: RouteCall): void {
    if (call.entries) return;
    call.entries = call.build!();
    this.#unbuilt--;
    this.#index(call.entries);
  }

  #index(entries: readonly RouteEntry[]): void {
    for (const entry of entries) {
      const methods = this.#byResource.get(entry.path);
      if (methods) methods.set(entry.method, entry);
      else this.#byResource.set(entry.path, new Map([[entry.method, entry]]));
    }
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
