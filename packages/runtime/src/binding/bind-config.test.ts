import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AuthRequest,
  AuthResponse,
  CognitoUserPoolAuthorizer,
  CustomAuthorizer,
  IAMAuthorizer,
} from '@chalice-ts/core';
import {
  type ChaliceConfigInput,
  parseConfig,
  resolveStage,
  validateConfigObject,
} from '@chalice-ts/core/config';
import { describe, expect, it } from 'vitest';
import { Chalice } from '../app/chalice.js';
import { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';
import { type BindResult, bindApp, bindConfig } from './bind-config.js';
import type { EffectiveModel } from './effective-model.js';

const projectDir = '/project';
const poolArn = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const devPoolArn = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_dev';
const customUri =
  'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Auth/invocations';

function keyAuth(_request: AuthRequest) {
  return new AuthResponse({ routes: ['*'], principalId: 'key' });
}
function localAuth() {
  return { principalId: 'x', policyDocument: { Version: '2012-10-17', Statement: [] } };
}
const modules: Record<string, Record<string, unknown>> = {
  [resolve(projectDir, 'src/auth.ts')]: {
    keyAuth,
    localAuth,
    wrapped: new BuiltinAuthorizer(keyAuth, { name: 'ignored' }),
  },
};
const loadModule = async (file: string) => {
  const found = modules[file];
  if (!found) throw new Error(`Cannot find module '${file}'`);
  return found;
};

function resolved(doc: Omit<ChaliceConfigInput, 'version' | 'app_name'>, stage?: string) {
  const result = validateConfigObject({ version: 1, app_name: 'demo', ...doc });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return resolveStage(result.config, stage === undefined ? {} : { stage });
}

async function bind(app: Chalice, doc: Omit<ChaliceConfigInput, 'version' | 'app_name'>, stage?: string) {
  return bindConfig(app, resolved(doc, stage), { projectDir, loadModule });
}

function model(result: BindResult): EffectiveModel {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.model;
}

function messages(result: BindResult): string[] {
  if (result.ok) throw new Error('expected binding errors');
  return result.errors.map((e) => e.message);
}

const route = (m: EffectiveModel, key: string) => {
  const found = m.routes.find((r) => `${r.method} ${r.path}` === key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
};

function demoApp() {
  const app = new Chalice({ appName: 'demo' });
  const demoAuth = app.authorizer(
    { name: 'demo_auth', ttlSeconds: 60 },
    () => new AuthResponse({ routes: ['/'], principalId: 'u' }),
  );
  app.route('/', { authorizer: demoAuth }, () => ({}));
  app.route('/iam-auth', { authorizer: new IAMAuthorizer() }, () => ({}));
  app.route('/user-pools', () => ({}));
  app.route('/declared', { authorizer: 'MyPool' }, () => ({}));
  app.route('/health', () => ({}));
  app.route('/items/{id}', { methods: ['GET', 'DELETE'] }, () => ({}));
  return app;
}

const demoYaml = {
  authorizers: {
    MyPool: { type: 'cognito_user_pools', provider_arns: [poolArn] },
    key_auth: { type: 'request', handler: 'src/auth.ts#keyAuth', identity_sources: ['header:X-Api-Key'] },
  },
  routes: {
    'GET /user-pools': { authorizer: 'MyPool', scopes: ['read'] },
    'GET /health': { authorizer: 'none' },
  },
  default_authorizer: 'key_auth',
} satisfies Omit<ChaliceConfigInput, 'version' | 'app_name'>;

describe('bindConfig', () => {
  it('gives every route its effective authorizer and where it came from', async () => {
    const m = model(await bind(demoApp(), demoYaml));
    const summary = m.routes.map((r) => [
      `${r.method} ${r.path}`,
      r.authorizer?.name ?? null,
      r.source,
      r.scopes,
    ]);
    expect(summary).toEqual([
      ['GET /', 'demo_auth', 'code', []],
      ['GET /iam-auth', 'sigv4', 'code', []],
      ['GET /user-pools', 'MyPool', 'yaml-route', ['read']],
      ['GET /declared', 'MyPool', 'code', []],
      ['GET /health', null, 'none', []],
      ['GET /items/{id}', 'key_auth', 'default', []],
      ['DELETE /items/{id}', 'key_auth', 'default', []],
    ]);
    expect(m).toMatchObject({ appName: 'demo', stage: 'dev', apiGatewayStage: 'api' });
  });

  it('describes code and YAML authorizers alike, with TTLs', async () => {
    const m = model(await bind(demoApp(), demoYaml));
    expect(m.authorizers.get('demo_auth')).toMatchObject({
      kind: 'builtin',
      source: 'code',
      type: 'token',
      ttlSeconds: 60,
    });
    expect(m.authorizers.get('key_auth')).toMatchObject({
      kind: 'builtin',
      source: 'yaml',
      type: 'request',
      ttlSeconds: 300,
      identitySources: ['header:X-Api-Key'],
      handlerRef: {
        ref: 'src/auth.ts#keyAuth',
        file: resolve(projectDir, 'src/auth.ts'),
        exportName: 'keyAuth',
      },
    });
    expect(m.authorizers.get('MyPool')).toMatchObject({
      kind: 'cognito_user_pools',
      source: 'yaml',
      providerArns: [poolArn],
    });
    expect(m.authorizers.get('sigv4')).toMatchObject({ kind: 'iam', source: 'code', ttlSeconds: 0 });
  });

  it('runs a YAML-declared handler through the same BuiltinAuthorizer as code', async () => {
    const m = model(await bind(demoApp(), demoYaml));
    const policy = await m.authorizers.get('key_auth')!.builtin!.invoke(
      new AuthRequest({
        authType: 'REQUEST',
        methodArn: 'arn:aws:execute-api:us-east-1:1:api/dev/GET/items/1',
      }),
    );
    expect(policy.principalId).toBe('key');
  });

  it('accepts a BuiltinAuthorizer export, keeping the YAML name and options', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/', () => 1);
    const m = model(
      await bind(app, {
        authorizers: { wrapped_auth: { type: 'builtin', handler: 'src/auth.ts#wrapped', ttl_seconds: 10 } },
        default_authorizer: 'wrapped_auth',
      }),
    );
    expect(route(m, 'GET /').authorizer).toMatchObject({
      name: 'wrapped_auth',
      ttlSeconds: 10,
      header: 'Authorization',
    });
    expect(route(m, 'GET /').authorizer?.builtin?.fn).toBe(keyAuth);
  });

  it('loads handler modules through a real module loader', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/', () => 1);
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const result = await bindConfig(
      app,
      resolved({
        authorizers: { demo: { type: 'builtin', handler: 'fixtures/auth-module.ts#demoAuth' } },
        default_authorizer: 'demo',
      }),
      { projectDir: dir, loadModule: (file) => import(file) },
    );
    const policy = await model(result).authorizers.get('demo')!.builtin!.handler({
      type: 'TOKEN',
      authorizationToken: 'allow',
      methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abc/api/GET/',
    });
    expect(policy.principalId).toBe('user');
  });

  it('applies per-stage authorizer overrides', async () => {
    const doc = {
      ...demoYaml,
      stages: { prod: {}, dev2: { authorizers: { MyPool: { provider_arns: [devPoolArn] } } } },
    };
    expect(model(await bind(demoApp(), doc, 'prod')).authorizers.get('MyPool')?.providerArns).toEqual([
      poolArn,
    ]);
    expect(model(await bind(demoApp(), doc, 'dev2')).authorizers.get('MyPool')?.providerArns).toEqual([
      devPoolArn,
    ]);
  });

  it('keeps route scopes from withScopes copies in code', async () => {
    const app = new Chalice({ appName: 'demo' });
    const pool = new CognitoUserPoolAuthorizer('Pool', { providerArns: [poolArn] });
    app.route('/a', { authorizer: pool.withScopes(['a.read']) }, () => 1);
    app.route('/b', { authorizer: pool }, () => 1);
    const m = model(await bind(app, {}));
    expect(route(m, 'GET /a')).toMatchObject({
      scopes: ['a.read'],
      authorizer: { name: 'Pool', scopes: [] },
    });
    expect(route(m, 'GET /b').scopes).toEqual([]);
    expect(m.authorizers.size).toBe(1);
  });

  it('loads a custom authorizer local_handler and keeps code localHandlers', async () => {
    const app = new Chalice({ appName: 'demo' });
    const codeLocal = () => ({});
    app.route(
      '/code',
      {
        authorizer: new CustomAuthorizer('CodeCustom', { authorizerUri: customUri, localHandler: codeLocal }),
      },
      () => 1,
    );
    app.route('/yaml', () => 1);
    const m = model(
      await bind(app, {
        authorizers: {
          YamlCustom: { type: 'custom', authorizer_uri: customUri, local_handler: 'src/auth.ts#localAuth' },
        },
        routes: { 'GET /yaml': { authorizer: 'YamlCustom' } },
      }),
    );
    expect(m.authorizers.get('CodeCustom')).toMatchObject({
      kind: 'custom',
      ttlSeconds: 300,
      localHandler: codeLocal,
    });
    expect(m.authorizers.get('YamlCustom')).toMatchObject({
      kind: 'custom',
      source: 'yaml',
      localHandler: localAuth,
    });
  });

  it('renders swagger entries, built-ins given their function URI', async () => {
    const m = model(await bind(demoApp(), demoYaml));
    expect(m.authorizers.get('sigv4')?.swagger()).toMatchObject({
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
    expect(m.authorizers.get('demo_auth')?.swagger('uri')).toMatchObject({
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: 'uri',
        authorizerResultTtlInSeconds: 60,
      },
    });
    expect(() => m.authorizers.get('demo_auth')?.swagger()).toThrow(/needs the invocation URI/);
  });

  it('binds an app without chalice.yaml with bindApp', async () => {
    const m = model(await bindApp(demoAppWithoutDeclared()));
    expect(m.routes.map((r) => r.source)).toEqual(['code', 'none']);
    expect(m.apiGatewayStage).toBe('api');
  });
});

function demoAppWithoutDeclared() {
  const app = new Chalice({ appName: 'plain' });
  app.route('/', { authorizer: new IAMAuthorizer() }, () => 1);
  app.route('/open', () => 1);
  return app;
}

describe('bindConfig errors', () => {
  it('reports a route naming an unknown authorizer, with did you mean', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route('/', { authorizer: 'MyPoool' }, () => 1);
    const result = await bind(app, {
      authorizers: { MyPool: { type: 'cognito_user_pools', provider_arns: [poolArn] } },
    });
    expect(messages(result)).toEqual([
      "route GET /: authorizer 'MyPoool' is not declared in chalice.yaml or in code; did you mean 'MyPool'?",
    ]);
  });

  it('reports a YAML route binding naming an unknown authorizer', async () => {
    const result = await bind(demoApp(), {
      ...demoYaml,
      routes: { 'GET /user-pools': { authorizer: 'MyPol' } },
    });
    expect(messages(result).join('\n')).toMatch(/no authorizer named 'MyPol'.*did you mean 'MyPool'/);
  });

  it('reports an unknown default_authorizer', async () => {
    const result = await bind(demoApp(), { ...demoYaml, default_authorizer: 'key_aut' });
    expect(messages(result).join('\n')).toMatch(/no authorizer named 'key_aut'.*did you mean 'key_auth'/);
  });

  it('reports a name declared both in code and in chalice.yaml', async () => {
    const doc = {
      ...demoYaml,
      authorizers: { ...demoYaml.authorizers, demo_auth: { type: 'iam' as const } },
    };
    expect(messages(await bind(demoApp(), doc)).join('\n')).toMatch(
      /'demo_auth' is declared both in chalice.yaml and in code/,
    );
  });

  it('reports a YAML route binding that matches no route in code', async () => {
    const result = await bind(demoApp(), {
      ...demoYaml,
      routes: { 'GET /user-pool': { authorizer: 'MyPool' } },
    });
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: ['routes', 'GET /user-pool'],
        message: "no route 'GET /user-pool' is defined in code; did you mean 'GET /user-pools'?",
        suggestion: 'GET /user-pools',
      }),
    );
  });

  it('reports a YAML route binding for a method the path does not have', async () => {
    const result = await bind(demoApp(), {
      ...demoYaml,
      routes: { 'POST /items/{id}': { authorizer: 'MyPool' } },
    });
    expect(messages(result)).toContain(
      "no route 'POST /items/{id}' is defined in code; did you mean 'GET /items/{id}'?",
    );
  });

  it('reports a YAML binding for a route that already has an authorizer in code', async () => {
    const result = await bind(demoApp(), {
      ...demoYaml,
      routes: { 'GET /iam-auth': { authorizer: 'MyPool' } },
    });
    expect(messages(result)).toContain(
      "route 'GET /iam-auth' already has authorizer 'sigv4' in code; remove it there or remove this binding",
    );
  });

  it('reports a handler module that does not exist', async () => {
    const doc = { authorizers: { a: { type: 'builtin' as const, handler: 'src/missing.ts#auth' } } };
    const result = await bind(new Chalice({ appName: 'demo' }), doc);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({
        path: ['authorizers', 'a', 'handler'],
        message: expect.stringMatching(/^cannot load module 'src\/missing.ts' .*Cannot find module/),
      }),
    ]);
  });

  it('reports a handler export that does not exist, with did you mean', async () => {
    const doc = { authorizers: { a: { type: 'builtin' as const, handler: 'src/auth.ts#keyAth' } } };
    expect(messages(await bind(new Chalice({ appName: 'demo' }), doc))).toEqual([
      "module 'src/auth.ts' has no export 'keyAth' (it exports: keyAuth, localAuth, wrapped); did you mean 'keyAuth'?",
    ]);
  });

  it('reports a handler export that is not a function', async () => {
    modules[resolve(projectDir, 'src/values.ts')] = { value: 42 };
    const doc = {
      authorizers: {
        a: { type: 'request' as const, handler: 'src/values.ts#value', identity_sources: ['query:t'] },
      },
    };
    expect(messages(await bind(new Chalice({ appName: 'demo' }), doc))).toEqual([
      "'src/values.ts#value' must be an authorizer function (authRequest) => AuthResponse",
    ]);
  });

  it('reports two different authorizers in code under one name', async () => {
    const app = new Chalice({ appName: 'demo' });
    app.route(
      '/a',
      { authorizer: new CognitoUserPoolAuthorizer('Pool', { providerArns: [poolArn] }) },
      () => 1,
    );
    app.route(
      '/b',
      { authorizer: new CognitoUserPoolAuthorizer('Pool', { providerArns: [devPoolArn] }) },
      () => 1,
    );
    expect(messages(await bind(app, {}))).toEqual([
      "two different authorizers in code are named 'Pool' (route GET /b); give each its own name",
    ]);
  });

  it('reports every problem at once, with file positions when the config came from a file', async () => {
    const text = [
      'version: 1',
      'app_name: demo',
      'default_authorizer: nope',
      'routes:',
      '  GET /missing: { authorizer: none }',
      '',
    ].join('\n');
    const parsed = parseConfig(text, { file: 'chalice.yaml' });
    if (!parsed.ok) throw new Error('config should parse');
    const result = await bindConfig(demoApp(), resolveStage(parsed.config), { projectDir, loadModule });
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.path)).toEqual([['default_authorizer'], ['routes', 'GET /missing'], []]);
    expect(errors[0]).toMatchObject({ file: 'chalice.yaml', line: 3, column: 21 });
    expect(errors[2]?.message).toMatch(/route GET \/declared: authorizer 'MyPool' is not declared/);
  });
});
