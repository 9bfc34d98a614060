import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRequest, GatewayResponse } from '../gateway/local-gateway.js';
import {
  NORMALIZED_HEADERS,
  type NormalizedHeaders,
  type PreparedHeaders,
} from '../gateway/request-parts.js';

/** The headers of one request, read in a single pass over `rawHeaders`. */
export interface RequestHead {
  readonly headers: NormalizedHeaders;
  /** A `Content-Length` other than 0 or any `Transfer-Encoding`: there is a body to read. */
  readonly hasBody: boolean;
}

/**
 * Headers from `rawHeaders`, keeping the client's spelling (API Gateway passes names as sent) and
 * every value of a repeated header; names differing only in case are one header. Builds the
 * gateway's three views at once so that the request is not normalized a second time.
 */
export function readHead(raw: readonly string[]): RequestHead {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  const lower = new Map<string, string>();
  let hasBody = false;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const key = name.toLowerCase();
    if (key === 'transfer-encoding' || (key === 'content-length' && value !== '0')) hasBody = true;
    if (!lower.has(key)) {
      multi[name] = [value];
      single[name] = value;
    } else {
      // A repeated header (rare) joins the first spelling seen.
      const first = firstSpelling(multi, key);
      multi[first]!.push(value);
      single[first] = value;
    }
    lower.set(key, value);
  }
  const any = lower.size > 0;
  return { headers: { single: any ? single : null, multi: any ? multi : null, lower }, hasBody };
}

function firstSpelling(multi: Record<string, string[]>, key: string): string {
  for (const name in multi) if (name.toLowerCase() === key) return name;
  return key;
}

/** Reads the whole request body; `undefined` when there is none. */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      resolve(chunks.length === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/**
 * The origin-form target (`/path?query`). An absolute-form target (`GET http://host/path`) must be
 * accepted and routed by its path (RFC 9112 §3.2.2).
 */
export function requestPath(target: string): string {
  if (target.startsWith('/')) return target;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (scheme === null) return target;
  const rest = target.slice(scheme[0].length);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/**
 * The gateway request for an incoming HTTP request, without its body: `hasBody` says whether one
 * must still be read (most requests, GETs, have none and skip the stream round-trip).
 */
export function gatewayRequestOf(req: IncomingMessage): { request: GatewayRequest; hasBody: boolean } {
  const head = readHead(req.rawHeaders);
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  const request: GatewayRequest & PreparedHeaders = {
    method: req.method ?? 'GET',
    path: requestPath(req.url ?? '/'),
    headers: head.headers.multi ?? {},
    body: undefined,
    sourceIp: address.startsWith('::ffff:') ? address.slice(7) : address,
    [NORMALIZED_HEADERS]: head.headers,
  };
  return { request, hasBody: head.hasBody };
}

/** The gateway request for an incoming HTTP request, body included. */
export async function toGatewayRequest(req: IncomingMessage): Promise<GatewayRequest> {
  const { request, hasBody } = gatewayRequestOf(req);
  // node:http discards what is left unread.
  if (hasBody) request.body = await readBody(req);
  return request;
}

/**
 * Writes the gateway's answer: every header value, binary bodies decoded from base64. Like API
 * Gateway, it states the body's `Content-Length` (no chunked framing) unless the app set its own
 * framing header or the status has no body (1xx, 204, 304; RFC 9110 §8.6).
 */
export function writeResponse(res: ServerResponse, response: GatewayResponse): void {
  const body = response.isBase64Encoded ? Buffer.from(response.body, 'base64') : response.body;
  // A flat [name, value, name, value, ...] list keeps every value of a repeated header.
  const flat: string[] = [];
  let framed = false;
  const multi = response.multiValueHeaders;
  for (const name in multi) {
    if (name.length === 14 || name.length === 17) framed ||= isFramingHeader(name);
    for (const value of multi[name]!) flat.push(name, value);
  }
  const status = response.statusCode;
  if (!framed && status >= 200 && status !== 204 && status !== 304) {
    flat.push('Content-Length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
  }
  res.writeHead(status, flat);
  res.end(body);
}

function isFramingHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'content-length' || lower === 'transfer-encoding';
}
