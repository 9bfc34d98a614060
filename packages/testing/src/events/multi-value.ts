type StringMap = Record<string, string | undefined>;

/** `{ a: '1' }` -> `{ a: ['1'] }`: the multi-value form API Gateway sends next to a single-value map. */
export function toMultiValue(map: StringMap | null | undefined): Record<string, string[]> | null {
  if (map === null || map === undefined) return null;
  const out: Record<string, string[]> = {};
  for (const name in map) {
    const value = map[name];
    if (value !== undefined) out[name] = [value];
  }
  return out;
}
