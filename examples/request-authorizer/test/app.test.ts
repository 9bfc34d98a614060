import { fileURLToPath } from 'node:url';
import { TestClient } from '@chalice-ts/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '../src/app.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const ACME = { 'X-Api-Key': 'acme-key-1' };
const GLOBEX = { 'X-Api-Key': 'globex-key-1' };

let client: TestClient;
beforeEach(async () => {
  client = await TestClient.create(app, { projectDir });
});
const calls = () => client.authorizerCalls('api_key_auth');

describe('identity sources: header:X-Api-Key and query:tenant', () => {
  it.each([
    ['the X-Api-Key header is missing', {}, '/items?tenant=acme'],
    ['the tenant query parameter is missing', ACME, '/items'],
    ['the X-Api-Key header is empty', { 'X-Api-Key': '' }, '/items?tenant=acme'],
    ['the tenant query parameter is empty', ACME, '/items?tenant='],
    ['both are missing', {}, '/items'],
  ])('answers 401 without invoking the authorizer when %s', async (_, headers, path) => {
    const res = await client.http.get(path, { headers });
    expect([res.statusCode, res.headers['x-amzn-errortype'], res.json]).toEqual([
      401,
      'UnauthorizedException',
      { message: 'Unauthorized' },
    ]);
    expect(calls()).toBe(0);
  });

  it('answers 200 with every context value as a string in requestContext.authorizer', async () => {
    const res = await client.http.get('/items?tenant=acme', { headers: ACME });
    expect([res.statusCode, res.json]).toEqual([
      200,
      {
        method: 'GET',
        tenant: 'acme',
        authorizer: {
          tenant: 'acme',
          plan: 'pro',
          maxItems: '100',
          canWrite: 'true',
          principalId: 'acme-client',
        },
      },
    ]);
    expect(calls()).toBe(1);
  });

  it('answers 401 for a key that was never issued (the authorizer throws UnauthorizedError)', async () => {
    const res = await client.http.get('/items?tenant=acme', { headers: { 'X-Api-Key': 'stolen' } });
    expect([res.statusCode, res.json]).toEqual([401, { message: 'Unauthorized' }]);
    expect(calls()).toBe(1);
  });

  it.each([
    ['a key used for another tenant', ACME, 'GET', '/items?tenant=globex'],
    ['a read-only key used to write', GLOBEX, 'POST', '/items?tenant=globex'],
  ])('answers 403 for %s', async (_, headers, method, path) => {
    const res = await client.http.request(method, path, { headers });
    expect([res.statusCode, res.json]).toEqual([
      403,
      { Message: 'User is not authorized to access this resource' },
    ]);
  });
});

describe('the 60 s cache is keyed on both identity sources', () => {
  it('reuses the policy for the same key and tenant, on every route it covers', async () => {
    await client.http.get('/items?tenant=acme', { headers: ACME });
    await client.http.post('/items?tenant=acme', { headers: ACME, body: { name: 'x' } });
    const res = await client.http.get('/items/42?tenant=acme', { headers: ACME });
    expect([res.statusCode, res.json]).toEqual([200, { id: '42', tenant: 'acme' }]);
    expect(calls()).toBe(1);
  });

  it('invokes the authorizer again when only the tenant changes', async () => {
    await client.http.get('/items?tenant=acme', { headers: ACME });
    const res = await client.http.get('/items?tenant=globex', { headers: ACME });
    expect(res.statusCode).toBe(403);
    expect(calls()).toBe(2);
  });

  it('invokes the authorizer again when only the key changes', async () => {
    await client.http.get('/items?tenant=globex', { headers: ACME });
    const res = await client.http.get('/items?tenant=globex', { headers: GLOBEX });
    expect(res.statusCode).toBe(200);
    expect(calls()).toBe(2);
  });

  it('re-evaluates a cached policy per route: the same globex key may read but not write', async () => {
    expect((await client.http.get('/items?tenant=globex', { headers: GLOBEX })).statusCode).toBe(200);
    expect((await client.http.post('/items?tenant=globex', { headers: GLOBEX })).statusCode).toBe(403);
    expect(calls()).toBe(1);
  });

  it('invokes the authorizer again once the 60 s have passed', async () => {
    await client.http.get('/items?tenant=acme', { headers: ACME });
    client.clock.advance(59);
    await client.http.get('/items?tenant=acme', { headers: ACME });
    expect(calls()).toBe(1);
    client.clock.advance(2);
    await client.http.get('/items?tenant=acme', { headers: ACME });
    expect(calls()).toBe(2);
  });

  it('invokes the authorizer on every request when the cache is turned off', async () => {
    const uncached = await TestClient.create(app, { projectDir, authorizerCache: false });
    await uncached.http.get('/items?tenant=acme', { headers: ACME });
    await uncached.http.get('/items?tenant=acme', { headers: ACME });
    expect(uncached.authorizerCalls('api_key_auth')).toBe(2);
  });
});

describe('api_key_auth as a Lambda authorizer', () => {
  it('returns a policy allowing the routes of the key and the context unchanged', async () => {
    const methodArn = 'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/items';
    const policy = await client.lambda.invokeAuthorizer('api_key_auth', {
      headers: GLOBEX,
      query: { tenant: 'globex' },
      methodArn,
    });
    expect(policy).toMatchObject({
      principalId: 'globex-client',
      context: { tenant: 'globex', plan: 'free', maxItems: 10, canWrite: false },
      policyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Resource: [
              'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/items',
              'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/items/*',
            ],
          },
        ],
      },
    });
  });
});
