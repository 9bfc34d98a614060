import { describe, expect, it } from 'vitest';
import type { BuiltinAuthorizerSpec } from './builtin.js';
import { builtinSwagger, identitySourceExpression, parseIdentitySource } from './builtin.js';

const URI =
  'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:1:function:app-dev-demo_auth/invocations';
const token: BuiltinAuthorizerSpec = {
  name: 'demo_auth',
  header: 'Authorization',
  type: 'token',
  identitySources: [],
  scopes: [],
};

describe('builtinSwagger', () => {
  it("renders Chalice's built-in entry without TTL or credentials when unset", () => {
    expect(builtinSwagger(token, URI)).toStrictEqual({
      in: 'header',
      type: 'apiKey',
      name: 'Authorization',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: URI },
    });
  });

  it('adds authorizerCredentials and authorizerResultTtlInSeconds when set, in Chalice key order', () => {
    const entry = builtinSwagger(
      { ...token, header: 'X-Token', ttlSeconds: 0, executionRole: 'arn:aws:iam::1:role/invoke' },
      URI,
    );
    expect(entry).toStrictEqual({
      in: 'header',
      type: 'apiKey',
      name: 'X-Token',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: URI,
        authorizerCredentials: 'arn:aws:iam::1:role/invoke',
        authorizerResultTtlInSeconds: 0,
      },
    });
    expect(Object.keys(entry['x-amazon-apigateway-authorizer'] ?? {})).toEqual([
      'type',
      'authorizerUri',
      'authorizerCredentials',
      'authorizerResultTtlInSeconds',
    ]);
  });

  it('renders a REQUEST authorizer with its identity sources', () => {
    const spec: BuiltinAuthorizerSpec = {
      ...token,
      name: 'key_auth',
      type: 'request',
      ttlSeconds: 300,
      identitySources: ['header:X-Api-Key', 'query:token', 'stage:env', 'context:requestId'],
    };
    expect(builtinSwagger(spec, URI)).toStrictEqual({
      in: 'header',
      type: 'apiKey',
      name: 'X-Api-Key',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        authorizerUri: URI,
        identitySource:
          'method.request.header.X-Api-Key, method.request.querystring.token, stageVariables.env, context.requestId',
        authorizerResultTtlInSeconds: 300,
      },
    });
  });

  it('names a REQUEST authorizer without header sources "Unused"', () => {
    expect(builtinSwagger({ ...token, type: 'request', identitySources: ['query:token'] }, URI).name).toBe(
      'Unused',
    );
  });
});

describe('identity sources', () => {
  it.each([
    ['header:X-Api-Key', 'method.request.header.X-Api-Key'],
    ['query:token', 'method.request.querystring.token'],
    ['stage:env', 'stageVariables.env'],
    ['context:identity.sourceIp', 'context.identity.sourceIp'],
  ])('maps %s to %s', (source, expression) => {
    expect(identitySourceExpression(source)).toBe(expression);
  });

  it.each(['X-Api-Key', 'cookie:a', 'header:', 'querystring:token', ''])('rejects %j', (source) => {
    expect(() => parseIdentitySource(source)).toThrow(
      expect.objectContaining({ code: 'INVALID_IDENTITY_SOURCE' }),
    );
  });
});
