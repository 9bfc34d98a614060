/** A request body: text, bytes, or any other value, sent as JSON. */
export type RequestBody = string | Uint8Array | null | undefined | object | number | boolean;

/** Header values as a client sends them; repeated headers as arrays. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The body on the wire and the headers to send with it. */
export interface EncodedBody {
  body: string | Uint8Array | null;
  headers: RequestHeaders;
}

/**
 * Turns a request body into what goes on the wire: strings and bytes as they are; any other
 * value as JSON, with `Content-Type: application/json` unless the caller set a content type. The
 * HTTP client and the SigV4 signer both use this, so a signed body is the body sent.
 */
export function encodeBody(body: RequestBody, headers: RequestHeaders = {}): EncodedBody {
  if (body === undefined || body === null) return { body: null, headers };
  if (typeof body === 'string' || body instanceof Uint8Array) return { body, headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  return {
    body: JSON.stringify(body),
    headers: hasType ? headers : { ...headers, 'Content-Type': 'application/json' },
  };
}
