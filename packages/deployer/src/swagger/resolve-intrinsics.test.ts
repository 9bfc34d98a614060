import { describe, expect, it } from 'vitest';
import { DeployerError } from '../errors.js';
import { allAuthorizersApp, custom, resolved, route, seedApp } from '../fixtures/apps.js';
import { buildResourceModel, type EffectiveModelInput } from '../model/index.js';
import { buildSwagger } from './build-swagger.js';
import { resolveSwaggerIntrinsics, stackEnvironment } from './resolve-intrinsics.js';

const env = { partition: 'aws', region: 'us-west-2', accountId: '123456789012' };
const resolve = (model: EffectiveModelInput = seedApp(), environment = env) => {
  const resources = buildResourceModel(model, resolved(), { stage: 'dev' });
  return resolveSwaggerIntrinsics(buildSwagger(resources), resources, environment);
};
const fn = (name: string, partition = 'aws', region = 'us-west-2') =>
  `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/arn:${partition}:lambda:${region}:123456789012:function:${name}/invocations`;

describe('stackEnvironment', () => {
  it.each([
    ['arn:aws:cloudformation:us-west-2:123456789012:stack/chalice-ts-bootstrap/1', env],
    [
      'arn:aws-cn:cloudformation:cn-north-1:123456789012:stack/x/abc-def',
      { partition: 'aws-cn', region: 'cn-north-1', accountId: '123456789012' },
    ],
    ['chalice-ts-bootstrap', null],
    ['arn:aws:cloudformation:us-west-2:12345:stack/x/1', null],
  ])('reads %s as %o', (stackId, expected) => {
    expect(stackEnvironment(stackId)).toEqual(expected);
  });
});

describe('resolveSwaggerIntrinsics', () => {
  it('replaces the integration and authorizer URIs with the ARNs of the named functions', () => {
    const swagger = resolve();
    expect(swagger.paths['/']?.['get']).toMatchObject({
      'x-amazon-apigateway-integration': { uri: fn('demoauth1-dev') },
    });
    expect(swagger.securityDefinitions?.['demo_auth']).toMatchObject({
      'x-amazon-apigateway-authorizer': { authorizerUri: fn('demoauth1-dev-demo_auth') },
    });
  });

  it('leaves no intrinsic anywhere and changes nothing else', () => {
    const resources = buildResourceModel(allAuthorizersApp(), resolved(), { stage: 'dev' });
    const source = buildSwagger(resources);
    const text = JSON.stringify(resolveSwaggerIntrinsics(source, resources, env));
    expect(text).not.toMatch(/Fn::|"Ref"|\$\{/);
    const withoutUris = (s: string): unknown =>
      JSON.parse(s, (key, value) => (key === 'uri' || key === 'authorizerUri' ? undefined : value));
    expect(withoutUris(text)).toEqual(withoutUris(JSON.stringify(source)));
  });

  it('uses the partition and region of the account (aws-cn here)', () => {
    const swagger = resolve(seedApp(), {
      partition: 'aws-cn',
      region: 'cn-north-1',
      accountId: '123456789012',
    });
    expect(swagger.paths['/']?.['get']).toMatchObject({
      'x-amazon-apigateway-integration': { uri: fn('demoauth1-dev', 'aws-cn', 'cn-north-1') },
    });
  });

  it('refuses a substitution only CloudFormation could resolve instead of importing a broken API', () => {
    const odd = {
      ...custom(),
      swagger: () => ({ ...custom().swagger(), extra: { 'Fn::GetAtt': ['X', 'Arn'] } }),
    };
    const model = { ...seedApp(), routes: [route('GET', '/', odd)], authorizers: new Map([[odd.name, odd]]) };
    expect(() => resolve(model)).toThrow(DeployerError);
    expect(() => resolve(model)).toThrow(/Fn::GetAtt at \/securityDefinitions\/MyCustomAuth\/extra/);
  });

  it('is pure: the Swagger it was given still holds its Fn::Sub values', () => {
    const resources = buildResourceModel(seedApp(), resolved(), { stage: 'dev' });
    const source = buildSwagger(resources);
    const before = JSON.stringify(source);
    resolveSwaggerIntrinsics(source, resources, env);
    expect(JSON.stringify(source)).toBe(before);
  });
});
