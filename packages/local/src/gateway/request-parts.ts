import { DEFAULT_BINARY_TYPES } from '@chalice-ts/runtime';

/** Header values as a caller may give them (node:http style: repeated headers as arrays). */
export type HeaderInput = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Headers as API Gateway hands them on: last value per name, every value per name, and a lookup. */
export interface NormalizedHeaders {
  /** Original spelling, last value wins (API Gateway's `headers`); `null` when there are none. */
  readonly single: Record<string, string> | null;
  /** Original spelling, all values (API Gateway's `multiValueHeaders`); `null` when there are none. */
  readonly multi: Record<string, string[]> | null;
  /** Lower-cased names, last value; header names are case-insensitive (RFC 9110 §5.1). */
  readonly lower: Map<string, string>;
}

/**
 * Where a caller that already built the normalized views (the node:http adapter, while reading
 * `rawHeaders`) leaves them on the request it hands to the gateway, so they are not built twice.
 * A symbol key keeps them off the request's public shape; the arrays are then shared, so the
 * caller must not change them afterwards.
 */
export const NORMALIZED_HEADERS: unique symbol = Symbol('chalice-ts.normalizedHeaders');

/** A request that may carry its normalized headers (see {@link NORMALIZED_HEADERS}). */
export interface PreparedHeaders {
  readonly [NORMALIZED_HEADERS]?: NormalizedHeaders;
}

/** Splits caller headers into the three views the gateway needs. */
export function normalizeHeaders(input: HeaderInput | undefined): NormalizedHeaders {
  const lower = new Map<string, string>();
  if (input === undefined) return { single: null, multi: null, lower };
  let single: Record<string, string> | null = null;
  let multi: Record<string, string[]> | null = null;
  for (const name in input) {
    const value = input[name];
    if (value === undefined) continue;
    const values: string[] = typeof value === 'string' ? [value] : [...value];
    const last = values[values.length - 1];
    if (last === undefined) continue;
    single ??= {};
    multi ??= {};
    single[name] = last;
    multi[name] = values;
    lower.set(name.toLowerCase(), last);
  }
  return { single, multi, lower };
}

/** Query parameters as API Gateway hands them on; both maps `null` when there are none, as in AWS. */
export interface NormalizedQuery {
  readonly single: Record<string, string> | null;
  readonly multi: Record<string, string[]> | null;
}

const NO_QUERY: NormalizedQuery = { single: null, multi: null };

/**
 * Parses a raw query string (without `?`) and/or a query object; the object's values are added
 * after the string's. The last value of a repeated name is the single value, as in API Gateway.
 */
export function parseQuery(
  search: string,
  extra?: Readonly<Record<string, string | readonly string[] | undefined>>,
): NormalizedQuery {
  if (search === '' && extra === undefined) return NO_QUERY;
  const multi: Record<string, string[]> = {};
  let any = false;
  const add = (name: string, value: string) => {
    any = true;
    const list = multi[name];
    if (list === undefined) multi[name] = [value];
    else list.push(value);
  };
  if (search !== '') for (const [name, value] of new URLSearchParams(search)) add(name, value);
  if (extra !== undefined) {
    for (const name in extra) {
      const value = extra[name];
      if (value === undefined) continue;
      if (typeof value === 'string') add(name, value);
      else for (const v of value) add(name, v);
    }
  }
  if (!any) return NO_QUERY;
  const single: Record<string, string> = {};
  for (const name in multi) single[name] = multi[name]![multi[name]!.length - 1]!;
  return { single, multi };
}

// Chalice's default binary media types: API Gateway base64-encodes these request bodies.
const BINARY_TYPES = new Set(DEFAULT_BINARY_TYPES);

/**
 * Whether API Gateway would send a base64-encoded response to this request as binary: it "uses the
 * first Accept header from clients" (AWS docs, "Binary media types for REST APIs"), i.e. the first
 * media type of the first `Accept` value, which must be one of the binary media types.
 */
export function acceptsBinary(headers: NormalizedHeaders): boolean {
  let first: string | undefined;
  for (const name in headers.multi) {
    if (name.toLowerCase() === 'accept') {
      first = headers.multi[name]![0];
      break;
    }
  }
  if (first === undefined) return false;
  const media = first.split(',', 1)[0]!.split(';', 1)[0]!.trim().toLowerCase();
  return BINARY_TYPES.has(media);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request body as the proxy event carries it. */
export interface EventBody {
  readonly body: string | null;
  readonly isBase64Encoded: boolean;
}

const NO_BODY: EventBody = { body: null, isBase64Encoded: false };

/**
 * Encodes a request body for the proxy event: binary media types and bytes that are not valid
 * UTF-8 are base64-encoded (`isBase64Encoded: true`), text passes as a string, no body is `null`.
 */
export function eventBody(
  body: string | Uint8Array | null | undefined,
  contentType: string | undefined,
): EventBody {
  if (body === undefined || body === null || body.length === 0) return NO_BODY;
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  const binary = mediaType !== undefined && BINARY_TYPES.has(mediaType);
  if (typeof body === 'string') {
    return binary
      ? { body: Buffer.from(body).toString('base64'), isBase64Encoded: true }
      : { body, isBase64Encoded: false };
  }
  if (!binary) {
    try {
      return { body: utf8.decode(body), isBase64Encoded: false };
    } catch {
      // Not text: fall through to base64 so no byte is lost.
    }
  }
  return {
    body: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64'),
    isBase64Encoded: true,
  };
}
