import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../fixtures/cli-process.js';
import type { RouteListing } from './routes.js';

const PROJECT = join(FIXTURES, 'all-kinds');

describe('chalice-ts routes --json', () => {
  let rows: RouteListing[];
  beforeAll(async () => {
    const result = await runCli(['routes', '--json', '--project-dir', PROJECT]);
    expect(result.code, result.stderr).toBe(0);
    rows = JSON.parse(result.stdout) as RouteListing[];
  });

  it('lists every route of the app once, in order', () => {
    expect(rows.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /',
      'GET /other',
      'POST /cors',
      'GET /cors',
      'GET /explicit-deny',
      'GET /allowed-by-deny-auth',
      'GET /bad-context',
      'GET /custom-none',
      'GET /user-pools',
      'GET /key',
      'GET /custom',
      'GET /iam',
      'GET /health',
    ]);
  });

  it.each([
    { path: '/', authorizer: 'demo_auth', kind: 'builtin', declaredIn: /^code$/, ttl: 300 },
    { path: '/custom-none', authorizer: 'NoLocalHandler', kind: 'custom', declaredIn: /^code$/, ttl: 300 },
    {
      path: '/user-pools',
      authorizer: 'MyPool',
      kind: 'cognito_user_pools',
      declaredIn: /^chalice\.yaml routes:/,
      ttl: null,
    },
    { path: '/key', authorizer: 'key_auth', kind: 'request', declaredIn: /^chalice\.yaml routes:/, ttl: 300 },
    {
      path: '/custom',
      authorizer: 'LocalCustom',
      kind: 'custom',
      declaredIn: /^chalice\.yaml routes:/,
      ttl: 300,
    },
    { path: '/iam', authorizer: 'sigv4', kind: 'iam', declaredIn: /^default_authorizer/, ttl: null },
    {
      path: '/health',
      authorizer: null,
      kind: null,
      declaredIn: /^chalice\.yaml routes: \(authorizer: none\)$/,
      ttl: null,
    },
  ])(
    'shows $path guarded by $authorizer, declared in $declaredIn',
    ({ path, authorizer, kind, declaredIn, ttl }) => {
      const row = rows.find((r) => r.path === path);
      expect(row).toMatchObject({ method: 'GET', path, authorizer, kind, scopes: [] });
      expect(row?.declaredIn).toMatch(declaredIn);
      if (ttl !== undefined) expect(row?.ttlSeconds).toBe(ttl);
    },
  );

  it('says where an authorizer declared in chalice.yaml comes from', () => {
    expect(rows.find((r) => r.path === '/custom')?.declaredIn).toContain('authorizer in chalice.yaml');
    expect(rows.find((r) => r.path === '/')?.declaredIn).not.toContain('chalice.yaml');
  });

  it('says how chalice-ts local emulates each kind', () => {
    const local = Object.fromEntries(rows.map((r) => [r.path, r.local]));
    expect(local).toMatchObject({
      '/': 'runs the authorizer function',
      '/custom': 'runs local_handler',
      '/custom-none': expect.stringMatching(/^denies \(500\)/),
      '/user-pools': 'verifies JWT (dev keys)',
      '/iam': 'verifies SigV4 (1 credential)',
      '/health': 'open (no authorizer)',
    });
  });
});

describe('chalice-ts routes', () => {
  it('prints a table with a header and one line per route', async () => {
    const result = await runCli(['routes', '--project-dir', PROJECT]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+AUTHORIZER\s+KIND\s+DECLARED IN\s+SCOPES\s+TTL\s+LOCAL$/);
    expect(lines).toHaveLength(14);
    expect(lines.find((l) => /^GET\s+\/iam\s/.test(l))).toMatch(/sigv4\s+iam\s+default_authorizer/);
    expect(lines.find((l) => /^GET\s+\/health\s/.test(l))).toMatch(
      /\/health\s+-\s+-\s+chalice\.yaml routes: \(authorizer: none\)/,
    );
  });

  it('exits 2 for an unknown option', async () => {
    const result = await runCli(['routes', '--jsn', '--project-dir', PROJECT]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Run 'chalice-ts routes --help'");
  });
});
