import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CognitoUserPoolAuthorizer } from '@chalice-ts/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devKeys, mintCognitoToken } from '../cognito/index.js';
import { type LocalServer, serve } from '../server/serve.js';
import { Chalice } from './fixtures/apps.js';
import { LocalGateway } from './local-gateway.js';

const run = promisify(execFile);
const POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const OTHER_POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_other';
const now = Date.parse('2024-05-01T12:00:00Z');

function cognitoApp() {
  const app = new Chalice({ appName: 'pools' });
  const pool = new CognitoUserPoolAuthorizer('MyPool', { providerArns: [POOL] });
  app.route('/user-pools', { authorizer: pool }, (request) => ({ context: request.context }));
  app.route('/scoped', { authorizer: pool.withScopes(['read']) }, () => ({ scoped: true }));
  return app;
}

describe('LocalGateway: Cognito user pool routes', () => {
  let projectDir: string;
  let keys: Awaited<ReturnType<typeof devKeys>>;
  let gateway: LocalGateway;
  const mint = (options: Partial<Parameters<typeof mintCognitoToken>[0]> = {}) =>
    mintCognitoToken({ keys, providerArn: POOL, username: 'jane', now, ...options });
  const get = (path: string, token?: string) =>
    gateway.handleRequest({
      method: 'GET',
      path,
      headers: token === undefined ? {} : { Authorization: token },
    });

  beforeAll(async () => {
    projectDir = mkdtempSync(join(tmpdir(), 'chalice-ts-cognito-'));
    keys = await devKeys(projectDir);
    gateway = new LocalGateway(cognitoApp(), { projectDir, clock: { now: () => now }, logger: () => {} });
  });
  afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

  it('allows a valid ID token and passes its claims as strings', async () => {
    const res = await get(
      '/user-pools',
      await mint({ groups: ['admins'], claims: { email_verified: true } }),
    );
    expect(res.statusCode).toBe(200);
    const claims = JSON.parse(res.body).context.authorizer.claims;
    expect(claims).toMatchObject({
      'cognito:username': 'jane',
      token_use: 'id',
      iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_abc',
      email_verified: 'true',
    });
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
  });

  it('allows an access token carrying the scope a scoped route requires', async () => {
    expect((await get('/scoped', await mint({ scopes: ['read'] }))).statusCode).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', async () => mint({ expiresIn: -60 })],
    ['a token from another user pool', async () => mint({ providerArn: OTHER_POOL })],
    ['an access token on a route without scopes', async () => mint({ tokenUse: 'access', scopes: ['read'] })],
    ['a token with a forged signature', async () => `${(await mint()).slice(0, -4)}AAAA`],
    [
      'an alg: none token',
      async () => {
        const [, payload] = (await mint()).split('.');
        return `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      },
    ],
    ['not a JWT at all', async () => 'allow'],
  ])('answers 401 Unauthorized for %s', async (_name, token) => {
    const res = await get('/user-pools', await token());
    expect([res.statusCode, res.headers['x-amzn-ErrorType'], res.body]).toEqual([
      401,
      'UnauthorizedException',
      '{"message":"Unauthorized"}',
    ]);
  });

  it.each([
    ['an ID token', { tokenUse: 'id' as const }],
    ['an access token without the scope', { scopes: ['write'] }],
  ])('answers 401 on a scoped route for %s', async (_name, options) => {
    expect((await get('/scoped', await mint(options))).statusCode).toBe(401);
  });
});

describe('serve: Cognito routes over HTTP with a dev token', () => {
  let projectDir: string;
  let server: LocalServer;
  beforeAll(async () => {
    projectDir = mkdtempSync(join(tmpdir(), 'chalice-ts-cognito-http-'));
    server = await serve(cognitoApp(), { projectDir, port: 0, logger: () => {} });
  });
  afterAll(async () => {
    await server.close();
    rmSync(projectDir, { recursive: true, force: true });
  });

  it('accepts a token minted from the project’s dev keys (curl) and rejects none', async () => {
    const token = await mintCognitoToken({
      keys: await devKeys(projectDir),
      providerArn: POOL,
      username: 'jane',
    });
    const ok = await run('curl', [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-H',
      `Authorization: ${token}`,
      `${server.url}/user-pools`,
    ]);
    expect(ok.stdout).toBe('200');
    const missing = await fetch(`${server.url}/user-pools`);
    expect(missing.status).toBe(401);
  });
});
