import { type Clock, systemClock } from './clock.js';

/** Options for {@link AuthorizerCache}. */
export interface AuthorizerCacheOptions {
  /** Time source (ms). Defaults to the wall clock. */
  clock?: Clock;
  /** Upper bound on entries; the least recently used one is dropped beyond it. Default 10,000. */
  maxEntries?: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  /** The lookup answer, built (and frozen) once per entry rather than per hit. */
  hit: { readonly hit: true; readonly value: V };
}

/** What a lookup found: the cached value, or nothing (never cached, expired or evicted). */
export type CacheLookup<V> = { hit: true; value: V } | { hit: false };

const MISS = { hit: false } as const;

/**
 * API Gateway's authorizer result cache: one entry per (authorizer name, identity value), kept for
 * the authorizer's `ttl_seconds`. A TTL of 0 disables caching for that authorizer, as in AWS.
 * Bounded in size (least recently used entries go first) so a stream of distinct tokens cannot
 * grow memory without limit.
 *
 * @example
 * ```ts
 * const cache = new AuthorizerCache<Policy>({ clock });
 * cache.set('demo_auth', 'allow', policy, 300);
 * cache.get('demo_auth', 'allow'); // { hit: true, value: policy } for the next 300 s
 * ```
 */
export class AuthorizerCache<V> {
  readonly #clock: Clock;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Entry<V>>();
  /** The most recently used entry: a hit on it needs no re-ordering (the hot path of one token). */
  #mru: Entry<V> | undefined;

  constructor(options: AuthorizerCacheOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  }

  /** Number of entries currently held (expired ones included until they are looked up). */
  get size(): number {
    return this.#entries.size;
  }

  /** Looks up a live entry; an expired one is removed and reported as a miss. */
  get(authorizer: string, identity: string): CacheLookup<V> {
    const key = this.#keyOf(authorizer, identity);
    const entry = this.#entries.get(key);
    if (entry === undefined) return MISS;
    if (this.#clock.now() >= entry.expiresAt) {
      this.#entries.delete(key);
      if (this.#mru === entry) this.#mru = undefined;
      return MISS;
    }
    // Re-insert so that Map order stays least-recently-used first. Already last: nothing to move, and
    // skipping the delete/set spares the Map the tombstones that force it to rehash every few hits.
    if (this.#mru !== entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      this.#mru = entry;
    }
    return entry.hit;
  }

  /** Stores `value` for `ttlSeconds`; a TTL of 0 (or less) stores nothing. */
  set(authorizer: string, identity: string, value: V, ttlSeconds: number): void {
    if (!(ttlSeconds > 0)) return;
    const key = cacheKey(authorizer, identity);
    this.#entries.delete(key);
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
    const entry: Entry<V> = {
      value,
      expiresAt: this.#clock.now() + ttlSeconds * 1000,
      hit: Object.freeze({ hit: true as const, value }),
    };
    this.#entries.set(key, entry);
    this.#mru = entry;
  }

  // The key of the previous lookup is reused when the same token comes again (the common case), so
  // the Map sees the same string, already hashed, instead of a fresh concatenation each time.
  #lastAuthorizer = '';
  #lastIdentity = '';
  #lastKey = cacheKey('', '');

  #keyOf(authorizer: string, identity: string): string {
    if (identity !== this.#lastIdentity || authorizer !== this.#lastAuthorizer) {
      this.#lastAuthorizer = authorizer;
      this.#lastIdentity = identity;
      this.#lastKey = cacheKey(authorizer, identity);
    }
    return this.#lastKey;
  }

  /** Forgets everything (e.g. after the app is reloaded). */
  clear(): void {
    this.#entries.clear();
    this.#mru = undefined;
  }
}

// NUL cannot occur in an HTTP header value, so the pair is unambiguous.
function cacheKey(authorizer: string, identity: string): string {
  return authorizer + '\u0000' + identity;
}
