#!/usr/bin/env node
// Tiny benchmark runner: finds bench/*.bench.mjs, measures every case against its peer in the same
// process and run, prints one Markdown table per suite and writes bench/results/<file>.json.
//
//   node bench/run.mjs [filter] [--time=<ms per measurement, default 300>] [--<name>=<value> ...]
//
// A bench file default-exports:
//   {
//     title, peerName?,
//     setup?(ctx), teardown?(ctx),            // async allowed; ctx = { budgetMs, args, here }
//     tables?(ctx) -> [{ name, headers, rows, data? }],   // figures that are not ops/s (sizes, ms, req/s)
//     suites: [{ name, peerName?, cases: [{ label, ours, peer?, check?, async? }] }]  // or (ctx) => that
//   }
// A case measures ops/s of `ours()` and `peer()`; with `async: true` they return promises and every
// call is awaited before the next one (one invocation at a time, as Lambda runs them). `check()`
// (optional, may be async) runs once before timing and throws when ours and the peer disagree.
// A bench file can also run alone: end it with `await runIfMain(import.meta.url, bench)`.
import { mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));

/** Keeps results alive so the JIT cannot drop the measured work. */
let sink = 0;
function consume(value) {
  sink = (sink + (value === undefined || value === null ? 1 : typeof value === 'object' ? 3 : 7)) | 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ops/sec of a synchronous `fn`: calibrated batches of >= 5 ms for `budgetMs`, median of the batch rates. */
function measureSync(fn, budgetMs) {
  const warmEnd = performance.now() + Math.min(100, budgetMs / 3);
  while (performance.now() < warmEnd) consume(fn());
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) consume(fn());
    if (performance.now() - t0 >= 5 || batch >= 1 << 24) break;
    batch *= 2;
  }
  const rates = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || rates.length < 5) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) consume(fn());
    rates.push((batch * 1000) / (performance.now() - t0));
  }
  return median(rates);
}

/** ops/sec of an async `fn`, each call awaited before the next; batches of >= 10 ms, median rate. */
async function measureAsync(fn, budgetMs) {
  const warmEnd = performance.now() + Math.min(200, budgetMs / 3);
  while (performance.now() < warmEnd) consume(await fn());
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) consume(await fn());
    if (performance.now() - t0 >= 10 || batch >= 1 << 20) break;
    batch *= 2;
  }
  const rates = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || rates.length < 5) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) consume(await fn());
    rates.push((batch * 1000) / (performance.now() - t0));
  }
  return median(rates);
}

function fmt(n) {
  if (n === undefined) return '-';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

/** Prints a Markdown table: first column left-aligned, the others right-aligned. */
export function printTable(headers, rows) {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (row) =>
    `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of cells) console.log(line(row));
}

function parseArgs(argv) {
  const args = {};
  for (const a of argv) {
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    args[eq === -1 ? a.slice(2) : a.slice(2, eq)] = eq === -1 ? true : a.slice(eq + 1);
  }
  return args;
}

/** Runs one bench object: setup, its tables, its suites, teardown; prints and saves the results. */
export async function runBench(bench, { file, budgetMs, args = {} }) {
  const ctx = { budgetMs, args, here };
  const results = { file, title: bench.title, node: process.version, budgetMs, tables: [], suites: [] };
  console.log(`## ${bench.title} (${file})\n`);
  try {
    await bench.setup?.(ctx);
    for (const table of (await bench.tables?.(ctx)) ?? []) {
      console.log(`### ${table.name}\n`);
      printTable(table.headers, table.rows);
      console.log('');
      results.tables.push(table);
    }
    const suites = typeof bench.suites === 'function' ? await bench.suites(ctx) : (bench.suites ?? []);
    for (const suite of suites) {
      const rows = [];
      const measured = [];
      for (const c of suite.cases) {
        await c.check?.();
        const measure = (fn) => (c.async ? measureAsync(fn, budgetMs) : measureSync(fn, budgetMs));
        const ours = await measure(c.ours);
        const peer = c.peer ? await measure(c.peer) : undefined;
        measured.push({ label: c.label, ours, peer });
        rows.push([c.label, fmt(ours), fmt(peer), peer ? `${(ours / peer).toFixed(1)}x` : '-']);
      }
      const peerName = suite.peerName ?? bench.peerName ?? 'peer';
      console.log(`### ${suite.name}\n`);
      printTable(['case', 'chalice-ts ops/s', `${peerName} ops/s`, 'ratio'], rows);
      console.log('');
      results.suites.push({ name: suite.name, peerName, cases: measured });
    }
  } finally {
    await bench.teardown?.(ctx);
  }
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', file.replace(/\.bench\.mjs$/, '.json')),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  if (sink === 0.5) console.log(sink);
  return results;
}

const isMain = (url) => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
};

/** Lets a bench file run alone (`node bench/x.bench.mjs [--time=ms]`) when it is the entry point. */
export async function runIfMain(url, bench) {
  if (!isMainThread || !isMain(url)) return;
  const args = parseArgs(process.argv.slice(2));
  const budgetMs = Number(args.time ?? 300);
  console.log(`node ${process.version}, ${budgetMs} ms per measurement (--time=), median of batches\n`);
  await runBench(bench, { file: fileURLToPath(url).split(/[\\/]/).pop(), budgetMs, args });
}

/** The CLI: every bench file (or those matching the filter), one after another. */
async function main() {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const budgetMs = Number(args.time ?? 300);
  const filter = argv.find((a) => !a.startsWith('--'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.mjs') && (!filter || f.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`no bench/*.bench.mjs${filter ? ` matching "${filter}"` : ''}`);
    process.exitCode = 1;
    return;
  }
  console.log(`node ${process.version}, ${budgetMs} ms per measurement (--time=), median of batches\n`);
  for (const file of files) {
    const { default: bench } = await import(pathToFileURL(join(here, file)).href);
    await runBench(bench, { file, budgetMs, args });
  }
}

// Not awaited at the top level: bench files import this module (runIfMain), and a top-level await
// here would make that import wait for the very bench being imported. Worker threads inherit
// process.argv, so a bench's worker importing this module must not start the CLI again.
if (isMainThread && isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
