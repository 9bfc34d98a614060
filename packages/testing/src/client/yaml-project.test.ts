import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../fixtures/yaml-project/src/app.js';
import { TestClient } from './test-client.js';

const projectDir = fileURLToPath(new URL('../fixtures/yaml-project/', import.meta.url));

let client: TestClient;
beforeAll(async () => {
  client = await TestClient.create(app, { projectDir });
});

describe('authorizers declared in chalice.yaml (projectDir)', () => {
  it('applies default_authorizer: the YAML built-in answers 401, 200 and 403 like the seed demo', async () => {
    expect((await client.http.get('/')).statusCode).toBe(401);
    const ok = await client.http.get('/', { headers: { Authorization: 'allow' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json).toMatchObject({
      context: { authorizer: { principalId: 'user' }, accountId: '111122223333', apiId: 'yamlapi' },
    });
    expect((await client.http.get('/', { headers: { Authorization: 'deny' } })).statusCode).toBe(403);
  });

  it('uses the YAML ttl_seconds for the cache', async () => {
    const fresh = await TestClient.create(app, { projectDir });
    const allow = { headers: { Authorization: 'allow' } };
    await fresh.http.get('/', allow);
    fresh.clock.advance(59);
    await fresh.http.get('/', allow);
    expect(fresh.authorizerCalls('demo_auth')).toBe(1);
    fresh.clock.advance(2);
    await fresh.http.get('/', allow);
    expect(fresh.authorizerCalls('demo_auth')).toBe(2);
  });

  it('opts a route out with authorizer: none', async () => {
    expect((await client.http.get('/health')).statusCode).toBe(200);
  });

  it('binds a YAML REQUEST authorizer to a route by name', async () => {
    const res = await client.http.get('/keyed', { headers: { 'X-Api-Key': 'k1' }, query: { token: 't1' } });
    expect(res.json).toEqual({ authorizer: { via: 'yaml', principalId: 'key-user' } });
    expect((await client.http.get('/keyed', { headers: { 'X-Api-Key': 'k1' } })).statusCode).toBe(401);
  });

  it('runs a YAML custom authorizer through its local_handler', async () => {
    expect((await client.http.get('/legacy', { headers: { Authorization: 'c-ok' } })).statusCode).toBe(200);
    expect((await client.http.get('/legacy', { headers: { Authorization: 'c-no' } })).statusCode).toBe(403);
  });

  it("accepts a Cognito token signed with the project's dev keys, checking scopes per route binding", async () => {
    const id = client.tokens.cognito('MyPool', { username: 'jane' });
    expect((await client.http.get('/profile', { headers: { Authorization: id } })).statusCode).toBe(200);
    expect((await client.http.get('/reports', { headers: { Authorization: id } })).statusCode).toBe(401);
    const access = client.tokens.cognito('MyPool', { username: 'jane', scopes: ['reports/read'] });
    expect((await client.http.get('/reports', { headers: { Authorization: access } })).statusCode).toBe(200);
  });

  it('signs with the first configured credential in the configured region', async () => {
    const body = { action: 'reset' };
    const headers = await client.iam.sign({ method: 'POST', path: '/admin', body });
    expect(headers.authorization).toContain('AKIDYAMLPROJECT/');
    expect(headers.authorization).toContain('/eu-west-1/execute-api/aws4_request');
    const res = await client.http.post('/admin', { headers, body });
    expect(res.json).toMatchObject({ identity: { userArn: 'arn:aws:iam::111122223333:user/dev' } });
  });

  it('invokes YAML authorizers directly', async () => {
    const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'allow' });
    expect(policy.policyDocument).toMatchObject({
      Statement: [{ Resource: ['arn:aws:execute-api:eu-west-1:111122223333:yamlapi/api/*/'] }],
    });
    const key = await client.lambda.invokeAuthorizer('key_auth', {
      headers: { 'x-api-key': 'k1' },
      query: { token: 't1' },
    });
    expect(key.principalId).toBe('key-user');
  });

  it("resolves the stage: prod's pool overrides dev's, so a token minted for prod is accepted there", async () => {
    const prod = await TestClient.create(app, { projectDir, stage: 'prod' });
    const token = prod.tokens.cognito('MyPool', { username: 'jane' });
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).iss).toBe(
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_prod',
    );
    expect((await prod.http.get('/profile', { headers: { Authorization: token } })).statusCode).toBe(200);
    expect((await client.http.get('/profile', { headers: { Authorization: token } })).statusCode).toBe(401);
  });
});
