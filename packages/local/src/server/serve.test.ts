import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Chalice, Response } from '@chalice-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalError } from '../errors.js';
import { seedApp } from '../gateway/fixtures/apps.js';
import { tableApp } from '../gateway/fixtures/table-app.js';
import { LocalGateway } from '../gateway/local-gateway.js';
import { type LocalServer, serve } from './serve.js';

const run = promisify(execFile);

/** Real curl: `-i` so the status line and headers come back with the body. */
async function curl(...args: string[]) {
  const { stdout } = await run('curl', ['-s', '-i', ...args]);
  const [head = '', ...rest] = stdout.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

describe('serve: the seed walkthrough over real HTTP', () => {
  let server: LocalServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await serve(seedApp(), { port: 0, logger: (l) => lines.push(l) });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 at the root, without a stage prefix', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers 401 without an Authorization header (fetch)', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.text()).toBe('{"message":"Unauthorized"}');
  });

  it('answers 200 with context.authorizer.principalId for Authorization: allow (curl)', async () => {
    const res = await curl(`${server.url}/`, '-H', 'Authorization: allow');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).context.authorizer.principalId).toBe('user');
    expect(JSON.parse(res.body).context.identity.userAgent).toMatch(/^curl\//);
  });

  it('answers 403 for any other token (curl)', async () => {
    const res = await curl(`${server.url}/`, '-H', 'Authorization: deny');
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(res.body).toBe('{"Message":"User is not authorized to access this resource"}');
  });

  it('logs one line per request without the token', () => {
    expect(lines.some((l) => /^GET \/ 200 demo_auth allow cache=(miss|hit) /.test(l))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/Authorization/i);
  });
});

describe('serve: every row of the decision table over HTTP', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await serve(tableApp(), { port: 0, logger: () => {} });
  });
  afterAll(() => server.close());

  it.each([
    ['/', {}, 401, 'UnauthorizedException', '{"message":"Unauthorized"}'],
    ['/unauthorized', { Authorization: 't' }, 401, 'UnauthorizedException', '{"message":"Unauthorized"}'],
    [
      '/other',
      { Authorization: 'allow' },
      403,
      'AccessDeniedException',
      '{"Message":"User is not authorized to access this resource"}',
    ],
    [
      '/explicit',
      { Authorization: 't' },
      403,
      'AccessDeniedException',
      '{"Message":"User is not authorized to access this resource with an explicit deny"}',
    ],
    ['/bad-ctx', { Authorization: 't' }, 500, 'AuthorizerConfigurationException', '{"message":null}'],
    ['/boom', { Authorization: 't' }, 500, 'AuthorizerConfigurationException', '{"message":null}'],
    ['/custom-none', { Authorization: 't' }, 500, 'AuthorizerConfigurationException', '{"message":null}'],
    [
      '/nowhere',
      {},
      403,
      'MissingAuthenticationTokenException',
      '{"message":"Missing Authentication Token"}',
    ],
  ])(
    'GET %s answers with API Gateway’s error (fetch and curl agree)',
    async (path, headers, status, type, body) => {
      const viaFetch = await fetch(`${server.url}${path}`, { headers });
      expect([viaFetch.status, viaFetch.headers.get('x-amzn-errortype'), await viaFetch.text()]).toEqual([
        status,
        type,
        body,
      ]);
      const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
      const viaCurl = await curl(`${server.url}${path}`, ...headerArgs);
      expect([viaCurl.status, viaCurl.headers['x-amzn-errortype'], viaCurl.body]).toEqual([
        status,
        type,
        body,
      ]);
    },
  );

  it('answers a CORS preflight without authorization (curl -X OPTIONS)', async () => {
    const res = await curl('-X', 'OPTIONS', `${server.url}/cors`);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-methods']).toBe('GET,POST,OPTIONS');
  });

  it('passes query strings and repeated headers to a REQUEST authorizer', async () => {
    const res = await fetch(`${server.url}/key?token=abc`, { headers: { 'X-Api-Key': 'k1' } });
    expect(res.status).toBe(200);
    const data = (await res.json()) as { context: { authorizer: unknown } };
    expect(data.context.authorizer).toEqual({ token: 'abc', principalId: 'key-user' });
  });
});

