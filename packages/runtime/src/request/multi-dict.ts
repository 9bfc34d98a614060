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
  readonly #values = new Map<string, string[]>();
  readonly #names = new Map<string, string>();
  readonly #caseInsensitive: boolean;

  constructor(single: Source, multi: MultiSource, options: { caseInsensitive: boolean }) {
    this.#caseInsensitive = options.caseInsensitive;
    // multiValue* fields hold every value when present; the single-value fields only the last one.
    if (multi) {
      for (const name of Object.keys(multi)) {
        const values = multi[name];
        if (values) for (const value of values) this.#append(name, value);
      }
    }
    if (single) {
      for (const name of Object.keys(single)) {
        const value = single[name];
        if (value !== undefined && value !== null && !this.#values.has(this.#key(name)))
          this.#append(name, value);
      }
    }
  }

  #key(name: string): string {
    return this.#caseInsensitive ? name.toLowerCase() : name;
  }

  #append(name: string, value: string): void {
    const key = this.#key(name);
    const list = this.#values.get(key);
    if (list) list.push(value);
    else {
      this.#values.set(key, [value]);
      this.#names.set(key, name);
    }
  }

  /** The last value for `name`, or `undefined`. */
  get(name: string): string | undefined {
    const list = this.#values.get(this.#key(name));
    return list?.[list.length - 1];
  }

  /** Every value for `name`, in order (empty when absent). */
  getAll(name: string): string[] {
    return [...(this.#values.get(this.#key(name)) ?? [])];
  }

  has(name: string): boolean {
    return this.#values.has(this.#key(name));
  }

  get size(): number {
    return this.#values.size;
  }

  /** Names as they were first sent. */
  keys(): string[] {
    return [...this.#names.values()];
  }

  /** `[name, lastValue]` pairs. */
  entries(): [string, string][] {
    return [...this.#values].map(([key, list]) => [this.#names.get(key)!, list[list.length - 1]!]);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()[Symbol.iterator]();
  }

  /** A plain `{ name: lastValue }` object (what `JSON.stringify` prints). */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.entries());
  }
}
