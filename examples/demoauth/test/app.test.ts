import { fileURLToPath } from 'node:url';
import { TestClient } from '@chalice-ts/testing';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const newClient = () => TestClient.create(app, { projectDir });

describe('the seed walkthrough (demoauth1)', () => {
  it('answers 401 Unauthorized without an Authorization header, without running demo_auth', async () => {
    const client = await newClient();
    const res = await client.http.get('/');
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-amzn-ErrorType']).toBe('UnauthorizedException');
    expect(res.json).toEqual({ message: 'Unauthorized' });
    expect(client.authorizerCalls('demo_auth')).toBe(0);
  });

  it("answers 200 with Authorization: allow, and the context shows principalId 'user'", async () => {
    const client = await newClient();
    const res = await client.http.get('/', { headers: { Authorization: 'allow' } });
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({
      context: { authorizer: { principalId: 'user' }, httpMethod: 'GET', resourcePath: '/', stage: 'api' },
    });
  });

  it.each(['deny', 'Allow', 'allow ', 'Bearer allow'])(
    'answers 403 for the token %j: the policy allows no route',
    async (token) => {
      const client = await newClient();
      const res = await client.http.get('/', { headers: { Authorization: token } });
      expect(res.statusCode).toBe(403);
      expect(res.headers['x-amzn-ErrorType']).toBe('AccessDeniedException');
      expect(res.json).toEqual({ Message: 'User is not authorized to access this resource' });
    },
  );
});

describe("demo_auth's result is cached for API Gateway's default TTL (300 s)", () => {
  it('runs the authorizer once for repeated requests with the same token', async () => {
    const client = await newClient();
    for (let i = 0; i < 3; i += 1) {
      expect((await client.http.get('/', { headers: { Authorization: 'allow' } })).statusCode).toBe(200);
    }
    expect(client.authorizerCalls('demo_auth')).toBe(1);
  });

  it('runs the authorizer again once the cached policy expires', async () => {
    const client = await newClient();
    await client.http.get('/', { headers: { Authorization: 'allow' } });
    client.clock.advance(299);
    await client.http.get('/', { headers: { Authorization: 'allow' } });
    expect(client.authorizerCalls('demo_auth')).toBe(1);
    client.clock.advance(2);
    const res = await client.http.get('/', { headers: { Authorization: 'allow' } });
    expect(res.statusCode).toBe(200);
    expect(client.authorizerCalls('demo_auth')).toBe(2);
  });

  it('caches per token: a different token runs the authorizer again', async () => {
    const client = await newClient();
    await client.http.get('/', { headers: { Authorization: 'allow' } });
    const res = await client.http.get('/', { headers: { Authorization: 'deny' } });
    expect(res.statusCode).toBe(403);
    expect(client.authorizerCalls('demo_auth')).toBe(2);
  });
});

describe('demo_auth as a Lambda authorizer', () => {
  it("returns Chalice's policy shape for the token allow: every method on /", async () => {
    const client = await newClient();
    const methodArn = 'arn:aws:execute-api:us-west-2:123456789012:abcdef1234/api/GET/';
    const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'allow', methodArn });
    expect(policy).toEqual({
      context: {},
      principalId: 'user',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            // A path string allows every method, as in Chalice.
            Resource: ['arn:aws:execute-api:us-west-2:123456789012:abcdef1234/api/*/'],
          },
        ],
      },
    });
  });
});
