import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curl, FIXTURES, type LocalProcess, startLocal } from '../fixtures/cli-process.js';

const PROJECT = join(FIXTURES, 'all-kinds');
const TRAP = /cached policy for demo_auth does not cover GET \/other; a policy must cover every route/;

async function demoCalls(server: LocalProcess): Promise<number> {
  const res = await curl([`${server.url}/health`]);
  return (JSON.parse(res.body) as { calls: Record<string, number> }).calls['demo_auth'] ?? 0;
}

describe.each([
  { name: 'with the authorizer cache (default)', args: [], cached: true },
  { name: 'with --no-authorizer-cache', args: ['--no-authorizer-cache'], cached: false },
])('chalice-ts local $name', ({ args, cached }) => {
  let local: LocalProcess;
  beforeAll(async () => {
    local = await startLocal(PROJECT, args);
  });
  afterAll(async () => {
    await local?.stop();
  });

  it('says in its banner whether the cache is on', () => {
    expect(local.stdout()).toMatch(cached ? /authorizer cache on/ : /authorizer cache off/);
  });

  it('denies a second route with the policy cached for the first one, as API Gateway does', async () => {
    const from = local.stdout().length;
    const before = await demoCalls(local);
    expect((await curl(['-H', 'Authorization: allow', `${local.url}/`])).status).toBe(200);
    const res = await curl(['-H', 'Authorization: allow', `${local.url}/other`]);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ Message: 'User is not authorized to access this resource' });
    // Cached: one evaluation covers both requests; uncached: the authorizer runs for each.
    expect((await demoCalls(local)) - before).toBe(cached ? 1 : 2);
    const line = await local.waitForOutput(/^GET \/other 403 .*$/m, { from });
    expect(line).toContain(cached ? 'cache=hit' : 'cache=off');
  });

  it(
    cached ? 'logs why the cached policy denied the other route' : 'does not warn about the cache',
    async () => {
      await local.waitForOutput(/^GET \/health 200 .*$/m);
      if (cached) expect(local.stdout()).toMatch(TRAP);
      else expect(local.stdout()).not.toMatch(/cached policy/);
    },
  );
});
