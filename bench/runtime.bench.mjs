// @chalice-ts/runtime against Hono's AWS Lambda adapter (`hono/aws-lambda` `handle`), same run:
// - bundle size: esbuild (minified, ESM, node) of the seed demo app (ARCHITECTURE §2) and of the
//   same 20-route app written for each framework (bench/fixtures/runtime-routes-*.mjs);
// - cold start: a fresh node process imports the bundle and handles one REST proxy event; the time
//   from before the import to the result, median of COLD_RUNS processes (node's own boot excluded).
//   The Fetch API globals (Request, Response, Headers, fetch) are watched: touching them on the cold
//   path is reported;
// - warm dispatch: invocations/s through the exported `handler`, cycling over 8 events (literal,
//   params, query, JSON bodies, greedy path, a 404 thrown by the route), awaited one after another.
//
// Runs standalone (`node bench/runtime.bench.mjs [--time=ms]`) or from bench/run.mjs. The runner
// times synchronous cases only, so this file measures and prints its own table at import time.
// Needs `pnpm turbo run build --filter=@chalice-ts/runtime` first (it bundles packages/*/dist).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const budgetMs = Number(args.find((a) => a.startsWith('--time='))?.slice(7) ?? 1000);
const COLD_RUNS = 20;
const TARGETS = { bundleKb: 12, coldMs: 3, warmRatio: 1.5 };

// --- bundles ---------------------------------------------------------------------------------

const workspace = {
  name: 'chalice-ts-dist',
  setup(b) {
    b.onResolve({ filter: /^@chalice-ts\/(runtime|core)$/ }, (a) => ({
      path: join(root, 'packages', a.path.split('/')[1], 'dist', 'index.js'),
    }));
  },
};

const out = mkdtempSync(join(tmpdir(), 'chalice-ts-runtime-bench-'));

async function bundle(fixture) {
  const outfile = join(out, fixture.replace(/\.mjs$/, '.bundle.mjs'));
  const { metafile } = await build({
    metafile: true,
    entryPoints: [join(here, 'fixtures', fixture)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    plugins: [workspace],
    logLevel: 'silent',
  });
  const bytes = readFileSync(outfile);
  // Minified bytes per package, to show where the size comes from.
  const share = {};
  for (const [input, info] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
    const owner = input.match(/packages\/(\w+)\//)?.[1] ?? (input.includes('node_modules') ? 'deps' : 'app');
    share[owner] = (share[owner] ?? 0) + info.bytesInOutput;
  }
  return { file: outfile, bytes: bytes.length, gzip: gzipSync(bytes).length, share };
}

const demo = await bundle('runtime-demo-app.mjs');
const ours = await bundle('runtime-routes-chalice.mjs');
const peer = await bundle('runtime-routes-hono.mjs');

// --- events ----------------------------------------------------------------------------------

/** A REST API proxy event (payload 1.0) as API Gateway sends it. */
function event(method, resource, path, { params = null, query = null, body = null } = {}) {
  const headers = {
    Accept: 'application/json',
    Host: 'abc123.execute-api.us-east-1.amazonaws.com',
    'User-Agent': 'bench',
  };
  if (body !== null) headers['Content-Type'] = 'application/json';
  return {
    resource,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: query,
    multiValueQueryStringParameters:
      query && Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    pathParameters: params,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      resourceId: 'r1',
      resourcePath: resource,
      httpMethod: method,
      path: `/api${path}`,
      stage: 'api',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      identity: { sourceIp: '192.0.2.1', userAgent: 'bench' },
      protocol: 'HTTP/1.1',
      requestTimeEpoch: 1583349317135,
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
    },
    body,
    isBase64Encoded: false,
  };
}

const events = [
  event('GET', '/', '/'),
  event('GET', '/users/{id}', '/users/42', { params: { id: '42' } }),
  event('GET', '/users/{id}/posts/{postId}', '/users/42/posts/7', { params: { id: '42', postId: '7' } }),
  event('GET', '/search', '/search', { query: { q: 'lambda' } }),
  event('POST', '/users', '/users', { body: '{"name":"Ann","tags":["a","b"]}' }),
  event('PATCH', '/items/{itemId}', '/items/9', { params: { itemId: '9' }, body: '{"price":3}' }),
  event('GET', '/files/{proxy+}', '/files/a/b/c.txt', { params: { proxy: 'a/b/c.txt' } }),
  event('GET', '/items/{itemId}', '/items/missing', { params: { itemId: 'missing' } }),
];

// --- cold start --------------------------------------------------------------------------------

const coldScript = join(out, 'cold.mjs');
writeFileSync(
  coldScript,
  `const touched = new Set();
for (const name of ['Request', 'Response', 'Headers', 'fetch', 'FormData']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  if (!d) continue;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() { touched.add(name); return d.get ? d.get.call(globalThis) : d.value; },
    set(v) { Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true }); },
  });
}
const event = JSON.parse(process.argv[3]);
const t0 = performance.now();
const mod = await import(process.argv[2]);
const t1 = performance.now();
const result = mod.handler ? await mod.handler(event, { awsRequestId: 'cold' }) : { statusCode: 200 };
const t2 = performance.now();
process.stdout.write(JSON.stringify({ ms: t2 - t0, importMs: t1 - t0, status: result.statusCode, fetchApi: [...touched] }));
`,
);

function coldRun(file) {
  const text = execFileSync(
    process.execPath,
    [coldScript, pathToFileURL(file).href, JSON.stringify(events[1])],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(text);
}

// Floor: what node itself spends on the first dynamic import of a module (paid by both sides).
const empty = join(out, 'empty.mjs');
writeFileSync(empty, 'export const nothing = 0;\n');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = {
  ours: [],
  peer: [],
  empty: [],
  oursImport: [],
  peerImport: [],
  oursFetch: new Set(),
  peerFetch: new Set(),
};
for (let i = 0; i < COLD_RUNS; i++) {
  // Rotate the order so no side always runs on a warmer disk cache.
  const order = ['ours', 'peer', 'empty'];
  for (let k = 0; k < 3; k++) {
    const side = order[(i + k) % 3];
    const r = coldRun(side === 'ours' ? ours.file : side === 'peer' ? peer.file : empty);
    if (r.status !== 200) throw new Error(`${side} cold invocation answered ${r.status}`);
    cold[side].push(r.ms);
    if (side !== 'empty') cold[`${side}Import`].push(r.importMs);
    for (const name of r.fetchApi) cold[`${side}Fetch`]?.add(name);
  }
}
const demoCold = median(Array.from({ length: 9 }, () => coldRun(demo.file).ms));

// --- warm dispatch -----------------------------------------------------------------------------

const oursHandler = (await import(pathToFileURL(ours.file).href)).handler;
const peerHandler = (await import(pathToFileURL(peer.file).href)).handler;

// Both sides must give the same answers before their speed means anything.
for (const e of events) {
  const [a, b] = [await oursHandler(e, {}), await peerHandler(e, {})];
  const same = a.statusCode === b.statusCode && (a.statusCode !== 200 || a.body === b.body);
  if (!same)
    throw new Error(
      `disagree on ${e.httpMethod} ${e.path}: ${a.statusCode} ${a.body} vs ${b.statusCode} ${b.body}`,
    );
}

async function measureAsync(handler) {
  let i = 0;
  const call = () => handler(events[i++ % events.length], {});
  const warmEnd = performance.now() + Math.min(200, budgetMs / 3);
  while (performance.now() < warmEnd) await call();
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) await call();
    if (performance.now() - t0 >= 10 || batch >= 1 << 20) break;
    batch *= 2;
  }
  const rates = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || rates.length < 5) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) await call();
    rates.push((batch * 1000) / (performance.now() - t0));
  }
  return median(rates);
}