describe('serve: bodies', () => {
  it('round-trips a binary body byte for byte (curl --data-binary)', async () => {
    const app = new Chalice({ appName: 'bin' });
    app.route(
      '/echo',
      { methods: ['POST'], contentTypes: ['application/octet-stream'] },
      (request) =>
        new Response({ body: request.rawBody, headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    const server = await serve(app, { port: 0, logger: () => {} });
    const dir = mkdtempSync(join(tmpdir(), 'chalice-ts-bin-'));
    try {
      const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 10, 13]);
      writeFileSync(join(dir, 'in.bin'), bytes);
      await run('curl', [
        '-s',
        '-o',
        join(dir, 'out.bin'),
        '-H',
        'Content-Type: application/octet-stream',
        // API Gateway sends binary only to a request whose first Accept type is binary.
        '-H',
        'Accept: application/octet-stream',
        '--data-binary',
        `@${join(dir, 'in.bin')}`,
        `${server.url}/echo`,
      ]);
      expect(readFileSync(join(dir, 'out.bin'))).toEqual(bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await server.close();
    }
  });
});

describe('serve: response framing and request headers', () => {
  let server: LocalServer;
  beforeAll(async () => {
    const app = new Chalice({ appName: 'framing' });
    app.route('/json', () => ({ word: 'héllo' }));
    app.route('/empty', () => new Response({ statusCode: 204, body: 'ignored' }));
    app.route('/own', () => new Response({ body: 'abc', headers: { 'content-length': '3' } }));
    app.route('/headers', (request) => ({
      multi: request.event.multiValueHeaders,
      single: request.event.headers,
    }));
    server = await serve(app, { port: 0, logger: () => {} });
  });
  afterAll(() => server.close());

  it.each([
    ['/json', 200, String(Buffer.byteLength('{"word":"héllo"}'))],
    ['/own', 200, '3'],
    ['/nowhere', 403, String(Buffer.byteLength('{"message":"Missing Authentication Token"}'))],
  ])('states the byte length of %s (%i) as API Gateway does, not chunked', async (path, status, length) => {
    const res = await curl(`${server.url}${path}`);
    expect([res.status, res.headers['content-length'], res.headers['transfer-encoding']]).toEqual([
      status,
      length,
      undefined,
    ]);
  });

  it('sends no Content-Length and no body with a 204', async () => {
    const res = await curl(`${server.url}/empty`);
    expect([res.status, res.headers['content-length'], res.body]).toEqual([204, undefined, '']);
  });

  it('merges header names differing only in case under the first spelling, every value kept', async () => {
    const res = await curl(`${server.url}/headers`, '-H', 'X-Tag: a', '-H', 'x-tag: b');
    const data = JSON.parse(res.body) as { multi: Record<string, string[]>; single: Record<string, string> };
    expect([data.multi['X-Tag'], data.single['X-Tag'], data.multi['x-tag']]).toEqual([
      ['a', 'b'],
      'b',
      undefined,
    ]);
  });
});

describe('serve: startup', () => {
  it('says which port is in use and what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const failure = await serve(seedApp(), { port, logger: () => {} }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(LocalError);
      expect(failure).toMatchObject({
        code: 'PORT_IN_USE',
        message: `port ${port} is in use on 127.0.0.1; pass --port`,
      });
    } finally {
      blocker.close();
    }
  });

  it('serves an existing gateway, sharing its cache and counters', async () => {
    const gateway = new LocalGateway(seedApp(), { logger: () => {} });
    const server = await serve(gateway, { port: 0 });
    try {
      await fetch(`${server.url}/`, { headers: { Authorization: 'allow' } });
      await fetch(`${server.url}/`, { headers: { Authorization: 'allow' } });
      expect(gateway.authorizerCalls('demo_auth')).toBe(1);
    } finally {
      await server.close();
    }
  });
});
