import { fileURLToPath } from 'node:url';
import { TestClient } from '@chalice-ts/testing';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const DEV_POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const PROD_POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_prod';
const issuer = (arn: string) => `https://cognito-idp.us-west-2.amazonaws.com/${arn.split('/')[1]}`;

describe('where each route gets its authorizer from', () => {
  it('binds routes from routes:, the default authorizer, and none for the opt-out', async () => {
    const client = await TestClient.create(app, { projectDir });
    const bindings = client.model.routes.map((r) => [
      `${r.method} ${r.path}`,
      r.authorizer?.name ?? null,
      r.source,
      r.scopes,
    ]);
    expect(bindings).toEqual([
      ['GET /iam-auth', 'sigv4', 'yaml-route', []],
      ['GET /user-pools', 'MyPool', 'yaml-route', []],
      ['GET /user-pools/admin', 'MyPool', 'yaml-route', ['admin']],
      ['GET /custom-auth', 'MyCustomAuth', 'yaml-route', []],
      ['GET /me', 'token_auth', 'default', []],
      ['GET /reports', 'token_auth', 'yaml-route', ['reports:read']],
      ['POST /reports', 'token_auth', 'yaml-route', ['reports:write']],
      ['GET /partners/{name}', 'partner_auth', 'yaml-route', []],
      ['GET /health', null, 'none', []],
    ]);
    expect([...client.model.authorizers.values()].every((a) => a.source === 'yaml')).toBe(true);
  });
});

describe('per-stage provider ARNs (stages.prod.authorizers.MyPool)', () => {
  it.each([
    ['dev', DEV_POOL, 200],
    ['dev', PROD_POOL, 401],
    ['prod', PROD_POOL, 200],
    ['prod', DEV_POOL, 401],
  ])('stage %s: a token issued by %s answers %i', async (stage, pool, status) => {
    const client = await TestClient.create(app, { projectDir, stage });
    const token = client.tokens.cognito('MyPool', { username: 'jane', issuer: issuer(pool) });
    const res = await client.http.get('/user-pools', { headers: { Authorization: token } });
    expect(res.statusCode).toBe(status);
  });

  it('uses the prod pool only on prod', async () => {
    const dev = await TestClient.create(app, { projectDir, stage: 'dev' });
    const prod = await TestClient.create(app, { projectDir, stage: 'prod' });
    expect(dev.model.authorizers.get('MyPool')?.providerArns).toEqual([DEV_POOL]);
    expect(prod.model.authorizers.get('MyPool')?.providerArns).toEqual([PROD_POOL]);
  });

  it('refuses an undeclared stage with an error naming it', async () => {
    await expect(TestClient.create(app, { projectDir, stage: 'staging' })).rejects.toThrow(/staging/);
  });
});
