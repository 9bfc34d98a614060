import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '../gateway/local-gateway.js';
import type { GatewayLogger } from '../log/request-log.js';
import { type LocalServer, serve } from '../server/serve.js';
import { corpusApp, HANDLER_HEADER, METHOD_HEADER } from './corpus-app.js';
import {
  type CorpusCase,
  casesFor,
  formatTable,
  judge,
  loadCorpus,
  type Observed,
  parsedHeaders,
  type Transport,
  type Verdict,
} from './corpus.js';
import { sendRaw } from './raw-http.js';

const corpus = loadCorpus();
const silent: GatewayLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function summarize(transport: Transport, verdicts: readonly Verdict[]): string {
  const bad = verdicts.filter((v) => v.bypass || v.mismatch !== null);
  const bypasses = verdicts.filter((v) => v.bypass).length;
  const head = `corpus via ${transport}: ${verdicts.length} cases, ${bypasses} bypasses, ${bad.length} mismatches`;
  return bad.length === 0 ? head : formatTable(head, bad);
}

function suite(transport: Transport, run: (c: CorpusCase) => Promise<Observed>) {
  const cases = casesFor(corpus, transport);
  const verdicts = new Map<string, Verdict>();

  beforeAll(async () => {
    const results = await pool(cases, transport === 'http' ? 8 : 16, async (c) => {
      let observed: Observed;
      try {
        observed = await run(c);
      } catch (error) {
        observed = {
          status: 0,
          errorType: undefined,
          handler: null,
          handlerMethod: null,
          failure: String(error),
        };
      }
      return judge(c, transport, observed);
    });
    for (const v of results) verdicts.set(v.c.id, v);
    process.stdout.write(`${summarize(transport, results)}\n`);
  });

  it('the corpus holds at least 300 cases for this transport', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it('lets no request past authorization that API Gateway would refuse (0 bypasses)', () => {
    const bypasses = [...verdicts.values()].filter((v) => v.bypass);
    expect(bypasses.map((v) => `${v.c.id}: ${v.mismatch}`)).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.id}: ${c.description}`, c.id] as const))('%s', (_name, id) => {
    const v = verdicts.get(id);
    expect(v, 'the case ran').toBeDefined();
    expect(v!.mismatch, `${v!.c.rule} (${v!.c.confidence})`).toBeNull();
  });
}

describe('adversarial corpus through LocalGateway.handleRequest', () => {
  const gateway = new LocalGateway(corpusApp(), { logger: silent });
  suite('gateway', async (c) => {
    const res = await gateway.handleRequest({
      method: c.request.method,
      path: c.request.path,
      headers: parsedHeaders(c.request.headers),
    });
    const handler = res.headers[HANDLER_HEADER] ?? null;
    return {
      status: res.statusCode,
      errorType: res.headers['x-amzn-ErrorType'],
      handler,
      handlerMethod: res.headers[METHOD_HEADER] ?? null,
    };
  });
});

describe('adversarial corpus through the HTTP server (raw bytes on the wire)', () => {
  let server: LocalServer | undefined;
  beforeAll(async () => {
    server = await serve(new LocalGateway(corpusApp(), { logger: silent }), { port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server?.close());

  suite('http', async (c) => {
    if (server === undefined) throw new Error('the server did not start');
    const res = await sendRaw({
      host: server.host,
      port: server.port,
      method: c.request.method,
      target: c.request.path,
      headers: c.request.headers,
    });
    return {
      status: res.status,
      errorType: res.headers.get('x-amzn-errortype'),
      handler: res.headers.get(HANDLER_HEADER) ?? null,
      handlerMethod: res.headers.get(METHOD_HEADER) ?? null,
    };
  });
});
