/** One decoded query parameter. */
export interface QueryParam {
  readonly key: string;
  readonly value: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` is kept literally; the signature check then decides.
    return text;
  }
}

/** Splits a raw query string (`a=1&b=x%2Fy&flag`) into decoded parameters, in order. */
export function parseQuery(raw: string): QueryParam[] {
  const params: QueryParam[] = [];
  for (const piece of raw.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = eq === -1 ? piece : piece.slice(0, eq);
    const value = eq === -1 ? '' : piece.slice(eq + 1);
    params.push({ key: decode(key), value: decode(value) });
  }
  return params;
}

/** The parameters as the query bag `@smithy/signature-v4` canonicalizes (repeated keys -> arrays). */
export function toQueryBag(params: readonly QueryParam[]): Record<string, string | string[]> {
  const bag: Record<string, string | string[]> = Object.create(null);
  for (const { key, value } of params) {
    const prev = bag[key];
    if (prev === undefined) bag[key] = value;
    else bag[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return bag;
}

/** The raw query string minus every `name=` parameter (the presigned signature itself). */
export function rawQueryWithout(raw: string, name: string): string {
  return raw
    .split('&')
    .filter((piece) => piece !== '' && decode(piece.split('=')[0] ?? '') !== name)
    .join('&');
}

/** First value of a parameter, if present. */
export function queryValue(params: readonly QueryParam[], key: string): string | undefined {
  return params.find((p) => p.key === key)?.value;
}