const warmOurs = await measureAsync(oursHandler);
const warmPeer = await measureAsync(peerHandler);
const warmOurs2 = await measureAsync(oursHandler);
const warmPeer2 = await measureAsync(peerHandler);
const warm = { ours: Math.max(warmOurs, warmOurs2), peer: Math.max(warmPeer, warmPeer2) };

rmSync(out, { recursive: true, force: true });

// --- report ------------------------------------------------------------------------------------

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;
const rows = [
  [
    'bundle, seed demo app (min / gzip)',
    `${kb(demo.bytes)} / ${kb(demo.gzip)}`,
    '-',
    '-',
    `<= ${TARGETS.bundleKb} KB`,
  ],
  [
    '  of which core / runtime / app',
    ['core', 'runtime', 'app'].map((k) => kb(demo.share[k] ?? 0)).join(' / '),
    '-',
    '-',
    '-',
  ],
  [
    'bundle, 20-route app (min / gzip)',
    `${kb(ours.bytes)} / ${kb(ours.gzip)}`,
    `${kb(peer.bytes)} / ${kb(peer.gzip)}`,
    `${(ours.bytes / peer.bytes).toFixed(2)}x size`,
    '-',
  ],
  [
    `cold start, 20-route app (median of ${COLD_RUNS})`,
    ms(median(cold.ours)),
    ms(median(cold.peer)),
    `${(median(cold.peer) / median(cold.ours)).toFixed(1)}x faster`,
    `<= ${TARGETS.coldMs} ms`,
  ],
  ['  of which: import of the bundle', ms(median(cold.oursImport)), ms(median(cold.peerImport)), '-', '-'],
  ['  baseline: import of an empty module', ms(median(cold.empty)), ms(median(cold.empty)), '-', '-'],
  ['cold start, seed demo app (median of 9)', ms(demoCold), '-', '-', `<= ${TARGETS.coldMs} ms`],
  [
    'Fetch API touched on the cold path',
    cold.oursFetch.size ? [...cold.oursFetch].join(', ') : 'none',
    cold.peerFetch.size ? [...cold.peerFetch].join(', ') : 'none',
    '-',
    'none',
  ],
  [
    'warm dispatch, invocations/s',
    Math.round(warm.ours).toLocaleString('en-US'),
    Math.round(warm.peer).toLocaleString('en-US'),
    `${(warm.ours / warm.peer).toFixed(1)}x`,
    `>= ${TARGETS.warmRatio}x`,
  ],
];
const headers = ['measure', 'chalice-ts', 'Hono aws-lambda', 'ratio', 'target'];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(
  `## @chalice-ts/runtime vs Hono ${JSON.parse(readFileSync(join(root, 'node_modules/hono/package.json'), 'utf8')).version} aws-lambda (runtime.bench.mjs)\n`,
);
console.log(line(headers));
console.log(`|${widths.map((w, i) => `${'-'.repeat(w + 1)}${i === 0 ? '-' : ':'}`).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log('');

const figures = {
  node: process.version,
  budgetMs,
  bundle: {
    demo,
    ours: { bytes: ours.bytes, gzip: ours.gzip },
    peer: { bytes: peer.bytes, gzip: peer.gzip },
  },
  coldMs: {
    ours: median(cold.ours),
    peer: median(cold.peer),
    demo: demoCold,
    emptyModule: median(cold.empty),
  },
  fetchApiOnColdPath: { ours: [...cold.oursFetch], peer: [...cold.peerFetch] },
  warmPerSecond: warm,
};
delete figures.bundle.demo.file;
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'runtime-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);

export default {
  title: '@chalice-ts/runtime vs hono/aws-lambda: figures printed above (async, measured at import)',
  peerName: 'Hono aws-lambda',
  suites: [],
};
