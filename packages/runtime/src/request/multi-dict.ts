type Source = Readonly<Record<string, string | undefined>> | null | undefined;
type MultiSource = Readonly<Record<string, readonly string[] | undefined>> | null | undefined;

/**
 * A read-only multi-value map built from API Gateway's `headers`/`multiValueHeaders` (or the query
 * string equivalents). `get` returns the last value, like API Gateway's single-value fields;
 * `getAll` returns every value. Header maps compare names case-insensitively.
 *
 * @example
 * ```ts
 * request.headers.get('authorization'); // same as get('Authorization')
 * request.query.getAll('tag');          // ['a', 'b'] for ?tag=a&tag=b
 * ```
 */
export class MultiDict {
  /** Key (lower-cased for headers) -> the name as first sent, and every value in order. */
  readonly #map = new Map<string, [name: string, values: string[]]>();
  readonly #caseInsensitive: boolean;

  constructor(single: Source, multi: MultiSource, options: { caseInsensitive: boolean }) {
    this.#caseInsensitive = options.caseInsensitive;
    // multiValue* fields hold every value when present; the single-value fields only the last one.
    if (multi)
      for (const name of Object.keys(multi)) for (const value of multi[name] ?? []) this.#add(name, value);
    if (single) {
      for (const name of Object.keys(single)) {
        const value = single[name];
        if (value !== undefined && value !== null && !this.has(name)) this.#add(name, value);
      }
    }
  }

  #key(name: string): string {
    return this.#caseInsensitive ? name.toLowerCase() : name;
  }

  #add(name: string, value: string): void {
    const key = this.#key(name);
    const entry = this.#map.get(key);
    if (entry) entry[1].push(value);
    else this.#map.set(key, [name, [value]]);
  }

  /** The last value for `name`, or `undefined`. */
  get(name: string): string | undefined {
    return this.#map.get(this.#key(name))?.[1].at(-1);
  }

  /** Every value for `name`, in order (empty when absent). */
  getAll(name: string): string[] {
    return [...(this.#map.get(this.#key(name))?.[1] ?? [])];
  }

  has(name: string): boolean {
    return this.#map.has(this.#key(name));
  }

  get size(): number {
    return this.#map.size;
  }

  /** Names as they were first sent. */
  keys(): string[] {
    return [...this.#map.values()].map((entry) => entry[0]);
  }

  /** `[name, lastValue]` pairs. */
  entries(): [string, string][] {
    return [...this.#map.values()].map(([name, values]) => [name, values.at(-1)!]);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()[Symbol.iterator]();
  }

  /** A plain `{ name: lastValue }` object (what `JSON.stringify` prints). */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.entries());
  }
}
