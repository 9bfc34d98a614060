// Authorized requests per second through @chalice-ts/testing's TestClient, for the seed demo app
// (ARCHITECTURE §2): GET / with `Authorization: allow` through the built-in `demo_auth`, with the
// authorizer cache on (cache hits) and off (the authorizer runs every time). Peer: the same
// LocalGateway called directly (`gateway.handleRequest`), i.e. the client's own overhead.
// Sequential (each request awaited) and 100 in flight (Promise.all).
//
//   node bench/testing.bench.mjs [--time=ms]     (needs `pnpm turbo run build` first)
//
// The runner (bench/run.mjs) times synchronous cases only, so this file measures and prints its own
// table at import time, like local.bench.mjs. Target (issue 5): >= 20,000 authorized requests/s.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LocalGateway } from '../packages/local/dist/index.js';
import {
  AuthResponse,
  Chalice,
  CognitoUserPoolAuthorizer,
  CustomAuthorizer,
  IAMAuthorizer,
} from '../packages/runtime/dist/index.js';
import { TestClient } from '../packages/testing/dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const budgetMs = Number(process.argv.find((a) => a.startsWith('--time='))?.slice(7) ?? 1000);
const TARGET = 20_000;

/** The seed demo app of ARCHITECTURE §2 (as bench/fixtures/runtime-demo-app.mjs). */
function demoApp() {
  const app = new Chalice({ appName: 'demoauth1' });
  const demoAuth = app.authorizer({ name: 'demo_auth', ttlSeconds: 300 }, (authRequest) => {
    if (authRequest.token === 'allow') return new AuthResponse({ routes: ['/'], principalId: 'user' });
    return new AuthResponse({ routes: [], principalId: 'user' });
  });
  app.route('/', { authorizer: demoAuth }, (request) => ({ context: request.context }));
  app.route('/iam-auth', { methods: ['GET'], authorizer: new IAMAuthorizer() }, () => ({ success: true }));
  app.route(
    '/user-pools',
    {
      authorizer: new CognitoUserPoolAuthorizer('MyPool', {
        providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
      }),
    },
    () => ({ success: true }),
  );
  app.route(
    '/custom-auth',
    {
      authorizer: new CustomAuthorizer('MyCustomAuth', {
        header: 'Authorization',
        authorizerUri:
          'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:FunctionName/invocations',
      }),
    },
    () => ({ success: true }),
  );
  app.route('/declared', { authorizer: 'MyPool' }, () => ({}));
  return app;
}

const silent = { info() {}, warn() {}, error() {} };
const headers = { Authorization: 'allow' };

/** requests/s of `send` with `inFlight` requests at a time: median of >= 5 ms batches over the budget. */
async function measure(send, inFlight) {
  const round = inFlight === 1 ? () => send() : () => Promise.all(Array.from({ length: inFlight }, send));
  const perRound = inFlight;
  const warmEnd = performance.now() + Math.min(200, budgetMs / 3);
  while (performance.now() < warmEnd) await round();
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) await round();
    if (performance.now() - t0 >= 5) break;
    batch *= 2;
  }
  const rates = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || rates.length < 5) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) await round();
    rates.push((batch * perRound * 1000) / (performance.now() - t0));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

async function sides(authorizerCache) {
  const client = await TestClient.create(demoApp(), { authorizerCache });
  const gateway = await LocalGateway.create(demoApp(), { authorizerCache, logger: silent });
  const viaClient = () => client.http.get('/', { headers });
  const viaGateway = () => gateway.handleRequest({ method: 'GET', path: '/', headers });
  for (const send of [viaClient, viaGateway]) {
    const res = await send();
    if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body}`);
  }
  return { viaClient, viaGateway, client };
}

const rows = [];
for (const cache of [true, false]) {
  const { viaClient, viaGateway, client } = await sides(cache);
  for (const inFlight of [1, 100]) {
    const ours = await measure(viaClient, inFlight);
    const peer = await measure(viaGateway, inFlight);
    rows.push({ label: `built-in authorizer, cache ${cache ? 'on (hits)' : 'off'}`, inFlight, ours, peer });
  }
  if (!cache && client.authorizerCalls('demo_auth') < 100)
    throw new Error('cache off, yet the authorizer did not run');
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const table = [
  ['case', 'in flight', 'TestClient req/s', 'LocalGateway req/s', 'ratio'],
  ...rows.map((r) => [
    r.label,
    String(r.inFlight),
    fmt(r.ours),
    fmt(r.peer),
    `${(r.ours / r.peer).toFixed(2)}x`,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (cells) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(
  `\n## TestClient: authorized requests/s, seed demo app (node ${process.version}, ${budgetMs} ms per case)\n`,
);
console.log(line(table[0]));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
const worstCached = Math.min(...rows.filter((r) => r.label.includes('on')).map((r) => r.ours));
console.log(`\ncached, slowest arrangement: ${fmt(worstCached)} req/s (target >= ${fmt(TARGET)})\n`);

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(
  join(here, 'results', 'testing.json'),
  `${JSON.stringify({ node: process.version, budgetMs, target: TARGET, rows }, null, 2)}\n`,
);

export default { title: 'TestClient authorized requests/s (see the table above)', suites: [] };
