import { describe, expect, it } from 'vitest';
import {
  type ChaliceConfig,
  type ChaliceConfigInput,
  ConfigError,
  checkStage,
  defaultConfig,
  defaultResolvedConfig,
  formatConfigIssue,
  functionSettings,
  parseConfig,
  resolveStage,
  validateConfigObject,
} from './index.js';

function config(input: Omit<ChaliceConfigInput, 'version' | 'app_name'>): ChaliceConfig {
  const result = validateConfigObject({ version: 1, app_name: 'demo', ...input });
  if (!result.ok) throw new Error(result.errors.map(formatConfigIssue).join('\n'));
  return result.config;
}

type Layer = 'top' | 'function' | 'stage' | 'cli' | 'stageFunction';

// One value per layer; each row removes the layers above the expected winner.
function layered(layers: readonly Layer[]) {
  const has = (layer: Layer) => layers.includes(layer);
  const cfg = config({
    ...(has('top') ? { lambda_timeout: 10 } : {}),
    lambda_functions: { demo_auth: has('function') ? { lambda_timeout: 20 } : {} },
    stages: {
      dev: {
        ...(has('stage') ? { lambda_timeout: 30 } : {}),
        lambda_functions: { demo_auth: has('stageFunction') ? { lambda_timeout: 50 } : {} },
      },
    },
  });
  return resolveStage(cfg, { stage: 'dev', cli: has('cli') ? { lambda_timeout: 40 } : {} });
}

describe('functionSettings', () => {
  it.each<[Layer[], number]>([
    [['top', 'function', 'stage', 'cli', 'stageFunction'], 50],
    [['top', 'function', 'stage', 'cli'], 40],
    [['top', 'function', 'stage'], 30],
    [['top', 'function'], 20],
    [['top'], 10],
    [[], 60],
    [['top', 'stageFunction'], 50],
    [['function', 'cli'], 40],
  ])('with layers %j takes lambda_timeout %i', (layers, timeout) => {
    expect(functionSettings(layered(layers), 'demo_auth').lambda_timeout).toBe(timeout);
  });

  it('applies function settings only to the function they name', () => {
    const resolved = layered(['top', 'function', 'stageFunction']);
    expect(functionSettings(resolved, 'api_handler').lambda_timeout).toBe(10);
  });

  it('merges environment variables and tags across all layers, the higher layer winning per key', () => {
    const cfg = config({
      environment_variables: { A: 'top', B: 'top', C: 'top', D: 'top', E: 'top' },
      tags: { team: 'auth', owner: 'top' },
      lambda_functions: { demo_auth: { environment_variables: { B: 'fn', C: 'fn', D: 'fn', E: 'fn' } } },
      stages: {
        dev: {
          environment_variables: { C: 'stage', D: 'stage', E: 'stage' },
          tags: { owner: 'stage' },
          lambda_functions: { demo_auth: { environment_variables: { E: 'stage-fn' }, tags: { fn: 'x' } } },
        },
      },
    });
    const resolved = resolveStage(cfg, {
      stage: 'dev',
      cli: { environment_variables: { D: 'cli', E: 'cli' } },
    });
    const settings = functionSettings(resolved, 'demo_auth');
    expect(settings.environment_variables).toEqual({
      A: 'top',
      B: 'fn',
      C: 'stage',
      D: 'cli',
      E: 'stage-fn',
    });
    expect(settings.tags).toEqual({ team: 'auth', owner: 'stage', fn: 'x' });
  });

  it('resolves memory size and role with the same precedence, defaulting to 128 MB and no role', () => {
    const cfg = config({
      iam_role_arn: 'arn:aws:iam::123456789012:role/top',
      stages: { prod: { lambda_memory_size: 1024, iam_role_arn: 'arn:aws:iam::123456789012:role/prod' } },
    });
    expect(functionSettings(resolveStage(cfg, { stage: 'prod' }), 'api_handler')).toEqual({
      lambda_timeout: 60,
      lambda_memory_size: 1024,
      environment_variables: {},
      tags: {},
      iam_role_arn: 'arn:aws:iam::123456789012:role/prod',
    });
    expect(functionSettings(resolveStage(config({}), {}), 'api_handler')).toEqual({
      lambda_timeout: 60,
      lambda_memory_size: 128,
      environment_variables: {},
      tags: {},
    });
  });

  it('lets CLI values given to functionSettings replace those given to resolveStage', () => {
    const resolved = resolveStage(config({}), { cli: { lambda_memory_size: 256 } });
    expect(functionSettings(resolved, 'api_handler', { lambda_memory_size: 512 }).lambda_memory_size).toBe(
      512,
    );
  });
});

