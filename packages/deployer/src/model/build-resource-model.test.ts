import { describe, expect, it } from 'vitest';
import { DeployerError } from '../errors.js';
import { allAuthorizersApp, builtin, route, seedApp, resolved } from '../fixtures/apps.js';
import { buildResourceModel } from './build-resource-model.js';
import { toCfnName } from './cfn-name.js';

describe('toCfnName', () => {
  it.each([
    ['my_auth', 'MyAuth'],
    ['demo-auth', 'DemoAuth'],
    ['MyPool', 'MyPool'],
    ['key__auth_', 'KeyAuth'],
    ['auth.v2', 'Authv2'],
  ])('turns %s into %s', (name, expected) => {
    expect(toCfnName(name)).toBe(expected);
  });
});

describe('buildResourceModel', () => {
  it('names the API handler <app>-<stage> and each built-in authorizer <app>-<stage>-<name>', () => {
    const resources = buildResourceModel(allAuthorizersApp(), resolved(), { stage: 'prod' });
    expect(resources.apiHandler).toMatchObject({
      cfnName: 'APIHandler',
      functionName: 'demoauth-prod',
      handler: 'index.handler',
    });
    expect(resources.authorizerFunctions.map((f) => [f.cfnName, f.functionName, f.handler])).toEqual([
      ['DemoAuth', 'demoauth-prod-demo_auth', 'index.authorizerDemoAuth'],
      ['KeyAuth', 'demoauth-prod-key_auth', 'index.authorizerKeyAuth'],
    ]);
  });

  it('creates functions only for function-backed authorizers used by a route', () => {
    const model = seedApp();
    const unused = builtin('unused_auth');
    const resources = buildResourceModel(
      { ...model, authorizers: new Map([...model.authorizers, ['unused_auth', unused]]) },
      resolved(),
      { stage: 'dev' },
    );
    expect(resources.authorizerFunctions.map((f) => f.cfnName)).toEqual(['DemoAuth']);
  });

  it('records where a YAML-declared handler lives so the bundle can export it', () => {
    const resources = buildResourceModel(allAuthorizersApp(), resolved(), { stage: 'dev' });
    expect(resources.authorizerFunctions[1]?.authorizer).toEqual({
      name: 'key_auth',
      source: 'yaml',
      module: 'src/auth.ts',
      exportName: 'keyAuth',
      type: 'request',
      header: 'Authorization',
      identitySources: ['header:X-Api-Key', 'query:token'],
      ttlSeconds: 0,
    });
  });

  it("applies chalice.yaml per-function settings with Chalice's precedence", () => {
    const config = resolved({
      runtime: 'nodejs20.x',
      lambda_timeout: 30,
      environment_variables: { TABLE: 't' },
      tags: { team: 'a' },
      lambda_functions: { demo_auth: { lambda_timeout: 7 } },
      stages: { dev: { lambda_functions: { demo_auth: { lambda_memory_size: 256 } } } },
    });
    const resources = buildResourceModel(seedApp(), config, { stage: 'dev' });
    expect(resources.apiHandler).toMatchObject({
      runtime: 'nodejs20.x',
      timeout: 30,
      memorySize: 128,
      environment: { TABLE: 't' },
      tags: { team: 'a', 'chalice-ts': 'version=0.1.0:stage=dev:app=demoauth1' },
      role: { kind: 'managed', cfnName: 'DefaultRole' },
    });
    expect(resources.authorizerFunctions[0]).toMatchObject({
      timeout: 7,
      memorySize: 256,
      environment: { TABLE: 't' },
    });
    expect(resources.managedRole).toBe(true);
  });

  it('uses iam_role_arn only when manage_iam_role is false, as Chalice does', () => {
    const arn = 'arn:aws:iam::123456789012:role/app';
    const managed = buildResourceModel(seedApp(), resolved({ iam_role_arn: arn }), { stage: 'dev' });
    const given = buildResourceModel(seedApp(), resolved({ iam_role_arn: arn, manage_iam_role: false }), {
      stage: 'dev',
    });
    expect(managed.apiHandler.role).toEqual({ kind: 'managed', cfnName: 'DefaultRole' });
    expect(given.apiHandler.role).toEqual({ kind: 'existing', arn });
    expect(given.managedRole).toBe(false);
  });

  it('lets CLI flags beat the stage but not stages.<s>.lambda_functions.<fn>', () => {
    const config = resolved({
      stages: { dev: { lambda_timeout: 20, lambda_functions: { demo_auth: { lambda_timeout: 9 } } } },
    });
    const resources = buildResourceModel(seedApp(), config, { stage: 'dev', cli: { lambda_timeout: 40 } });
    expect(resources.apiHandler.timeout).toBe(40);
    expect(resources.authorizerFunctions[0]?.timeout).toBe(9);
  });

  it("fails with INVALID_MODEL when a function name would exceed Lambda's 64 characters", () => {
    const model = { ...seedApp(), appName: 'a'.repeat(60) };
    expect(() => buildResourceModel(model, resolved(), { stage: 'dev' })).toThrow(/1-64 letters/);
  });

  it.each([
    ['two authorizers share a logical id', [builtin('my_auth'), builtin('my-auth')], /already uses/],
    ['an authorizer takes a reserved logical id', [builtin('rest_API')], /reserves/],
  ])('fails with DUPLICATE_RESOURCE_NAME when %s', (_case, authorizers, message) => {
    const routes = authorizers.map((a, i) => route('GET', `/r${i}`, a));
    const model = { ...seedApp(), routes, authorizers: new Map(authorizers.map((a) => [a.name, a])) };
    const run = () => buildResourceModel(model, resolved(), { stage: 'dev' });
    expect(run).toThrow(DeployerError);
    expect(run).toThrow(message);
  });
});
