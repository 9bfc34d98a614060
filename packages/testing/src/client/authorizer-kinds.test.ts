import { beforeAll, describe, expect, it } from 'vitest';
import { everyKindApp } from '../fixtures/apps.js';
import { TestClient } from './test-client.js';

let client: TestClient;
beforeAll(async () => {
  client = await TestClient.create(everyKindApp());
});

describe('REQUEST authorizers with identity sources', () => {
  it('answers 200 with the context as strings when every identity source is present', async () => {
    const res = await client.http.get('/keyed', {
      headers: { 'X-Api-Key': 'k1' },
      query: { tenant: 'acme' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ authorizer: { tenant: 'acme', principalId: 'tenant-acme' } });
  });

  it.each([
    ['the header is missing', {}, { tenant: 'acme' }],
    ['the query parameter is missing', { 'X-Api-Key': 'k1' }, {}],
    ['the header is empty', { 'X-Api-Key': '' }, { tenant: 'acme' }],
  ])('answers 401 without invoking the authorizer when %s', async (_, headers, query) => {
    const before = client.authorizerCalls('key_auth');
    const res = await client.http.get('/keyed', { headers, query });
    expect(res.statusCode).toBe(401);
    expect(res.reason).toBe('an identity source is missing or empty');
    expect(client.authorizerCalls('key_auth')).toBe(before);
  });

  it('answers 403 when the authorizer allows no route', async () => {
    const res = await client.http.get('/keyed?tenant=acme', { headers: { 'X-Api-Key': 'wrong' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('custom authorizers', () => {
  it.each([
    ['good', 200],
    ['bad', 403],
  ])('runs the local handler: token %s answers %i', async (token, status) => {
    const res = await client.http.get('/legacy', { headers: { 'X-Legacy': token } });
    expect(res.statusCode).toBe(status);
  });

  it('answers 403 with an explicit deny when the handler returns Deny', async () => {
    const res = await client.http.get('/legacy', { headers: { 'x-legacy': 'bad' } });
    expect(res.diagnostics.decision).toBe('explicit-deny');
    expect(res.json).toEqual({
      Message: 'User is not authorized to access this resource with an explicit deny',
    });
  });

  it('fails closed with 500 when there is no local handler, and says how to add one', async () => {
    const res = await client.http.get('/remote', { headers: { Authorization: 'anything' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-amzn-ErrorType']).toBe('AuthorizerConfigurationException');
    expect(res.reason).toBe('custom authorizer RemoteOnly has no local_handler');
    expect(client.logs.join('\n')).toContain('local_handler');
  });
});

describe('Cognito user pool authorizers', () => {
  it('accepts a token minted by the client and passes the claims as strings', async () => {
    const token = client.tokens.cognito('MyPool', { username: 'jane', claims: { email: 'j@example.com' } });
    const res = await client.http.get('/user-pools', { headers: { Authorization: token } });
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({
      claims: { claims: { 'cognito:username': 'jane', email: 'j@example.com', token_use: 'id' } },
    });
  });

  it.each([
    ['expired', { expiresIn: -60 }],
    ['from the wrong issuer', { issuer: 'https://wrong' }],
    ['an access token on an id-token route', { tokenUse: 'access' as const }],
    ['badly signed', { badSignature: true }],
  ])('answers 401 for a token that is %s', async (_, variant) => {
    const token = client.tokens.cognito('MyPool', { username: 'jane', ...variant });
    const res = await client.http.get('/user-pools', { headers: { Authorization: token } });
    expect(res.statusCode).toBe(401);
    expect(res.json).toEqual({ message: 'Unauthorized' });
  });

  it('answers 401 when the Authorization header is missing', async () => {
    expect((await client.http.get('/user-pools')).statusCode).toBe(401);
  });

  it.each([
    [['read'], 200],
    [['read', 'write'], 200],
    [['write'], 401],
  ])('on a route requiring scope read, an access token with scopes %j answers %i', async (scopes, status) => {
    const token = client.tokens.cognito('MyPool', { username: 'jane', scopes });
    const res = await client.http.get('/scoped', { headers: { Authorization: token } });
    expect(res.statusCode).toBe(status);
  });

  it('refuses a token once the virtual clock passes its expiry', async () => {
    const other = await TestClient.create(everyKindApp());
    const token = other.tokens.cognito('MyPool', { username: 'jane', expiresIn: 60 });
    expect((await other.http.get('/user-pools', { headers: { Authorization: token } })).statusCode).toBe(200);
    other.clock.advance(61);
    expect((await other.http.get('/user-pools', { headers: { Authorization: token } })).statusCode).toBe(401);
  });
});

describe('IAM authorizers', () => {
  it('answers 200 for a signed request and fills requestContext.identity from the credential', async () => {
    const headers = await client.iam.sign({ method: 'GET', path: '/iam-auth' });
    const res = await client.http.get('/iam-auth', { headers });
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({
      identity: { accessKey: client.iam.credential.accessKeyId, userArn: client.iam.credential.userArn },
    });
  });

  it('signs the body and query that are sent', async () => {
    const request = { method: 'POST', path: '/iam-auth?x=1', body: { name: 'n' }, query: { y: '2' } };
    const headers = await client.iam.sign(request);
    const res = await client.http.post('/iam-auth?x=1', {
      headers,
      body: request.body,
      query: request.query,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ body: '{"name":"n"}' });
  });

  it('answers 403 for an unsigned request', async () => {
    const res = await client.http.get('/iam-auth');
    expect(res.statusCode).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('answers 403 when the signed request was tampered with', async () => {
    const headers = await client.iam.sign({ method: 'POST', path: '/iam-auth', body: 'amount=1' });
    const res = await client.http.post('/iam-auth', { headers, body: 'amount=1000' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
  });

  it('answers 403 for a credential the gateway does not know', async () => {
    const stranger = {
      accessKeyId: 'AKIDSTRANGER',
      secretAccessKey: 's',
      userArn: 'arn:aws:iam::123456789012:user/x',
    };
    const headers = await client.iam.sign({ method: 'GET', path: '/iam-auth' }, stranger);
    expect((await client.http.get('/iam-auth', { headers })).statusCode).toBe(403);
  });

  it('answers 403 when the signature is older than the allowed clock skew', async () => {
    const other = await TestClient.create(everyKindApp());
    const headers = await other.iam.sign({ method: 'GET', path: '/iam-auth' });
    other.clock.advance(16 * 60);
    const res = await other.http.get('/iam-auth', { headers });
    expect(res.statusCode).toBe(403);
  });
});

describe('routes without an authorizer', () => {
  it('answers CORS preflight without authorization', async () => {
    const res = await client.http.options('/open');
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