describe('resolveStage', () => {
  const cfg = config({
    api_gateway_stage: 'v1',
    authorizers: {
      MyPool: {
        type: 'cognito_user_pools',
        provider_arns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_top'],
        scopes: ['read'],
      },
      demo_auth: { type: 'builtin', handler: 'src/auth.ts#demoAuth', ttl_seconds: 300 },
    },
    stages: {
      dev: {
        api_gateway_stage: 'dev',
        authorizers: {
          MyPool: { provider_arns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_dev'] },
          demo_auth: { ttl_seconds: 0 },
        },
      },
      prod: { manage_iam_role: false },
    },
  });

  it('merges the stage authorizer overrides into the declarations', () => {
    const resolved = resolveStage(cfg, { stage: 'dev' });
    expect(resolved.authorizers['MyPool']).toEqual({
      type: 'cognito_user_pools',
      provider_arns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_dev'],
      header: 'Authorization',
      scopes: ['read'],
    });
    expect(resolved.authorizers['demo_auth']).toMatchObject({
      ttl_seconds: 0,
      handler: 'src/auth.ts#demoAuth',
    });
  });

  it('leaves the declarations alone in a stage without overrides', () => {
    const resolved = resolveStage(cfg, { stage: 'prod' });
    expect(resolved.authorizers).toEqual(cfg.authorizers);
    expect(resolved.manage_iam_role).toBe(false);
  });

  it.each([
    ['the CLI', { stage: 'dev', cli: { api_gateway_stage: 'cli' } }, 'cli'],
    ['the stage', { stage: 'dev' }, 'dev'],
    ['the top level', { stage: 'prod' }, 'v1'],
  ])('takes api_gateway_stage from %s', (_from, options, expected) => {
    expect(resolveStage(cfg, options).api_gateway_stage).toBe(expected);
  });

  it('defaults to the dev stage, which needs no stages entry', () => {
    const resolved = resolveStage(config({}));
    expect(resolved.stage).toBe('dev');
    expect(resolved.api_gateway_stage).toBe('api');
    expect(resolved.manage_iam_role).toBe(true);
  });

  it('throws a ConfigError naming the closest stage for an undeclared one', () => {
    const parsed = parseConfig('version: 1\napp_name: demo\nstages:\n  prod: {}\n');
    if (!parsed.ok) throw new Error('expected a valid document');
    expect(() => resolveStage(parsed.config, { stage: 'prdo' })).toThrow(ConfigError);
    expect(checkStage(parsed.config, 'prdo').map(formatConfigIssue)).toEqual([
      "chalice.yaml:3:1 stages: unknown stage 'prdo'; did you mean 'prod'?",
    ]);
    expect(checkStage(parsed.config, 'staging').map(formatConfigIssue)).toEqual([
      "chalice.yaml:3:1 stages: unknown stage 'staging' (declared: dev, prod); add it under stages:",
    ]);
  });

  it('gives the ConfigError the CONFIG_INVALID code and the issues', () => {
    try {
      resolveStage(config({}), { stage: 'prod' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', issues: [{ path: ['stages'] }] });
    }
  });
});

describe('defaultConfig', () => {
  it('is the config of an app without chalice.yaml, and is itself valid', () => {
    const cfg = defaultConfig('demo');
    expect(validateConfigObject(cfg)).toEqual({ ok: true, config: cfg });
  });

  it.each(['dev', 'prod'])('resolves for the %s stage', (stage) => {
    const resolved = defaultResolvedConfig('demo', stage);
    expect(resolved).toMatchObject({
      app_name: 'demo',
      stage,
      api_gateway_stage: 'api',
      authorizers: {},
      routes: {},
    });
  });
});
