/** Response headers: a plain record with lower-cased names, read case-insensitively. */
export type ResponseHeaders = Readonly<Record<string, string>>;

/**
 * Builds the headers of a test response: names lower-cased (repeated headers joined with `, `,
 * as `fetch` does), looked up in any case — `headers['Content-Type']` and
 * `headers['content-type']` are the same value. `Object.keys` lists the lower-cased names.
 */
export function responseHeaders(
  single: Readonly<Record<string, string>> | undefined,
  multi: Readonly<Record<string, readonly string[]>> | undefined,
): ResponseHeaders {
  const lower: Record<string, string> = {};
  if (multi !== undefined) {
    for (const name in multi) {
      const values = multi[name];
      if (values !== undefined && values.length > 0) lower[name.toLowerCase()] = values.join(', ');
    }
  }
  if (single !== undefined) {
    for (const name in single) {
      const key = name.toLowerCase();
      if (lower[key] === undefined && single[name] !== undefined) lower[key] = single[name]!;
    }
  }
  return new Proxy(lower, {
    get: (target, prop) => (typeof prop === 'string' ? target[prop.toLowerCase()] : undefined),
    has: (target, prop) => typeof prop === 'string' && prop.toLowerCase() in target,
    getOwnPropertyDescriptor: (target, prop) =>
      typeof prop === 'string' ? Object.getOwnPropertyDescriptor(target, prop.toLowerCase()) : undefined,
    set: () => false,
    deleteProperty: () => false,
  });
}
