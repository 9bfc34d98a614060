import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../client/test-client.js';
import { events } from '../events/events.js';
import { everyKindApp, seedApp } from '../fixtures/apps.js';

let client: TestClient;
beforeAll(async () => {
  client = await TestClient.create(seedApp());
});

describe('client.lambda.invokeAuthorizer', () => {
  it("returns Chalice's policy for the seed authorizer, built from the default method ARN", async () => {
    const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'allow' });
    expect(policy).toEqual({
      context: {},
      principalId: 'user',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: ['arn:aws:execute-api:us-east-1:123456789012:local/api/*/'],
          },
        ],
      },
    });
  });

  it('uses the method ARN given', async () => {
    const arn = 'arn:aws:execute-api:eu-west-1:111122223333:abc/prod/GET/';
    const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'allow' }, arn);
    expect(policy.policyDocument).toMatchObject({
      Statement: [{ Resource: ['arn:aws:execute-api:eu-west-1:111122223333:abc/prod/*/'] }],
    });
  });

  it('returns an empty Allow list for a token the seed authorizer refuses', async () => {
    const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'nope' });
    expect(policy.policyDocument).toMatchObject({ Statement: [{ Effect: 'Allow', Resource: [] }] });
  });

  it('does not count direct invocations as gateway authorizer calls', () => {
    expect(client.authorizerCalls('demo_auth')).toBe(0);
  });

  it('reads the token from the headers of a TOKEN authorizer', async () => {
    const policy = await client.lambda.invokeAuthorizer('demo_auth', { headers: { authorization: 'allow' } });
    expect(policy.principalId).toBe('user');
  });

  it('runs REQUEST authorizers with headers and query, and custom authorizers through their local handler', async () => {
    const kinds = await TestClient.create(everyKindApp());
    const policy = await kinds.lambda.invokeAuthorizer('key_auth', {
      headers: { 'X-Api-Key': 'k1' },
      query: { tenant: 'acme' },
    });
    expect(policy).toMatchObject({ principalId: 'tenant-acme', context: { tenant: 'acme' } });
    const legacy = await kinds.lambda.invokeAuthorizer('LegacyAuth', { token: 'good' });
    expect(legacy.policyDocument).toMatchObject({ Statement: [{ Effect: 'Allow' }] });
    // A Lambda authorizer signals 401 by failing with the message "Unauthorized".
    await expect(kinds.lambda.invokeAuthorizer('per_route', { token: 'bad' })).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it.each([
    [
      'an unknown name, suggesting the closest',
      'per_rout',
      /no authorizer named 'per_rout'.*did you mean 'per_route'/,
    ],
    ['a Cognito authorizer', 'MyPool', /is cognito_user_pools, expected builtin or request or custom/],
    ['a custom authorizer without a local handler', 'RemoteOnly', /has no local handler/],
  ])('refuses %s', async (_, name, message) => {
    const kinds = await TestClient.create(everyKindApp());
    await expect(kinds.lambda.invokeAuthorizer(name, { token: 't' })).rejects.toThrow(message);
  });
});

describe('client.lambda.invoke and events', () => {
  it("runs app.handler with a REST proxy event and returns the Lambda's result", async () => {
    const result = await client.lambda.invoke(
      events.restProxy({ path: '/', requestContext: { authorizer: { principalId: 'direct' } } }),
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).context.authorizer).toEqual({ principalId: 'direct' });
  });

  it('shapes events like the AWS documentation examples, overridable field by field', () => {
    expect(events.tokenAuthorizer({ authorizationToken: 'x' })).toEqual({
      type: 'TOKEN',
      authorizationToken: 'x',
      methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request',
    });
    const request = events.requestAuthorizer({ headers: { 'X-Api-Key': 'k' } });
    expect(request).toMatchObject({
      type: 'REQUEST',
      headers: { 'X-Api-Key': 'k' },
      multiValueHeaders: { 'X-Api-Key': ['k'] },
      queryStringParameters: { QueryString1: 'queryValue1' },
      stageVariables: { StageVar1: 'stageValue1' },
      requestContext: { accountId: '123456789012', stage: 'test', resourcePath: '/request' },
    });
    const proxy = events.restProxy({ path: '/items', httpMethod: 'POST' });
    expect(proxy).toMatchObject({
      resource: '/items',
      httpMethod: 'POST',
      requestContext: { httpMethod: 'POST', resourcePath: '/items', identity: { sourceIp: '192.0.2.1' } },
    });
  });

  it('feeds authorizer events straight to a built-in authorizer handler', async () => {
    const app = seedApp();
    const demo = app.builtinAuthorizers.get('demo_auth')!;
    const policy = await demo.handler(events.tokenAuthorizer({ authorizationToken: 'allow' }));
    expect(policy.principalId).toBe('user');
  });
});
