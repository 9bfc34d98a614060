import { describe, expect, it } from 'vitest';
import { ChaliceTsError } from '../errors.js';
import { CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from './authorizers.js';

const POOL_ARN = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const URI =
  'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Auth/invocations';

describe('IAMAuthorizer', () => {
  it('is named sigv4 with no scopes', () => {
    const iam = new IAMAuthorizer();
    expect([iam.kind, iam.name, iam.scopes]).toEqual(['iam', 'sigv4', []]);
  });

  it("renders Chalice's security definition exactly", () => {
    expect(new IAMAuthorizer().toSwagger()).toStrictEqual({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
  });

  it('refuses scopes with SCOPES_NOT_SUPPORTED', () => {
    expect(() => new IAMAuthorizer().withScopes(['read'])).toThrow(ChaliceTsError);
    expect(() => new IAMAuthorizer().withScopes(['read'])).toThrow(
      expect.objectContaining({ code: 'SCOPES_NOT_SUPPORTED' }),
    );
  });
});

describe('CognitoUserPoolAuthorizer', () => {
  it("renders Chalice's security definition exactly", () => {
    expect(new CognitoUserPoolAuthorizer('MyPool', { providerArns: [POOL_ARN] }).toSwagger()).toStrictEqual({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [POOL_ARN] },
    });
  });

  it('uses a custom header and leaves scopes out of the security definition', () => {
    const pool = new CognitoUserPoolAuthorizer('MyPool', {
      providerArns: [POOL_ARN, 'arn:2'],
      header: 'X-Token',
      scopes: ['a'],
    });
    expect(pool.toSwagger().name).toBe('X-Token');
    expect(pool.toSwagger()['x-amazon-apigateway-authorizer']).toStrictEqual({
      type: 'cognito_user_pools',
      providerARNs: [POOL_ARN, 'arn:2'],
    });
    expect(pool.scopes).toEqual(['a']);
  });

  it('returns a scoped copy from withScopes and leaves the original unchanged', () => {
    const pool = new CognitoUserPoolAuthorizer('MyPool', { providerArns: [POOL_ARN], header: 'X-Token' });
    const scoped = pool.withScopes(['read', 'write']);
    expect(scoped).not.toBe(pool);
    expect(scoped).toBeInstanceOf(CognitoUserPoolAuthorizer);
    expect([scoped.name, scoped.header, scoped.providerArns, scoped.scopes]).toEqual([
      'MyPool',
      'X-Token',
      [POOL_ARN],
      ['read', 'write'],
    ]);
    expect(pool.scopes).toEqual([]);
    expect(scoped.toSwagger()).toStrictEqual(pool.toSwagger());
  });

  it.each([
    [undefined, 'providerArns should be a non-empty list of ARNs, received: undefined'],
    [POOL_ARN, `providerArns should be a non-empty list of ARNs, received: "${POOL_ARN}"`],
    [[], 'providerArns should be a non-empty list of ARNs, received: []'],
    [[POOL_ARN, 3], `providerArns should be a non-empty list of ARNs, received: ["${POOL_ARN}",3]`],
  ])('rejects providerArns %j with a TypeError naming the value', (providerArns, message) => {
    const build = () => new CognitoUserPoolAuthorizer('MyPool', { providerArns } as never);
    expect(build).toThrow(TypeError);
    expect(build).toThrow(`CognitoUserPoolAuthorizer "MyPool": ${message}`);
  });

  it('rejects an empty name', () => {
    expect(() => new CognitoUserPoolAuthorizer('', { providerArns: [POOL_ARN] })).toThrow(TypeError);
  });
});

describe('CustomAuthorizer', () => {
  it("renders Chalice's security definition exactly, with the default TTL", () => {
    expect(new CustomAuthorizer('MyCustomAuth', { authorizerUri: URI }).toSwagger()).toStrictEqual({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: URI,
        authorizerResultTtlInSeconds: 300,
      },
    });
  });

  it('adds authorizerCredentials only when an invoke role is set', () => {
    const custom = new CustomAuthorizer('A', {
      authorizerUri: URI,
      ttlSeconds: 0,
      header: 'X-Auth',
      invokeRoleArn: 'arn:aws:iam::1:role/r',
    });
    expect(custom.toSwagger()).toStrictEqual({
      in: 'header',
      type: 'apiKey',
      name: 'X-Auth',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: URI,
        authorizerResultTtlInSeconds: 0,
        authorizerCredentials: 'arn:aws:iam::1:role/r',
      },
    });
  });

  it('returns a scoped copy from withScopes, keeping every other option', () => {
    const localHandler = () => ({});
    const custom = new CustomAuthorizer('A', {
      authorizerUri: URI,
      ttlSeconds: 60,
      invokeRoleArn: 'arn:r',
      localHandler,
    });
    const scoped = custom.withScopes(['s']);
    expect(scoped).not.toBe(custom);
    expect(scoped).toEqual({ ...custom, scopes: ['s'] });
    expect(scoped.localHandler).toBe(localHandler);
    expect(custom.scopes).toEqual([]);
  });

  it.each([
    [{ authorizerUri: '' }, /authorizerUri must be a non-empty string, received: ""/],
    [{}, /authorizerUri must be a non-empty string, received: undefined/],
    [{ authorizerUri: URI, ttlSeconds: -1 }, /ttlSeconds must be an integer from 0 to 3600, received: -1/],
    [{ authorizerUri: URI, ttlSeconds: 3601 }, /ttlSeconds must be an integer from 0 to 3600/],
    [
      { authorizerUri: URI, ttlSeconds: '300' },
      /ttlSeconds must be an integer from 0 to 3600, received: "300"/,
    ],
    [
      { authorizerUri: URI, scopes: 'read' },
      /scopes must be an array of non-empty strings, received: "read"/,
    ],
    [{ authorizerUri: URI, localHandler: 'src/auth.ts#handler' }, /localHandler must be a function/],
  ])('rejects %j', (options, message) => {
    expect(() => new CustomAuthorizer('A', options as never)).toThrow(message);
  });
});
