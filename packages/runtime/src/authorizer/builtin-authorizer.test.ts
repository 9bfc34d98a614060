import { AuthRequest, AuthResponse, AuthRoute } from '@chalice-ts/core';
import { describe, expect, it } from 'vitest';
import { Chalice } from '../app/chalice.js';
import { ForbiddenError, UnauthorizedError } from '../errors/view-errors.js';
import { requestEvent, tokenEvent } from '../fixtures/aws-events.js';
import { BuiltinAuthorizer } from './builtin-authorizer.js';

const app = new Chalice({ appName: 'demoauth1' });
const demoAuth = app.authorizer({ name: 'demo_auth', ttlSeconds: 300 }, (authRequest) => {
  if (authRequest.token === 'allow') return new AuthResponse({ routes: ['/'], principalId: 'user' });
  if (authRequest.token === 'boom') throw new UnauthorizedError('nope');
  return new AuthResponse({ routes: [], principalId: 'user' });
});

describe('BuiltinAuthorizer.handler (Lambda entry point)', () => {
  it('returns the policy of the AuthResponse for a TOKEN event', async () => {
    await expect(demoAuth.handler(tokenEvent, {})).resolves.toEqual({
      context: {},
      principalId: 'user',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: ['arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/api/*/'],
          },
        ],
      },
    });
  });

  it('returns a policy with no resources when the AuthResponse lists no routes', async () => {
    const policy = await demoAuth.handler({ ...tokenEvent, authorizationToken: 'deny' });
    expect(policy.policyDocument.Statement).toEqual([
      { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: [] },
    ]);
  });

  it("throws Error('Unauthorized') when the function throws UnauthorizedError", async () => {
    const failure = demoAuth.handler({ ...tokenEvent, authorizationToken: 'boom' });
    await expect(failure).rejects.toThrow(new Error('Unauthorized'));
    await expect(failure).rejects.not.toBeInstanceOf(UnauthorizedError);
  });

  it('lets other errors through unchanged (API Gateway answers 500)', async () => {
    const auth = new BuiltinAuthorizer(function failing() {
      throw new ForbiddenError('x');
    });
    await expect(auth.handler(tokenEvent)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('gives a REQUEST authorizer the headers, query, stage variables and context of the event', async () => {
    const seen: AuthRequest[] = [];
    const keyAuth = new BuiltinAuthorizer(
      async (authRequest) => {
        seen.push(authRequest);
        return new AuthResponse({
          routes: [new AuthRoute('/request', ['get'])],
          principalId: authRequest.headers['HeaderAuth1'] ?? 'anon',
          context: { stage: authRequest.stageVariables['StageVar1'] ?? '' },
        });
      },
      { name: 'key_auth', type: 'request', identitySources: ['header:HeaderAuth1', 'query:QueryString1'] },
    );
    const policy = await keyAuth.handler(requestEvent);
    expect(seen[0]).toMatchObject({
      authType: 'REQUEST',
      methodArn: requestEvent.methodArn,
      queryStringParameters: { QueryString1: 'queryValue1' },
      requestContext: { resourcePath: '/request' },
    });
    expect(policy).toMatchObject({
      principalId: 'headerValue1',
      context: { stage: 'stageValue1' },
      policyDocument: {
        Statement: [{ Resource: ['arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request'] }],
      },
    });
  });

  it('passes a raw policy object through unchanged', async () => {
    const raw = {
      principalId: 'me',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: '*' }],
      },
      usageIdentifierKey: 'key',
    } as const;
    const auth = new BuiltinAuthorizer(function rawAuth() {
      return raw as never;
    });
    await expect(auth.handler(tokenEvent)).resolves.toBe(raw);
  });

  it.each([
    ['an array', { roles: ['a'] }],
    ['an object', { user: { id: 1 } }],
  ])('rejects a raw policy whose context holds %s', async (_what, context) => {
    const auth = new BuiltinAuthorizer(function nested() {
      return {
        principalId: 'me',
        policyDocument: { Version: '2012-10-17', Statement: [] },
        context,
      } as never;
    });
    await expect(auth.invoke(AuthRequest.fromEvent(tokenEvent))).rejects.toThrow(/context value for key/);
  });

  it.each([undefined, null, 'allow', 42])(
    'rejects a function that returns %j instead of a policy',
    async (value) => {
      const auth = new BuiltinAuthorizer(function bad() {
        return value as never;
      });
      await expect(auth.invoke(AuthRequest.fromEvent(tokenEvent))).rejects.toThrow(
        /return an AuthResponse or an IAM policy object/,
      );
    },
  );
});

describe('BuiltinAuthorizer.invoke', () => {
  it('rethrows UnauthorizedError so the local gateway can answer 401', async () => {
    await expect(
      demoAuth.invoke(AuthRequest.fromEvent({ ...tokenEvent, authorizationToken: 'boom' })),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('BuiltinAuthorizer.toSwagger', () => {
  const uri =
    'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:1:function:a/invocations';

  it("renders a TOKEN authorizer as Chalice's security definition", () => {
    expect(demoAuth.toSwagger(uri)).toEqual({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: uri,
        authorizerResultTtlInSeconds: 300,
      },
    });
  });

  it('renders a REQUEST authorizer with its identity sources', () => {
    const auth = new BuiltinAuthorizer(() => ({}) as never, {
      name: 'key_auth',
      type: 'request',
      identitySources: ['header:X-Api-Key', 'query:token'],
    });
    expect(auth.toSwagger(uri)['x-amazon-apigateway-authorizer']).toEqual({
      type: 'request',
      authorizerUri: uri,
      identitySource: 'method.request.header.X-Api-Key, method.request.querystring.token',
    });
  });

  it('keeps the options in withScopes copies', () => {
    const copy = demoAuth.withScopes(['read', 'write']);
    expect(copy).toMatchObject({
      name: 'demo_auth',
      ttlSeconds: 300,
      scopes: ['read', 'write'],
      fn: demoAuth.fn,
    });
  });
});
