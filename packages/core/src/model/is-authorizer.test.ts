import { describe, expect, it } from 'vitest';
import { AuthRequest } from './auth-request.js';
import { CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from './authorizers.js';
import { isAuthorizer } from './is-authorizer.js';

const builtinLike = {
  kind: 'builtin',
  name: 'demo_auth',
  header: 'Authorization',
  type: 'token',
  identitySources: [],
  scopes: [],
  withScopes() {
    return this;
  },
};

describe('isAuthorizer', () => {
  it.each([
    ['an IAMAuthorizer', new IAMAuthorizer()],
    ['a CognitoUserPoolAuthorizer', new CognitoUserPoolAuthorizer('P', { providerArns: ['arn:p'] })],
    ['a CustomAuthorizer', new CustomAuthorizer('C', { authorizerUri: 'arn:u' })],
    ['a built-in authorizer from the runtime', builtinLike],
  ])('recognises %s', (_name, value) => {
    expect(isAuthorizer(value)).toBe(true);
  });

  it.each([
    ['a declared name', 'MyPool'],
    ['null', null],
    ['a function', () => undefined],
    ['an object with an unknown kind', { ...builtinLike, kind: 'jwt' }],
    ['an object without withScopes', { kind: 'iam', name: 'sigv4', scopes: [] }],
  ])('rejects %s', (_name, value) => {
    expect(isAuthorizer(value)).toBe(false);
  });
});

describe('AuthRequest.fromEvent', () => {
  it('reads a TOKEN event', () => {
    const request = AuthRequest.fromEvent({ type: 'TOKEN', authorizationToken: 'allow', methodArn: 'arn:x' });
    expect([request.authType, request.token, request.methodArn, request.headers]).toEqual([
      'TOKEN',
      'allow',
      'arn:x',
      {},
    ]);
  });

  it('reads a REQUEST event, turning null maps into empty ones', () => {
    const request = AuthRequest.fromEvent({
      type: 'REQUEST',
      methodArn: 'arn:x',
      headers: { 'X-Api-Key': 'k' },
      queryStringParameters: null,
      pathParameters: { id: '7' },
      stageVariables: null,
      requestContext: { stage: 'api' },
    });
    expect(request).toMatchObject({
      authType: 'REQUEST',
      token: undefined,
      headers: { 'X-Api-Key': 'k' },
      queryStringParameters: {},
      pathParameters: { id: '7' },
      stageVariables: {},
      requestContext: { stage: 'api' },
    });
  });
});
