#!/usr/bin/env node
// The README's first command: runs the seed's demo app (examples/demoauth) under
// `chalice-ts local` on 127.0.0.1 and walks through the three outcomes of the Chalice
// authorization page with real curl: no header (401), `Authorization: allow` (200), and any
// other token (403). Pass --serve to keep the server running afterwards.
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--serve');
const portArg = process.argv.indexOf('--port');
const port = portArg === -1 ? '0' : (process.argv[portArg + 1] ?? '0');
const server = spawn(
  process.execPath,
  ['packages/cli/dist/bin.js', 'local', '--project-dir', 'examples/demoauth', '--port', port],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);

const url = await new Promise((resolve, reject) => {
  let seen = '';
  const timer = setTimeout(() => reject(new Error(`chalice-ts local did not start:\n${seen}`)), 30_000);
  server.stdout.on('data', (chunk) => {
    seen += chunk;
    process.stdout.write(chunk);
    const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  server.on('exit', (code) => reject(new Error(`chalice-ts local exited with ${code}:\n${seen}`)));
});

const tour = [
  ['no Authorization header: API Gateway answers 401 without calling demo_auth', []],
  [
    "'Authorization: allow': demo_auth allows '/', the route sees the principal",
    ['-H', 'Authorization: allow'],
  ],
  ["'Authorization: deny': demo_auth allows no routes, so 403", ['-H', 'Authorization: deny']],
];
let failed = 0;
const expected = [401, 200, 403];
for (const [i, [what, args]] of tour.entries()) {
  process.stdout.write(
    `\n$ curl -i ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')} ${url}/\n# ${what}\n`,
  );
  const out = execFileSync('curl', ['-s', '-i', ...args, `${url}/`], { encoding: 'utf8' });
  process.stdout.write(`${out}\n`);
  const status = Number(/^HTTP\/[\d.]+ (\d+)/.exec(out)?.[1]);
  if (status !== expected[i]) {
    failed++;
    process.stdout.write(`!! expected ${expected[i]}, got ${status}\n`);
  }
}
process.stdout.write(`\ndemo: ${tour.length - failed} passed, ${failed} failed\n`);
if (keep && failed === 0) {
  process.stdout.write(`\nServing at ${url} — Ctrl-C to stop.\n`);
} else {
  server.kill('SIGTERM');
  process.exitCode = failed === 0 ? 0 : 1;
}
