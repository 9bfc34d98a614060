// @chalice-ts/runtime against Hono's AWS Lambda adapter (`hono/aws-lambda` `handle`), same run:
// - bundle size: esbuild (minified, ESM, node) of the seed demo app (ARCHITECTURE §2) and of the
//   same 20-route app written for each framework (bench/fixtures/runtime-routes-*.mjs). Ours is
//   built twice: "production", as the deployer's bundleApp builds it (its PRODUCTION_DEFINE
//   compiles out registration-time checks, docs/decisions/0002-production-bundles.md), and "dev"
//   (no define: what any other bundler gives). Cold start and warm dispatch use the production build;
// - cold start: a fresh node process imports the bundle and handles one REST proxy event; the time
//   from before the import to the result, median of --cold-runs processes (default 30; node's own
//   boot excluded), wall clock and the CPU time of the child (less sensitive to a loaded machine).
//   An empty module is measured the same way, interleaved, as the floor. The Fetch API globals
//   (Request, Response, Headers, fetch) are watched: touching them on the cold path is reported;
// - warm dispatch: invocations/s through the exported `handler`, cycling over 8 events (literal,
//   params, query, JSON bodies, greedy path, a 404 thrown by the route), awaited one after another
//   (async cases of bench/run.mjs).
//
//   node bench/run.mjs runtime [--time=ms] [--cold-runs=30]    or    node bench/runtime.bench.mjs
//
// Needs `pnpm turbo run build --filter=@chalice-ts/runtime` first (it bundles packages/*/dist).
// Targets (issue 3): demo bundle <= 12 KB; cold start <= 3 ms median; warm >= 1.5x Hono.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { runIfMain } from './run.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
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

/** packages/deployer/src/bundle/bundle-app.ts PRODUCTION_DEFINE (kept equal by a deployer test). */
export const PRODUCTION_DEFINE = { 'globalThis.__CHALICE_TS_PROD__': 'true' };

let out;

async function bundle(fixture, { production = true } = {}) {
  const suffix = production ? '.bundle.mjs' : '.dev.bundle.mjs';
  const outfile = join(out, fixture.replace(/\.mjs$/, suffix));
  const { metafile } = await build({
    metafile: true,
    entryPoints: [join(here, 'fixtures', fixture)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    define: production ? PRODUCTION_DEFINE : {},
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

/** The demo app's open route `/declared` (its other routes sit behind authorizers API Gateway runs). */
const demoEvent = event('GET', '/declared', '/declared');

// --- cold start --------------------------------------------------------------------------------

const COLD_SCRIPT = `const touched = new Set();
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
const c0 = process.cpuUsage();
const t0 = performance.now();
const mod = await import(process.argv[2]);
const t1 = performance.now();
const result = mod.handler ? await mod.handler(event, { awsRequestId: 'cold' }) : { statusCode: 200 };
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms: t2 - t0, importMs: t1 - t0, cpuMs: (cpu.user + cpu.system) / 1000, status: result.statusCode, fetchApi: [...touched] }));
`;

function coldRun(file, event = events[1]) {
  const text = execFileSync(
    process.execPath,
    [join(out, 'cold.mjs'), pathToFileURL(file).href, JSON.stringify(event)],
    { encoding: 'utf8' },
  );
  const r = JSON.parse(text);
  if (r.status !== 200) throw new Error(`${file} cold invocation answered ${r.status}`);
  return r;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Cold runs of each side, rotated so that no side always runs on a warmer disk cache. */
function coldStarts(sides, runs) {
  const got = Object.fromEntries(
    Object.keys(sides).map((k) => [k, { ms: [], importMs: [], cpuMs: [], fetch: new Set() }]),
  );
  const names = Object.keys(sides);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const r = coldRun(sides[name].file, sides[name].event);
      got[name].ms.push(r.ms);
      got[name].importMs.push(r.importMs);
      got[name].cpuMs.push(r.cpuMs);
      for (const f of r.fetchApi) got[name].fetch.add(f);
    }
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        ms: median(got[n].ms),
        importMs: median(got[n].importMs),
        cpuMs: median(got[n].cpuMs),
        fetchApi: [...got[n].fetch],
      },
    ]),
  );
}

// --- the bench ---------------------------------------------------------------------------------

let demo;
let demoDev;
let ours;
let oursDev;
let peer;
let oursHandler;
let peerHandler;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;

