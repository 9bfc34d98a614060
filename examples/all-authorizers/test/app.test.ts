import { fileURLToPath } from 'node:url';
import { TestClient } from '@chalice-ts/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '../src/app.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

// API Gateway's own answers (ARCHITECTURE §4): status, x-amzn-ErrorType, body.
const UNAUTHORIZED = [401, 'UnauthorizedException', { message: 'Unauthorized' }] as const;
const DENIED = [
  403,
  'AccessDeniedException',
  { Message: 'User is not authorized to access this resource' },
] as const;
const EXPLICIT_DENY = [
  403,
  'AccessDeniedException',
  { Message: 'User is not authorized to access this resource with an explicit deny' },
] as const;

let client: TestClient;
beforeEach(async () => {
  client = await TestClient.create(app, { projectDir });
});

const outcome = (res: { statusCode: number; headers: Record<string, string | undefined>; json: unknown }) => [
  res.statusCode,
  res.headers['x-amzn-errortype'],
  res.json,
];

describe('IAM (/iam-auth): SigV4 against local.iam.credentials', () => {
  it('answers 200 for a request signed with the configured credential', async () => {
    const headers = await client.iam.sign({ method: 'GET', path: '/iam-auth' });
    expect(client.iam.credential.accessKeyId).toBe('AKIDEXAMPLELOCAL');
    const res = await client.http.get('/iam-auth', { headers });
    expect([res.statusCode, res.json]).toEqual([200, { success: true }]);
  });

  it('answers 403 Missing Authentication Token for an unsigned request', async () => {
    const res = await client.http.get('/iam-auth');
    expect(outcome(res)).toEqual([
      403,
      'MissingAuthenticationTokenException',
      { message: 'Missing Authentication Token' },
    ]);
  });

  it('answers 403 InvalidSignatureException when the request differs from what was signed', async () => {
    const headers = await client.iam.sign({ method: 'GET', path: '/iam-auth?page=1' });
    const res = await client.http.get('/iam-auth?page=2', { headers });
    expect(res.statusCode).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    expect((res.json as { message: string }).message).toMatch(
      /^The request signature we calculated does not match the signature you provided\./,
    );
  });

  it('answers 403 UnrecognizedClientException for a credential the gateway does not know', async () => {
    const stranger = {
      access_key_id: 'AKIDSTRANGER',
      secret_access_key: 'not-configured',
      user_arn: 'arn:aws:iam::123456789012:user/stranger',
    };
    const headers = await client.iam.sign({ method: 'GET', path: '/iam-auth' }, stranger);
    expect(outcome(await client.http.get('/iam-auth', { headers }))).toEqual([
      403,
      'UnrecognizedClientException',
      { message: 'The security token included in the request is invalid.' },
    ]);
  });
});

