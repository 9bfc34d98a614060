#!/usr/bin/env node
// Load test of the dev server (issue 7): 100 connections for 30 s with valid, unauthorized and
// malformed requests mixed. Uses the BUILT packages; build them first:
//   pnpm turbo run build --filter=@chalice-ts/local...
//   node hardening/load.mjs [--duration 30] [--connections 100] [--json out.json]
// Fails (exit 1) on: a crash, a 5xx or non-200 for a valid request, a 2xx for an unauthorized or
// malformed one, a lost response (autocannon errors/timeouts > 0), or RSS growth >= 50 MB.
import { existsSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { driveRaw } from './raw-load.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const duration = Number(option('duration', '30'));
const connections = Number(option('connections', '100'));
const jsonOut = option('json', undefined);
const RSS_LIMIT_MB = 50;

const dist = (pkg) => new URL(`../packages/${pkg}/dist/index.js`, import.meta.url);
for (const pkg of ['runtime', 'local']) {
  if (!existsSync(dist(pkg))) {
    console.error(`packages/${pkg}/dist is missing: run pnpm turbo run build --filter=@chalice-ts/local...`);
    process.exit(2);
  }
}
const { AuthResponse, Chalice } = await import(dist('runtime').href);
const { serve } = await import(dist('local').href);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const mb = (bytes) => bytes / 1024 / 1024;
const settle = () => {
  gc();
  gc();
  return process.memoryUsage().rss;
};

// The seed demo app (docs' authorization page): 'allow' may call '/', anything else gets no routes.
function demoApp() {
  const app = new Chalice({ appName: 'loadtest' });
  const demoAuth = app.authorizer({ name: 'demo_auth', ttlSeconds: 300 }, (authRequest) =>
    authRequest.token === 'allow'
      ? new AuthResponse({ routes: ['/'], principalId: 'user' })
      : new AuthResponse({ routes: [], principalId: 'user' }),
  );
  app.route('/', { authorizer: demoAuth }, (request) => ({ context: request.context }));
  app.route('/health', () => ({ ok: true }));
  return app;
}

const logged = { errors: [] };
const logger = {
  info: () => {},
  warn: () => {},
  error: (line) => logged.errors.length < 20 && logged.errors.push(String(line)),
};

// Request mix. `cls` decides what counts as a failure; `expect` the statuses API Gateway gives.
const mix = [
  { cls: 'valid', name: 'GET / allow', method: 'GET', path: '/', headers: { authorization: 'allow' } },
  { cls: 'valid', name: 'GET /health', method: 'GET', path: '/health' },
  { cls: 'unauthorized', name: 'GET / no token', method: 'GET', path: '/' },
  { cls: 'unauthorized', name: 'GET / deny', method: 'GET', path: '/', headers: { authorization: 'deny' } },
  {
    cls: 'valid',
    name: 'GET / allow (cached)',
    method: 'GET',
    path: '/',
    headers: { authorization: 'allow' },
  },
  {
    cls: 'unauthorized',
    name: 'POST / allow',
    method: 'POST',
    path: '/',
    headers: { authorization: 'allow' },
    body: '{}',
  },
  {
    cls: 'malformed',
    name: 'garbage path',
    method: 'GET',
    path: '/%ZZ/..%2f..%2f//etc/passwd?x=/../',
    headers: { authorization: 'allow' },
  },
  {
    cls: 'malformed',
    name: 'long unknown path',
    method: 'GET',
    path: `/${'a/'.repeat(1500)}`,
    headers: { authorization: 'allow' },
  },
  {
    cls: 'malformed',
    name: 'OPTIONS without CORS',
    method: 'OPTIONS',
    path: '/',
    headers: { authorization: 'allow' },
  },
  { cls: 'malformed', name: 'DELETE on a GET route', method: 'DELETE', path: '/health' },
  {
    cls: 'malformed',
    name: 'PATCH with junk body',
    method: 'PATCH',
    path: '/',
    headers: { authorization: '\tallow ' },
    body: '\u0000{',
  },
  {
    cls: 'malformed',
    name: 'method override',
    method: 'GET',
    path: '/',
    headers: { authorization: 'deny', 'x-http-method-override': 'GET' },
  },
];

const counts = new Map(mix.map((r) => [r.name, { cls: r.cls, sent: 0, statuses: new Map() }]));
const requests = mix.map((r) => ({
  method: r.method,
  path: r.path,
  headers: r.headers ?? {},
  body: r.body,
  setupRequest: (req) => {
    counts.get(r.name).sent++;
    return req;
  },
  onResponse: (status) => {
    const s = counts.get(r.name).statuses;
    s.set(status, (s.get(status) ?? 0) + 1);
  },
}));

const rssStart = settle();
let rssMax = rssStart;
const sampler = setInterval(() => {
  rssMax = Math.max(rssMax, process.memoryUsage().rss);
}, 250);

let crashed = null;
process.on('uncaughtException', (error) => {
  crashed = String(error?.stack ?? error);
});

const server = await serve(demoApp(), { port: 0, host: '127.0.0.1', logger });
// Growth is measured from after a short warm-up: JIT code, socket buffers and autocannon's own
// state for 100 connections are not a leak. rssStart (before anything) is reported too.
await autocannon({ url: server.url, connections, duration: 2, requests, timeout: 10 });
for (const c of counts.values()) {
  c.sent = 0;
  c.statuses.clear();
}
const rssBefore = settle();
// Requests node's parser refuses (it answers 400/431 and closes the socket) break autocannon's
// keep-alive loop, so a few raw sockets send those alongside it.
const [result, raw] = await Promise.all([
  autocannon({ url: server.url, connections, duration, requests, timeout: 10 }),
  driveRaw({ port: server.port, duration, workers: 4 }),
]);
const aliveStatus = await fetch(`${server.url}/health`)
  .then((r) => r.status)
  .catch(() => 0);
await server.close();
clearInterval(sampler);
const rssAfter = settle();
rssMax = Math.max(rssMax, rssAfter);

// Judge each response class.
const failures = [];
const rows = [];
let answered = 0;
let sent = 0;
for (const [name, { cls, sent: s, statuses }] of counts) {
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  answered += total;
  sent += s;
  const by = (test) => [...statuses].filter(([code]) => test(code)).reduce((a, [, n]) => a + n, 0);
  const ok2xx = by((c) => c >= 200 && c < 300);
  const e5xx = by((c) => c >= 500);
  rows.push({
    class: cls,
    request: name,
    sent: s,
    answered: total,
    statuses: [...statuses].map(([c, n]) => `${c}×${n}`).join(' '),
  });
  if (e5xx > 0) failures.push(`${name}: ${e5xx} 5xx responses`);
  if (cls === 'valid' && by((c) => c !== 200) > 0) failures.push(`${name}: valid request answered non-200`);
  if (cls !== 'valid' && ok2xx > 0) failures.push(`${name}: ${ok2xx} 2xx responses (bypass)`);
  if (total === 0) failures.push(`${name}: never answered`);
}
for (const [name, { sent: s, statuses, lost }] of raw) {
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  answered += total;
  sent += s;
  rows.push({
    class: 'malformed (raw)',
    request: name,
    sent: s,
    answered: total,
    statuses: [...statuses].map(([c, n]) => `${c}×${n}`).join(' '),
  });
  if (lost > 0) failures.push(`${name}: ${lost} raw requests unanswered`);
  if ([...statuses.keys()].some((c) => c < 400 || c >= 500))
    failures.push(`${name}: answered with a non-4xx status`);
  if (s === 0) failures.push(`${name}: never sent`);
}
const rawLost = [...raw.values()].reduce((a, r) => a + r.lost, 0);
const inFlightAtStop = sent - answered - rawLost;
if (crashed) failures.push(`crash: ${crashed}`);
if (aliveStatus !== 200) failures.push(`server not answering after the run (GET /health -> ${aliveStatus})`);
if (result.errors > 0 || result.timeouts > 0)
  failures.push(`lost responses: ${result.errors} errors, ${result.timeouts} timeouts`);
if (inFlightAtStop > connections)
  failures.push(`lost responses: ${inFlightAtStop} sent but unanswered (> ${connections} in flight)`);
if (logged.errors.length > 0)
  failures.push(`gateway logged errors: ${logged.errors.slice(0, 3).join(' | ')}`);
const growthMb = mb(rssAfter - rssBefore);
if (growthMb >= RSS_LIMIT_MB) failures.push(`RSS grew ${growthMb.toFixed(1)} MB (limit ${RSS_LIMIT_MB} MB)`);

console.log(`\nload: ${connections} connections, ${duration} s against ${server.url}`);
console.table(rows);
const summary = {
  duration,
  connections,
  requests: result.requests.total,
  sent,
  answered,
  inFlightAtStop,
  reqPerSec: Math.round(result.requests.average),
  latencyP99Ms: result.latency.p99,
  errors: result.errors,
  timeouts: result.timeouts,
  bypasses: failures.filter((f) => f.includes('bypass')).length,
  crashes: crashed ? 1 : 0,
  rssStartMb: Number(mb(rssStart).toFixed(1)),
  rssBeforeMb: Number(mb(rssBefore).toFixed(1)),
  rssAfterMb: Number(mb(rssAfter).toFixed(1)),
  rssMaxMb: Number(mb(rssMax).toFixed(1)),
  rssGrowthMb: Number(growthMb.toFixed(1)),
  failures,
};
console.table([Object.fromEntries(Object.entries(summary).filter(([k]) => k !== 'failures'))]);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ ...summary, rows }, null, 2)}\n`);
if (failures.length > 0) {
  console.error(`load: FAILED\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('load: OK');
process.exit(0);
