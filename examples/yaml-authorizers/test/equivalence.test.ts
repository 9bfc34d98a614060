import { fileURLToPath } from 'node:url';
import { type RequestOptions, TestClient } from '@chalice-ts/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { app as codeApp } from '../../all-authorizers/src/app.js';
import { app as yamlApp } from '../src/app.js';

/**
 * The same table of requests against the code-declared example (examples/all-authorizers) and this
 * YAML-declared one: every status, error type and body must be equal. Tokens and signatures are
 * made by each app's own client, as a caller of each deployed API would.
 */
type Call = { method: string; path: string; options?: RequestOptions };
type Row = [name: string, status: number, call: (client: TestClient) => Call | Promise<Call>];

const get = (path: string, headers: Record<string, string> = {}): Call => ({
  method: 'GET',
  path,
  options: { headers },
});
const bearer = (token: string) => ({ Authorization: token });
const partnerKey = (key: string) => ({ 'X-Partner-Key': key });
const OTHER_POOL = 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_other';

const table: Row[] = [
  [
    'IAM: signed with the local credential',
    200,
    async (c) => get('/iam-auth', await c.iam.sign({ method: 'GET', path: '/iam-auth' })),
  ],
  ['IAM: unsigned', 403, () => get('/iam-auth')],
  [
    'IAM: signed for another query',
    403,
    async (c) => get('/iam-auth?a=2', await c.iam.sign({ method: 'GET', path: '/iam-auth?a=1' })),
  ],
  [
    'Cognito: ID token',
    200,
    (c) => get('/user-pools', bearer(c.tokens.cognito('MyPool', { username: 'jane' }))),
  ],
  ['Cognito: no token', 401, () => get('/user-pools')],
  [
    'Cognito: expired',
    401,
    (c) => get('/user-pools', bearer(c.tokens.cognito('MyPool', { username: 'jane', expiresIn: -1 }))),
  ],
  [
    'Cognito: other pool',
    401,
    (c) => get('/user-pools', bearer(c.tokens.cognito('MyPool', { username: 'jane', issuer: OTHER_POOL }))),
  ],
  [
    'Cognito: forged',
    401,
    (c) => get('/user-pools', bearer(c.tokens.cognito('MyPool', { username: 'jane', badSignature: true }))),
  ],
  [
    'Cognito scoped: admin scope',
    200,
    (c) =>
      get('/user-pools/admin', bearer(c.tokens.cognito('MyPool', { username: 'jane', scopes: ['admin'] }))),
  ],
  [
    'Cognito scoped: other scope',
    401,
    (c) =>
      get('/user-pools/admin', bearer(c.tokens.cognito('MyPool', { username: 'jane', scopes: ['read'] }))),
  ],
  [
    'Cognito scoped: ID token',
    401,
    (c) => get('/user-pools/admin', bearer(c.tokens.cognito('MyPool', { username: 'jane' }))),
  ],
  ['custom: valid session', 200, () => get('/custom-auth', bearer('Bearer valid-session'))],
  ['custom: revoked session', 403, () => get('/custom-auth', bearer('Bearer revoked-session'))],
  ['custom: unknown session', 401, () => get('/custom-auth', bearer('Bearer nope'))],
  ['custom: no header', 401, () => get('/custom-auth')],
  ['built-in: alice /me', 200, () => get('/me', bearer('alice-token'))],
  ['built-in: bob /me', 200, () => get('/me', bearer('bob-token'))],
  ['built-in: stranger /me', 401, () => get('/me', bearer('mallory-token'))],
  ['built-in: no token /me', 401, () => get('/me')],
  ['built-in: bob GET /reports', 200, () => get('/reports', bearer('bob-token'))],
  [
    'built-in: bob POST /reports',
    403,
    () => ({
      method: 'POST',
      path: '/reports',
      options: { headers: bearer('bob-token'), body: { title: 'q3' } },
    }),
  ],
  [
    'built-in: alice POST /reports',
    200,
    () => ({
      method: 'POST',
      path: '/reports',
      options: { headers: bearer('alice-token'), body: { title: 'q3' } },
    }),
  ],
  ['raw policy: allowed partner route', 200, () => get('/partners/acme', partnerKey('acme-partner-key'))],
  ['raw policy: explicit Deny', 403, () => get('/partners/internal', partnerKey('acme-partner-key'))],
  ['raw policy: unknown key', 401, () => get('/partners/acme', partnerKey('guess'))],
  ['raw policy: missing key', 401, () => get('/partners/acme')],
  ['open: /health', 200, () => get('/health')],
  ['open: /health ignores credentials', 200, () => get('/health', bearer('mallory-token'))],
  ['no such route', 403, () => get('/nope')],
  [
    'no such method',
    403,
    () => ({ method: 'DELETE', path: '/me', options: { headers: bearer('alice-token') } }),
  ],
];

let code: TestClient;
let yaml: TestClient;
beforeAll(async () => {
  // One start time for both virtual clocks: SigV4 error bodies quote the signing time, so two clocks
  // created across a second boundary would differ in them (a flaky failure seen in CI).
  const now = Date.now();
  code = await TestClient.create(codeApp, {
    projectDir: fileURLToPath(new URL('../../all-authorizers', import.meta.url)),
    now,
  });
  yaml = await TestClient.create(yamlApp, { projectDir: fileURLToPath(new URL('..', import.meta.url)), now });
});

async function send(client: TestClient, row: Row) {
  const call = await row[2](client);
  const res = await client.http.request(call.method, call.path, call.options);
  return { status: res.statusCode, errorType: res.headers['x-amzn-errortype'], body: res.json };
}

describe('chalice.yaml declarations behave exactly like the code-declared example', () => {
  it.each(table)('%s: both answer %i with the same body', async (...row) => {
    const [fromCode, fromYaml] = [await send(code, row), await send(yaml, row)];
    expect(fromYaml).toEqual(fromCode);
    expect(fromCode.status).toBe(row[1]);
  });

  it('ran every Lambda authorizer as often in both (same cache behaviour)', () => {
    for (const name of ['token_auth', 'partner_auth', 'MyCustomAuth']) {
      expect([name, yaml.authorizerCalls(name)]).toEqual([name, code.authorizerCalls(name)]);
    }
    expect(code.authorizerCalls('token_auth')).toBe(3);
  });

  it('expires the token_auth cache after the same 60 s', async () => {
    for (const client of [code, yaml]) {
      const before = client.authorizerCalls('token_auth');
      client.clock.advance(59);
      await client.http.get('/me', { headers: bearer('alice-token') });
      expect(client.authorizerCalls('token_auth')).toBe(before);
      client.clock.advance(2);
      await client.http.get('/me', { headers: bearer('alice-token') });
      expect(client.authorizerCalls('token_auth')).toBe(before + 1);
    }
  });
});
