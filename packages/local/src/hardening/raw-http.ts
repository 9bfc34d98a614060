import { connect } from 'node:net';

/** A response as read off the socket: status and lower-cased headers (last value wins). */
export interface RawResponse {
  status: number;
  headers: Map<string, string>;
}

/** A request written byte for byte: method, request-target and header lines exactly as given. */
export interface RawRequest {
  host: string;
  port: number;
  method: string;
  target: string;
  headers: ReadonlyArray<readonly [string, string]>;
  timeoutMs?: number;
}

/**
 * Sends one HTTP/1.1 request over a plain TCP socket, so nothing normalizes it on the way: no
 * path cleaning (fetch), no method upper-casing and no header validation (node:http's client).
 * Values are written as UTF-8; a value containing CRLF + SP goes out as an obs-fold.
 *
 * @example
 * ```ts
 * const res = await sendRaw({ host: '127.0.0.1', port, method: 'get', target: '/a/../b', headers: [] });
 * res.status; // whatever the server answered
 * ```
 */
export function sendRaw(request: RawRequest): Promise<RawResponse> {
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  if (!request.headers.some(([name]) => name.toLowerCase() === 'host'))
    lines.push(`Host: ${request.host}:${request.port}`);
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  lines.push('Connection: close', '', '');
  const bytes = Buffer.from(lines.join('\r\n'), 'utf8');

  return new Promise((resolve, reject) => {
    const socket = connect({ host: request.host, port: request.port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) return reject(error);
      const parsed = parseHead(Buffer.concat(chunks));
      if (parsed === null) reject(new Error('no HTTP response head received'));
      else resolve(parsed);
    };
    socket.setTimeout(request.timeoutMs ?? 5_000, () => finish(new Error('timed out')));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    // The server may answer (400/431) and close before reading everything we send.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? finish() : finish(error),
    );
    socket.end(bytes);
  });
}

function parseHead(data: Buffer): RawResponse | null {
  const text = data.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!match) return null;
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(match[1]), headers };
}
