// The local dev server under HTTP load (autocannon, 127.0.0.1), against bare node:http returning the
// same JSON (the ceiling). Each server runs in its own worker thread so that autocannon (main
// thread) and the server do not share an event loop; every case gets the same arrangement.
// The machine is shared, so its load drifts: every case is measured in several interleaved rounds
// (the order rotating each round) and the median round is reported, so no case is measured only
// in a quiet or only in a busy spell. Both servers frame the body with Content-Length, as API
// Gateway does, so the ceiling sends the same bytes as the dev server (bar x-amzn-RequestId).
//
//   node bench/run.mjs local [--duration=3] [--rounds=3]   or   node bench/local.bench.mjs [...]
//   (needs `pnpm turbo run build` first)
//
// Cases: an open route; a route behind a built-in authorizer with cache hits (one token); the same
// route with the cache off (the authorizer runs on every request); bare node:http.
// Targets (issue 4): cached built-in >= 60% of bare node:http; >= 15,000 req/s with 50 connections.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runIfMain } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BODY = JSON.stringify({ hello: 'world' });
const BODY_LENGTH = String(Buffer.byteLength(BODY));

async function startServer(kind) {
  if (kind === 'bare') {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': BODY_LENGTH });
        res.end(BODY);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address().port;
  }
  const { Chalice, AuthResponse } = await import('../packages/runtime/dist/index.js');
  const { serve } = await import('../packages/local/dist/index.js');
  const app = new Chalice({ appName: 'bench' });
  const auth = app.authorizer(
    { name: 'bench_auth', ttlSeconds: 300 },
    (r) => new AuthResponse({ routes: r.token === 'allow' ? ['*'] : [], principalId: 'user' }),
  );
  app.route('/open', () => ({ hello: 'world' }));
  app.route('/auth', { authorizer: auth }, () => ({ hello: 'world' }));
  const silent = { info() {}, warn() {}, error() {} };
  const server = await serve(app, { port: 0, logger: silent, authorizerCache: kind !== 'nocache' });
  return server.port;
}

if (!isMainThread) {
  const port = await startServer(workerData.kind);
  parentPort.postMessage({ port });
}

const cases = [
  { label: 'bare node:http (ceiling)', kind: 'bare', path: '/', headers: {} },
  { label: 'open route', kind: 'cache', path: '/open', headers: {} },
  {
    label: 'built-in authorizer, cache hits',
    kind: 'cache',
    path: '/auth',
    headers: { authorization: 'allow' },
  },
  {
    label: 'built-in authorizer, cache off',
    kind: 'nocache',
    path: '/auth',
    headers: { authorization: 'allow' },
  },
];

/** Runs every case with 1 and 50 connections; returns the runner's table. */
async function measureHttp({ args }) {
  const autocannon = (await import('autocannon')).default;
  const duration = Number(args.duration ?? 3);
  const rounds = Math.max(1, Number(args.rounds ?? 3));
  const workers = new Map();
  async function portFor(kind) {
    if (!workers.has(kind)) {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { kind } });
      const port = await new Promise((resolve, reject) => {
        worker.once('message', (m) => resolve(m.port));
        worker.once('error', reject);
      });
      workers.set(kind, { worker, port });
    }
    return workers.get(kind).port;
  }

  const load = (url, connections, headers, seconds) =>
    autocannon({ url, connections, pipelining: 1, duration: seconds, headers });

  const results = [];
  try {
    for (const connections of [1, 50]) {
      const urls = [];
      for (const c of cases) {
        const url = `http://127.0.0.1:${await portFor(c.kind)}${c.path}`;
        const probe = await fetch(url, { headers: c.headers });
        if (probe.status !== 200) throw new Error(`${c.label}: expected 200, got ${probe.status}`);
        await load(url, connections, c.headers, 1); // warm-up (JIT, cache entry)
        urls.push(url);
      }
      const runs = cases.map(() => []);
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < cases.length; k++) {
          const i = (k + round) % cases.length;
          const c = cases[i];
          const r = await load(urls[i], connections, c.headers, duration);
          if (r.non2xx > 0 || r.errors > 0)
            throw new Error(`${c.label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
          runs[i].push({ rps: r.requests.average, p99: r.latency.p99 });
          process.stderr.write(
            `  round ${round + 1}: ${c.label} x${connections}: ${Math.round(r.requests.average)} req/s\n`,
          );
        }
      }
      cases.forEach((c, i) => {
        const mid = [...runs[i]].sort((a, b) => a.rps - b.rps)[Math.floor(runs[i].length / 2)];
        results.push({ label: c.label, connections, rps: mid.rps, p99: mid.p99, rounds: runs[i] });
      });
    }
  } finally {
    for (const { worker } of workers.values()) await worker.terminate();
  }

  const rows = results.map((r) => {
    const bare = results.find((b) => b.label.startsWith('bare') && b.connections === r.connections);
    return [
      r.label,
      String(r.connections),
      Math.round(r.rps).toLocaleString('en-US'),
      `${r.p99} ms`,
      `${((r.rps / bare.rps) * 100).toFixed(0)}%`,
    ];
  });
  const cached50 = results.find((r) => r.label.includes('cache hits') && r.connections === 50);
  const bare50 = results.find((r) => r.label.startsWith('bare') && r.connections === 50);
  rows.push([
    'targets: cached built-in >= 60% of bare and >= 15,000 req/s at 50 connections',
    '50',
    Math.round(cached50.rps).toLocaleString('en-US'),
    '-',
    `${((cached50.rps / bare50.rps) * 100).toFixed(0)}%`,
  ]);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', 'local-http.json'),
    `${JSON.stringify({ node: process.version, duration, rounds, results }, null, 2)}\n`,
  );
  return [
    {
      name: `Local dev server under load (median of ${rounds} interleaved rounds of ${duration} s per case, 127.0.0.1, autocannon)`,
      headers: ['case', 'connections', 'req/s', 'p99', 'vs bare node:http'],
      rows,
      data: results,
    },
  ];
}

const bench = {
  title: 'Local dev server under HTTP load',
  tables: measureHttp,
  suites: [],
};

export default bench;
await runIfMain(import.meta.url, bench);
