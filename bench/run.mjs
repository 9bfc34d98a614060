#!/usr/bin/env node
// Tiny benchmark runner: finds bench/*.bench.mjs, measures every case against its peer in the same
// process and run, prints one table per suite and writes bench/results/<file>.json.
//
//   node bench/run.mjs [filter] [--time=<ms per measurement, default 300>]
//
// A bench file default-exports { title, peerName, suites: [{ name, cases: [{ label, ours, peer?, check? }] }] }.
// `check()` (optional) runs once before timing and throws when ours and the peer disagree.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const budgetMs = Number(args.find((a) => a.startsWith('--time='))?.slice(7) ?? 300);
const filter = args.find((a) => !a.startsWith('--'));

/** Keeps results alive so the JIT cannot drop the measured work. */
let sink = 0;
function consume(value) {
  sink = (sink + (value === undefined || value === null ? 1 : typeof value === 'object' ? 3 : 7)) | 0;
}

/** ops/sec of `fn`: calibrated batches of >= 5 ms for `budgetMs`, median of the batch rates. */
function measure(fn) {
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
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

function fmt(n) {
  if (n === undefined) return '-';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (!filter || f.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.mjs${filter ? ` matching "${filter}"` : ''}`);
  process.exit(1);
}

console.log(`node ${process.version}, ${budgetMs} ms per measurement (--time=), median of batches\n`);
for (const file of files) {
  const { default: bench } = await import(pathToFileURL(join(here, file)).href);
  const results = { file, title: bench.title, node: process.version, budgetMs, suites: [] };
  console.log(`## ${bench.title} (${file})\n`);
  for (const suite of bench.suites) {
    const rows = [];
    const measured = [];
    for (const c of suite.cases) {
      c.check?.();
      const ours = measure(c.ours);
      const peer = c.peer ? measure(c.peer) : undefined;
      measured.push({ label: c.label, ours, peer });
      rows.push([c.label, fmt(ours), fmt(peer), peer ? `${(ours / peer).toFixed(1)}x` : '-']);
    }
    console.log(`### ${suite.name}\n`);
    printTable(
      ['case', 'chalice-ts ops/s', `${suite.peerName ?? bench.peerName ?? 'peer'} ops/s`, 'ratio'],
      rows,
    );
    console.log('');
    results.suites.push({ name: suite.name, peerName: suite.peerName ?? bench.peerName, cases: measured });
  }
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', file.replace(/\.bench\.mjs$/, '.json')),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}
if (sink === 0.5) console.log(sink);
