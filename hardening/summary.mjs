#!/usr/bin/env node
// `pnpm test:hardening`: runs every hardening suite at full size (HARDENING=1), then the load
// test against the built dev server, and prints one summary table. Exit 1 when anything failed.
//   node hardening/summary.mjs [--duration 30] [--skip-load]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const duration = args.includes('--duration') ? args[args.indexOf('--duration') + 1] : '30';
const skipLoad = args.includes('--skip-load');
const out = mkdtempSync(join(tmpdir(), 'chalice-ts-hardening-'));

export const SUITES = [
  { project: 'core', file: 'src/arn/match-resource.property.test.ts', name: 'ARN matcher vs reference' },
  { project: 'core', file: 'src/model/auth-response.property.test.ts', name: 'toPolicy grants exactly' },
  { project: 'core', file: 'src/config/config.fuzz.test.ts', name: 'chalice.yaml fuzzing' },
  { project: 'runtime', file: 'src/routing/router.property.test.ts', name: 'router never over-matches' },
  { project: 'local', file: 'src/hardening/corpus.test.ts', name: 'adversarial corpus' },
  { project: 'local', file: 'src/hardening/gateway.regression.test.ts', name: 'corpus regressions' },
  { project: 'local', file: 'src/hardening/identity-attacks.test.ts', name: 'JWT + SigV4 attacks' },
  { project: 'deployer', file: 'src/deploy/deploy-faults.test.ts', name: 'deploy faults' },
].filter((s) => existsSync(join(root, 'packages', s.project, s.file)));

const run = (cmd, argv, env = {}) => {
  const started = Date.now();
  const child = spawnSync(cmd, argv, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(child.stdout ?? '');
  process.stderr.write(child.stderr ?? '');
  return { ...child, seconds: (Date.now() - started) / 1000 };
};

// 1. Property, fuzz, corpus and attack suites, full size, one vitest run with a JSON report.
const report = join(out, 'vitest.json');
const projects = [...new Set(SUITES.map((s) => s.project))].flatMap((p) => ['--project', p]);
const vitest = run(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
    ...SUITES.map((s) => `packages/${s.project}/${s.file}`),
  ],
  { HARDENING: '1' },
);
const rows = [];
const json = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : { testResults: [] };
const text = `${vitest.stdout ?? ''}`;
for (const suite of SUITES) {
  const result = json.testResults.find((r) => r.name.endsWith(`packages/${suite.project}/${suite.file}`));
  const tests = result?.assertionResults ?? [];
  const failed = tests.filter((t) => t.status === 'failed');
  const bypassTests = failed.filter((t) => /bypass|not authorized|denied|refuse/i.test(t.title));
  rows.push({
    suite: suite.name,
    tests: tests.length,
    cases: casesFor(suite, tests.length),
    failed: failed.length,
    bypasses: Math.max(bypassTests.length, bypassesPrinted(suite)),
    crashes: result && result.status === 'failed' && tests.length === 0 ? 1 : 0,
    'max RSS MB': '',
    seconds: result ? ((result.endTime - result.startTime) / 1000).toFixed(1) : '-',
  });
}
const vitestCrashed = vitest.status !== 0 && rows.every((r) => r.failed === 0);

// The corpus runner prints "corpus via <transport>: N cases, B bypasses, M mismatches".
function bypassesPrinted(suite) {
  if (!suite.file.endsWith('corpus.test.ts')) return 0;
  return [...text.matchAll(/corpus via \w+: \d+ cases, (\d+) bypasses/g)].reduce(
    (a, m) => a + Number(m[1]),
    0,
  );
}

// "cases" = generated inputs or corpus cases where the suite prints them, else its test count.
function casesFor(suite, testCount) {
  const grab = (re) => [...text.matchAll(re)].reduce((a, m) => a + Number(m[1]), 0);
  if (suite.file.includes('config.fuzz')) return grab(/config fuzz: (\d+) documents/g) || testCount;
  if (suite.file.endsWith('corpus.test.ts')) return grab(/corpus via \w+: (\d+) cases/g) || testCount;
  // fast-check suites: the generated inputs are the sum of their fixed numRuns.
  const source = readFileSync(join(root, 'packages', suite.project, suite.file), 'utf8');
  const runs = [...source.matchAll(/numRuns:\s*([\d_]+)/g)].reduce(
    (a, m) => a + Number(m[1].replace(/_/g, '')),
    0,
  );
  return runs || testCount;
}

// 2. Load test against the built dev server.
let load = null;
if (!skipLoad) {
  const build = run('pnpm', [
    'turbo',
    'run',
    'build',
    '--filter=@chalice-ts/local...',
    '--output-logs=errors-only',
  ]);
  const loadJson = join(out, 'load.json');
  const child =
    build.status === 0
      ? run('node', ['hardening/load.mjs', '--duration', duration, '--json', loadJson])
      : { status: 1, seconds: 0 };
  load = existsSync(loadJson) ? JSON.parse(readFileSync(loadJson, 'utf8')) : null;
  rows.push({
    suite: `load ${load?.connections ?? 100} conns × ${duration} s`,
    tests: 1,
    cases: load?.answered ?? 0,
    failed: child.status === 0 ? 0 : 1,
    bypasses: load?.bypasses ?? '?',
    crashes: load ? load.crashes : 1,
    'max RSS MB': load ? `${load.rssMaxMb} (+${load.rssGrowthMb})` : '?',
    seconds: child.seconds.toFixed(1),
  });
}

const total = (key) => rows.reduce((a, r) => a + (Number(r[key]) || 0), 0);
rows.push({
  suite: 'TOTAL',
  tests: total('tests'),
  cases: total('cases'),
  failed: total('failed') + (vitestCrashed ? 1 : 0),
  bypasses: total('bypasses'),
  crashes: total('crashes') + (vitestCrashed ? 1 : 0),
  'max RSS MB': load ? String(load.rssMaxMb) : '',
  seconds: rows.reduce((a, r) => a + (Number(r.seconds) || 0), 0).toFixed(1),
});
console.log('\nchalice-ts hardening summary');
console.table(rows);
for (const line of text.match(/config fuzz: \d+ issue\(s\) without a position[^\n]*/g) ?? [])
  console.log(`note: ${line} (see packages/core/src/config/config.fuzz.test.ts)`);
if (load?.failures?.length) console.log(`load failures:\n  ${load.failures.join('\n  ')}`);
const ok =
  vitest.status === 0 && rows.at(-1).failed === 0 && rows.at(-1).crashes === 0 && rows.at(-1).bypasses === 0;
console.log(ok ? 'hardening: OK' : 'hardening: FAILED');
process.exit(ok ? 0 : 1);
