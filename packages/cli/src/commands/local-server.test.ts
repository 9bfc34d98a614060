import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyFixture,
  curl,
  FIXTURES,
  type LocalProcess,
  runCli,
  startLocal,
} from '../fixtures/cli-process.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('chalice-ts local, the server process', () => {
  it('exits 1 with a clear message and no stack trace when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const result = await runCli(['local', '--port', String(port), '--project-dir', join(FIXTURES, 'seed')]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`port ${port} is in use on 127.0.0.1`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 for a port that is not a number', async () => {
    const result = await runCli(['local', '--port', 'eighty', '--project-dir', join(FIXTURES, 'seed')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number');
  });

  it('exits 0 on SIGTERM', async () => {
    const local = await startLocal(join(FIXTURES, 'seed'));
    expect(await local.stop()).toBe(0);
  });

  it('reloads the app after a file edit with --watch, clearing the authorizer cache', async () => {
    const copy = await copyFixture('seed');
    cleanups.push(copy.remove);
    const local: LocalProcess = await startLocal(copy.dir, ['--watch']);
    cleanups.push(() => local.stop());
    const principal = async () => {
      const res = await curl(['-H', 'Authorization: allow', `${local.url}/`]);
      return (JSON.parse(res.body) as { context: { authorizer: { principalId: string } } }).context.authorizer
        .principalId;
    };
    expect(await principal()).toBe('user');

    const file = join(copy.dir, 'src', 'app.ts');
    const from = local.stdout().length;
    const source = await readFile(file, 'utf8');
    await writeFile(
      file,
      source.replace("routes: ['/'], principalId: 'user'", "routes: ['/'], principalId: 'edited'"),
    );

    await local.waitForOutput(/reloaded demoauth1; authorizer cache cleared/, { from });
    // Same token: a stale cache entry would still answer with the old principal.
    expect(await principal()).toBe('edited');
  });

  it('keeps serving the previous app when an edit does not compile, and says so on stderr', async () => {
    const copy = await copyFixture('seed');
    cleanups.push(copy.remove);
    const local: LocalProcess = await startLocal(copy.dir, ['--watch']);
    cleanups.push(() => local.stop());
    const from = local.stderr().length;
    await writeFile(join(copy.dir, 'src', 'app.ts'), 'export const app = {{ not typescript');

    await local.waitForOutput(/reload failed, still serving the previous version/, {
      stream: 'stderr',
      from,
    });
    expect(local.stderr()).toMatch(/src\/app\.ts:1:\d+/);
    expect((await curl(['-H', 'Authorization: allow', `${local.url}/`])).status).toBe(200);
  });
});