const bench = {
  title: `@chalice-ts/runtime vs Hono ${JSON.parse(readFileSync(join(root, 'node_modules/hono/package.json'), 'utf8')).version} aws-lambda`,
  peerName: 'Hono aws-lambda',

  async setup() {
    out = mkdtempSync(join(tmpdir(), 'chalice-ts-runtime-bench-'));
    writeFileSync(join(out, 'cold.mjs'), COLD_SCRIPT);
    writeFileSync(join(out, 'empty.mjs'), 'export const nothing = 0;\n');
    demo = await bundle('runtime-demo-app.mjs');
    demoDev = await bundle('runtime-demo-app.mjs', { production: false });
    ours = await bundle('runtime-routes-chalice.mjs');
    oursDev = await bundle('runtime-routes-chalice.mjs', { production: false });
    peer = await bundle('runtime-routes-hono.mjs');
    oursHandler = (await import(pathToFileURL(ours.file).href)).handler;
    peerHandler = (await import(pathToFileURL(peer.file).href)).handler;
  },

  teardown() {
    if (out) rmSync(out, { recursive: true, force: true });
  },

  tables({ args }) {
    const runs = Number(args['cold-runs'] ?? 30);
    const cold = coldStarts(
      {
        ours: { file: ours.file },
        peer: { file: peer.file },
        demo: { file: demo.file, event: demoEvent },
        demoDev: { file: demoDev.file, event: demoEvent },
        empty: { file: join(out, 'empty.mjs') },
      },
      runs,
    );
    const shareOf = (b) => ['core', 'runtime', 'app'].map((k) => kb(b.share[k] ?? 0)).join(' / ');
    const fetchApi = (side) => (side.fetchApi.length ? side.fetchApi.join(', ') : 'none');
    return [
      {
        name: `bundle size (esbuild, minified, ESM, node20)`,
        headers: ['bundle', 'chalice-ts', 'Hono aws-lambda', 'ratio', 'target'],
        rows: [
          [
            'seed demo app, production (min / gzip)',
            `${kb(demo.bytes)} / ${kb(demo.gzip)}`,
            '-',
            '-',
            `<= ${TARGETS.bundleKb} KB`,
          ],
          ['  of which core / runtime / app', shareOf(demo), '-', '-', '-'],
          ['seed demo app, dev (min / gzip)', `${kb(demoDev.bytes)} / ${kb(demoDev.gzip)}`, '-', '-', '-'],
          ['  of which core / runtime / app', shareOf(demoDev), '-', '-', '-'],
          [
            '20-route app, dev (min / gzip)',
            `${kb(oursDev.bytes)} / ${kb(oursDev.gzip)}`,
            `${kb(peer.bytes)} / ${kb(peer.gzip)}`,
            `${(oursDev.bytes / peer.bytes).toFixed(2)}x size`,
            '-',
          ],
          [
            '20-route app, production (min / gzip)',
            `${kb(ours.bytes)} / ${kb(ours.gzip)}`,
            `${kb(peer.bytes)} / ${kb(peer.gzip)}`,
            `${(ours.bytes / peer.bytes).toFixed(2)}x size`,
            '-',
          ],
        ],
        data: {
          demo: { bytes: demo.bytes, gzip: demo.gzip, share: demo.share },
          demoDev: { bytes: demoDev.bytes, gzip: demoDev.gzip, share: demoDev.share },
          ours: { bytes: ours.bytes, gzip: ours.gzip },
          oursDev: { bytes: oursDev.bytes, gzip: oursDev.gzip },
          peer: { bytes: peer.bytes, gzip: peer.gzip },
        },
      },
      {
        name: `cold start: fresh node, import the bundle + first invocation (median of ${runs} processes)`,
        headers: ['measure', 'chalice-ts', 'Hono aws-lambda', 'ratio', 'target'],
        rows: [
          [
            '20-route app, production, wall',
            ms(cold.ours.ms),
            ms(cold.peer.ms),
            `${(cold.peer.ms / cold.ours.ms).toFixed(1)}x faster`,
            `<= ${TARGETS.coldMs} ms`,
          ],
          ['  of which: import of the bundle', ms(cold.ours.importMs), ms(cold.peer.importMs), '-', '-'],
          ['  CPU time of the same span', ms(cold.ours.cpuMs), ms(cold.peer.cpuMs), '-', '-'],
          ['seed demo app, production, wall', ms(cold.demo.ms), '-', '-', `<= ${TARGETS.coldMs} ms`],
          ['  CPU time of the same span', ms(cold.demo.cpuMs), '-', '-', '-'],
          [
            'seed demo app, dev, wall / CPU',
            `${ms(cold.demoDev.ms)} / ${ms(cold.demoDev.cpuMs)}`,
            '-',
            '-',
            '-',
          ],
          [
            'baseline: empty module, wall / CPU',
            `${ms(cold.empty.ms)} / ${ms(cold.empty.cpuMs)}`,
            '-',
            '-',
            '-',
          ],
          ['Fetch API touched on the cold path', fetchApi(cold.ours), fetchApi(cold.peer), '-', 'none'],
        ],
        data: cold,
      },
    ];
  },

  suites: () => [
    {
      name: 'warm dispatch through the exported handler (8 events in turn, awaited one by one)',
      cases: [
        {
          label: `invocations/s (target >= ${TARGETS.warmRatio}x)`,
          async: true,
          // Both sides must give the same answers before their speed means anything.
          async check() {
            for (const e of events) {
              const [a, b] = [await oursHandler(e, {}), await peerHandler(e, {})];
              const same = a.statusCode === b.statusCode && (a.statusCode !== 200 || a.body === b.body);
              if (!same)
                throw new Error(
                  `disagree on ${e.httpMethod} ${e.path}: ${a.statusCode} ${a.body} vs ${b.statusCode} ${b.body}`,
                );
            }
          },
          ours: cycle(() => oursHandler),
          peer: cycle(() => peerHandler),
        },
      ],
    },
  ],
};

/** Calls the handler with the next event of the cycle. */
function cycle(handler) {
  let i = 0;
  return () => handler()(events[i++ % events.length], {});
}

export default bench;
await runIfMain(import.meta.url, bench);
