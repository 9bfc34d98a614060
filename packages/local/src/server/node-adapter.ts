import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRequest, GatewayResponse } from '../gateway/local-gateway.js';

/**
 * Headers from `rawHeaders`, keeping the client's spelling (API Gateway passes names as sent) and
 * every value of a repeated header; names differing only in case are one header.
 */
export function headersOf(req: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const spelling = new Map<string, string>();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    const key = spelling.get(lower);
    if (key === undefined) {
      spelling.set(lower, name);
      out[name] = [raw[i + 1]!];
    } else {
      out[key]!.push(raw[i + 1]!);
    }
  }
  return out;
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

/** The gateway request for an incoming HTTP request. */
export async function toGatewayRequest(req: IncomingMessage): Promise<GatewayRequest> {
  // Most requests (GET) have no body: skip the stream round-trip; node:http discards what is unread.
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
  const body = hasBody ? await readBody(req) : undefined;
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return {
    method: req.method ?? 'GET',
    path: requestPath(req.url ?? '/'),
    headers: headersOf(req),
    body,
    sourceIp: address.startsWith('::ffff:') ? address.slice(7) : address,
  };
}

/** Writes the gateway's answer: every header value, binary bodies decoded from base64. */
export function writeResponse(res: ServerResponse, response: GatewayResponse): void {
  const body = response.isBase64Encoded ? Buffer.from(response.body, 'base64') : response.body;
  // A flat [name, value, name, value, ...] list keeps every value of a repeated header.
  const flat: string[] = [];
  const multi = response.multiValueHeaders;
  for (const name in multi) for (const value of multi[name]!) flat.push(name, value);
  res.writeHead(response.statusCode, flat);
  res.end(body);
}
