import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalError } from '../errors.js';
import { Chalice } from './fixtures/apps.js';
import { LocalGateway } from './local-gateway.js';

const projectDir = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

function yamlApp() {
  const app = new Chalice({ appName: 'yamlapp' });
  app.route('/declared', () => ({ ok: true }));
  app.route('/keyed', () => ({ ok: true }));
  app.route('/custom', () => ({ ok: true }));
  app.route('/health', () => ({ ok: true }));
  app.route('/defaulted', (request) => ({ context: request.context }));
  return app;
}

const config = {
  version: 1,
  app_name: 'yamlapp',
  api_gateway_stage: 'v1',
  default_authorizer: 'yaml_auth',
  authorizers: {
    yaml_auth: { type: 'builtin', handler: 'src/auth.ts#yamlAuth', ttl_seconds: 60 },
    key_auth: {
      type: 'request',
      handler: 'src/auth.ts#keyAuth',
      identity_sources: ['header:X-Key', 'query:token'],
    },
    MyCustom: {
      type: 'custom',
      authorizer_uri:
        'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:F/invocations',
      local_handler: 'src/auth.ts#localCustom',
    },
  },
  routes: {
    'GET /keyed': { authorizer: 'key_auth' },
    'GET /custom': { authorizer: 'MyCustom' },
    'GET /health': { authorizer: 'none' },
  },
  stages: { prod: { api_gateway_stage: 'live' } },
  local: { region: 'eu-west-1', account_id: '210987654321', api_id: 'abc123' },
};

const get = (gateway: LocalGateway, path: string, headers: Record<string, string> = {}) =>
  gateway.handleRequest({ method: 'GET', path, headers });

describe('LocalGateway: authorizers declared in chalice.yaml', () => {
  it.each([
    ['/declared', { Authorization: 'yaml-ok' }, 200],
    ['/declared', { Authorization: 'nope' }, 403],
    ['/declared', {}, 401],
    ['/keyed?token=q1', { 'X-Key': 'any' }, 200],
    ['/keyed?token=q1', {}, 401],
    ['/keyed?token=zz', { 'X-Key': 'any' }, 403],
    ['/custom', { Authorization: 'c-ok' }, 200],
    ['/custom', { Authorization: 'bad' }, 403],
    ['/health', {}, 200],
  ])('GET %s with %j answers %i', async (path, headers, status) => {
    const gateway = new LocalGateway(yamlApp(), { config, projectDir, logger: () => {} });
    expect((await get(gateway, path, headers)).statusCode).toBe(status);
  });

  it('uses the stage, region, account and API id of the config in the method ARN and requestContext', async () => {
    const gateway = await LocalGateway.create(yamlApp(), {
      config,
      projectDir,
      stage: 'prod',
      logger: () => {},
    });
    const res = await get(gateway, '/defaulted', { Authorization: 'yaml-ok' });
    const context = JSON.parse(res.body).context;
    expect(context).toMatchObject({
      stage: 'live',
      path: '/live/defaulted',
      accountId: '210987654321',
      apiId: 'abc123',
    });
    expect(context.authorizer).toEqual({ from: 'yaml', principalId: 'yaml-user' });
  });

  it('reads chalice.yaml-equivalent settings for the cache TTL (ttl_seconds: 60)', async () => {
    let now = 0;
    const gateway = new LocalGateway(yamlApp(), {
      config,
      projectDir,
      clock: { now: () => now },
      logger: () => {},
    });
    await get(gateway, '/declared', { Authorization: 'yaml-ok' });
    now += 59_000;
    expect((await get(gateway, '/declared', { Authorization: 'yaml-ok' })).diagnostics.cache).toBe('hit');
    now += 1_000;
    expect((await get(gateway, '/declared', { Authorization: 'yaml-ok' })).diagnostics.cache).toBe('miss');
  });

  it('turns the cache off with local.authorizer_cache: false', async () => {
    const gateway = new LocalGateway(yamlApp(), {
      config: { ...config, local: { authorizer_cache: false } },
      projectDir,
      logger: () => {},
    });
    await get(gateway, '/declared', { Authorization: 'yaml-ok' });
    await get(gateway, '/declared', { Authorization: 'yaml-ok' });
    expect(gateway.authorizerCalls('yaml_auth')).toBe(2);
  });

  it('rejects an invalid config with every issue, before the first request', async () => {
    const failure = await LocalGateway.create(yamlApp(), {
      config: { ...config, routes: { 'GET /declared': { authorizer: 'yaml_atuh' } } },
      projectDir,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LocalError);
    expect((failure as LocalError).code).toBe('CONFIG_INVALID');
    expect((failure as LocalError).message).toContain('yaml_auth');
  });
});