describe('Cognito user pool (/user-pools, /user-pools/admin)', () => {
  it('answers 200 for an ID token minted for MyPool', async () => {
    const token = client.tokens.cognito('MyPool', { username: 'jane' });
    const res = await client.http.get('/user-pools', { headers: { Authorization: token } });
    expect([res.statusCode, res.json]).toEqual([200, { success: true }]);
  });

  it.each([
    ['no token', undefined],
    ['an expired token', { username: 'jane', expiresIn: -1 }],
    [
      'a token from another pool',
      { username: 'jane', issuer: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_other' },
    ],
    ['a token with a forged signature', { username: 'jane', badSignature: true }],
    ['an access token where an ID token is expected', { username: 'jane', tokenUse: 'access' as const }],
  ])('answers 401 for %s', async (_, mint) => {
    const headers = mint === undefined ? {} : { Authorization: client.tokens.cognito('MyPool', mint) };
    expect(outcome(await client.http.get('/user-pools', { headers }))).toEqual(UNAUTHORIZED);
  });

  it.each([
    ['an access token with scope admin', { scopes: ['admin'] }, 200],
    ['an access token with other scopes', { scopes: ['read', 'write'] }, 401],
    ['an ID token (no scopes)', {}, 401],
  ])('on the admin route (scope admin), %s answers %i', async (_, mint, status) => {
    const token = client.tokens.cognito('MyPool', { username: 'jane', ...mint });
    const res = await client.http.get('/user-pools/admin', { headers: { Authorization: token } });
    expect(res.statusCode).toBe(status);
  });

  it('refuses a token once it expires on the virtual clock', async () => {
    const token = client.tokens.cognito('MyPool', { username: 'jane', expiresIn: 120 });
    expect((await client.http.get('/user-pools', { headers: { Authorization: token } })).statusCode).toBe(
      200,
    );
    client.clock.advance(121);
    const res = await client.http.get('/user-pools', { headers: { Authorization: token } });
    expect(outcome(res)).toEqual(UNAUTHORIZED);
  });
});

describe('custom authorizer (/custom-auth) run through its local handler', () => {
  it('answers 200 when the handler allows the session', async () => {
    const res = await client.http.get('/custom-auth', { headers: { Authorization: 'Bearer valid-session' } });
    expect([res.statusCode, res.json]).toEqual([200, { success: true }]);
  });

  it.each([
    ['no Authorization header', {}, UNAUTHORIZED],
    ['an unknown session (the handler throws Unauthorized)', { Authorization: 'Bearer nope' }, UNAUTHORIZED],
    [
      'a revoked session (the handler returns Deny)',
      { Authorization: 'Bearer revoked-session' },
      EXPLICIT_DENY,
    ],
  ])('answers per API Gateway for %s', async (_, headers, expected) => {
    expect(outcome(await client.http.get('/custom-auth', { headers }))).toEqual(expected);
  });
});

describe('built-in TOKEN authorizer token_auth (/me, /reports)', () => {
  it('answers 200 on /me with the context as strings plus the principalId', async () => {
    const res = await client.http.get('/me', { headers: { Authorization: 'alice-token' } });
    expect([res.statusCode, res.json]).toEqual([
      200,
      { authorizer: { user: 'alice', admin: 'true', principalId: 'alice' } },
    ]);
  });

  it.each([
    ['bob', 'GET', 'bob-token', [200, undefined, { reports: ['q1', 'q2'] }]],
    ['bob', 'POST', 'bob-token', DENIED],
    ['alice', 'POST', 'alice-token', [200, undefined, { created: { title: 'q3' } }]],
    ['a stranger', 'GET', 'mallory-token', UNAUTHORIZED],
  ])('%s: %s /reports answers as the policy says', async (_, method, token, expected) => {
    const res = await client.http.request(method, '/reports', {
      headers: { Authorization: token },
      ...(method === 'POST' && { body: { title: 'q3' } }),
    });
    expect(outcome(res)).toEqual(expected);
  });

  it('runs once per token for 60 s: the cached policy covers /me and /reports', async () => {
    const headers = { Authorization: 'bob-token' };
    await client.http.get('/me', { headers });
    await client.http.get('/reports', { headers });
    expect((await client.http.post('/reports', { headers })).statusCode).toBe(403);
    expect(client.authorizerCalls('token_auth')).toBe(1);
    client.clock.advance(61);
    await client.http.get('/me', { headers });
    expect(client.authorizerCalls('token_auth')).toBe(2);
  });
});

describe('built-in REQUEST authorizer partner_auth returning a raw policy', () => {
  const partner = { 'X-Partner-Key': 'acme-partner-key' };

  it('answers 200 where the Allow matches, with the context as strings', async () => {
    const res = await client.http.get('/partners/acme', { headers: partner });
    expect([res.statusCode, res.json]).toEqual([
      200,
      { partner: 'acme', authorizer: { partner: 'acme', quota: '1000', principalId: 'partner-acme' } },
    ]);
  });

  it.each([
    ['the explicit Deny matches /partners/internal', '/partners/internal', partner, EXPLICIT_DENY],
    ['the partner key is missing (not invoked)', '/partners/acme', {}, UNAUTHORIZED],
    ['the partner key is unknown', '/partners/acme', { 'X-Partner-Key': 'guess' }, UNAUTHORIZED],
  ])('answers per API Gateway when %s', async (_, path, headers, expected) => {
    expect(outcome(await client.http.get(path, { headers }))).toEqual(expected);
  });

  it('returns the policy unchanged when invoked as a Lambda authorizer', async () => {
    const methodArn = 'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/partners/acme';
    const policy = await client.lambda.invokeAuthorizer('partner_auth', { headers: partner, methodArn });
    expect(policy).toEqual({
      principalId: 'partner-acme',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: 'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/partners/*',
          },
          {
            Action: 'execute-api:Invoke',
            Effect: 'Deny',
            Resource: 'arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/partners/internal',
          },
        ],
      },
      context: { partner: 'acme', quota: 1000 },
    });
  });
});

describe('routes without an authorizer', () => {
  it('answers 200 on /health with no credentials at all', async () => {
    expect(outcome(await client.http.get('/health'))).toEqual([200, undefined, { ok: true }]);
  });
});
