import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '../gateway/local-gateway.js';
import type { GatewayLogger } from '../log/request-log.js';
import { type LocalServer, serve } from '../server/serve.js';
import { corpusApp, HANDLER_HEADER } from './corpus-app.js';
import { sendRaw } from './raw-http.js';

// Failures found by the adversarial corpus (hardening/corpus.jsonl), one test per bug, named after
// what breaks. They fail until the gateway/server is fixed; see the corpus ids in each name.
const silent: GatewayLogger = { info: () => {}, warn: () => {}, error: () => {} };

describe('LocalGateway regressions found by the corpus', () => {
  const gateway = new LocalGateway(corpusApp(), { logger: silent });

  // case-023..031, case-037: RFC 9110 §9.1 method tokens are case-sensitive; API Gateway has no
  // `get` method, so the request matches no method. The gateway upper-cases it and runs the handler.
  it.each([
    ['get', '/health', {}],
    ['Get', '/items/1', { Authorization: 'allow' }],
    ['post', '/admin', { Authorization: 'admin' }],
  ])(
    'answers %s %s with 403 Missing Authentication Token instead of running the handler',
    async (method, path, headers) => {
      const res = await gateway.handleRequest({ method, path, headers });
      expect(res.headers[HANDLER_HEADER]).toBeUndefined();
      expect(res.statusCode).toBe(403);
      expect(res.headers['x-amzn-ErrorType']).toBe('MissingAuthenticationTokenException');
    },
  );
});

describe('dev server regressions found by the corpus', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await serve(new LocalGateway(corpusApp(), { logger: silent }), { port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const pads = (n: number) => Array.from({ length: n }, (_, i) => [`X-Pad-${i}`, 'v'] as const);

  // limits-015/016: node:http keeps only the first ~1,000 header pairs (maxHeadersCount) and drops
  // the rest silently, so a later `Authorization: bogus` never reaches the gateway and the request
  // is authorized on the truncated list. API Gateway refuses such a request (10 KB header quota).
  it('refuses a request whose header list node would truncate, rather than authorizing what is left', async () => {
    const res = await sendRaw({
      host: server.host,
      port: server.port,
      method: 'GET',
      target: '/admin',
      headers: [['Authorization', 'admin'], ...pads(1_100), ['Authorization', 'bogus']],
    });
    expect(res.headers.get(HANDLER_HEADER)).toBeUndefined();
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  // wire-001..003: an HTTP/1.1 server must accept the absolute form (RFC 9112 §3.2.2) and route by
  // its path; the server hands `http://host/path` to the router, which finds no resource (403).
  it('routes an absolute-form request target by its path', async () => {
    const res = await sendRaw({
      host: server.host,
      port: server.port,
      method: 'GET',
      target: `http://127.0.0.1:${server.port}/health`,
      headers: [],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get(HANDLER_HEADER)).toBe('health');
  });
});
