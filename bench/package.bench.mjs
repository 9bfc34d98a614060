// `chalice-ts package` for generated apps of 100 / 1,000 / 5,000 routes using 4 authorizer kinds
// (built-in, IAM, Cognito user pool, custom), against esbuild alone bundling the same entry (the
// floor: packaging can never be faster than its bundler) measured in the same run.
//
//   node bench/package.bench.mjs [--runs=3]     (needs `pnpm turbo run build` first)
//
// Each figure is the median wall time of `packageApp` (resource model -> Swagger -> template ->
// esbuild bundle -> deterministic zip -> files written) over the runs, after one warm-up.
// Target (issue 6): <= 2 s at 1,000 routes including bundling, and linear growth.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../packages/deployer/node_modules/esbuild/lib/main.js';
import { defaultResolvedConfig } from '../packages/core/dist/config/index.js';
import { buildCloudFormation, packageApp, TEMPLATE_URL_LIMIT } from '../packages/deployer/dist/index.js';
import { bindConfig } from '../packages/runtime/dist/binding/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const SIZES = [100, 1000, 5000];

function appSource(routes) {
  const lines = [
    "import { AuthResponse, Chalice, CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from '@chalice-ts/runtime';",
    `export const app = new Chalice({ appName: 'bench${routes}' });`,
    "const builtin = app.authorizer({ name: 'demo_auth', ttlSeconds: 300 }, (r) => new AuthResponse({ routes: r.token === 'allow' ? ['*'] : [], principalId: 'u' }));",
    'const iam = new IAMAuthorizer();',
    "const pool = new CognitoUserPoolAuthorizer('MyPool', { providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'] });",
    "const custom = new CustomAuthorizer('MyCustomAuth', { header: 'Authorization', authorizerUri: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:F/invocations' });",
    'const kinds = [builtin, iam, pool.withScopes(["read"]), custom];',
  ];
  for (let i = 0; i < routes; i++) {
    lines.push(
      `app.route('/r${i}/{id}', { methods: ['GET', 'PUT'], authorizer: kinds[${i % 4}], cors: ${i % 10 === 0} }, (req) => ({ route: ${i}, id: req.params.id }));`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(fn) {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

const rows = [];
const root = mkdtempSync(join(tmpdir(), 'cts-package-bench-'));
try {
  for (const size of SIZES) {
    const projectDir = join(root, `app${size}`);
    mkdirSync(join(projectDir, 'src'), { recursive: true });
    mkdirSync(join(projectDir, 'node_modules/@chalice-ts'), { recursive: true });
    symlinkSync(
      join(here, '../packages/runtime'),
      join(projectDir, 'node_modules/@chalice-ts/runtime'),
      'dir',
    );
    writeFileSync(join(projectDir, 'src/app.mjs'), appSource(size));
    const { app } = await import(pathToFileURL(join(projectDir, 'src/app.mjs')).href);
    const resolved = defaultResolvedConfig(app.appName);
    const bound = await bindConfig(app, resolved, {
      projectDir,
      loadModule: (file) => import(pathToFileURL(file).href),
    });
    if (!bound.ok) throw new Error(JSON.stringify(bound.errors));
    const model = bound.model;

    const ours = () =>
      packageApp({
        model,
        resolved,
        projectDir,
        entry: 'src/app.mjs',
        outDir: join(projectDir, 'out'),
      });
    const peer = () =>
      build({
        entryPoints: [join(projectDir, 'src/app.mjs')],
        absWorkingDir: projectDir,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        minify: true,
        write: false,
        outfile: join(projectDir, 'peer.mjs'),
      });
    await ours();
    await peer();
    const oursMs = [];
    const peerMs = [];
    let last;
    for (let i = 0; i < runs; i++) {
      const o = await timed(ours);
      oursMs.push(o.ms);
      last = o.result;
      peerMs.push((await timed(peer)).ms);
    }
    rows.push({
      routes: size,
      packageMs: median(oursMs),
      esbuildMs: median(peerMs),
      templateBytes: JSON.stringify(last.template).length,
      // What `deploy` sends when the inline template passes CloudFormation's limit (API body in S3).
      deployTemplateBytes: JSON.stringify(
        JSON.stringify(last.template).length > TEMPLATE_URL_LIMIT
          ? buildCloudFormation(last.resources, last.swagger, { apiBody: { kind: 'parameters' } })
          : last.template,
      ).length,
      openapiBytes: JSON.stringify(last.swagger).length,
      zipBytes: last.zip.length,
    });
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

console.log(`## chalice-ts package (median of ${runs} runs, node ${process.version})\n`);
console.log(
  '| routes | package ms | esbuild alone ms | ratio | µs / route | template KiB | deploy template KiB | openapi KiB | zip KiB |',
);
console.log(
  '|-------:|-----------:|-----------------:|------:|-----------:|-------------:|--------------------:|------------:|--------:|',
);
for (const r of rows) {
  console.log(
    `| ${r.routes} | ${r.packageMs.toFixed(0)} | ${r.esbuildMs.toFixed(0)} | ${(r.packageMs / r.esbuildMs).toFixed(1)}x | ${((r.packageMs * 1000) / r.routes).toFixed(0)} | ${(r.templateBytes / 1024).toFixed(0)} | ${(r.deployTemplateBytes / 1024).toFixed(0)} | ${(r.openapiBytes / 1024).toFixed(0)} | ${(r.zipBytes / 1024).toFixed(0)} |`,
  );
}
const at1000 = rows.find((r) => r.routes === 1000);
console.log(
  `\n1,000 routes: ${at1000.packageMs.toFixed(0)} ms (target <= 2,000 ms) — ${at1000.packageMs <= 2000 ? 'met' : 'MISSED'}`,
);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(
  join(here, 'results', 'package.json'),
  `${JSON.stringify({ node: process.version, runs, rows }, null, 2)}\n`,
);

// bench/run.mjs imports every *.bench.mjs and expects { title, suites }: the measurement above ran on import.
export default {
  title: 'chalice-ts package at 100 / 1,000 / 5,000 routes (see the table above)',
  suites: [],
};
