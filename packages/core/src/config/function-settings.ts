import type { ChaliceConfig } from './schema/document.js';
import { type CliOverrides, DEFAULT_STAGE, type ResolvedConfig, resolveStage } from './stage.js';

/** Lambda defaults, as Chalice's. */
export const DEFAULT_LAMBDA_TIMEOUT = 60;
export const DEFAULT_LAMBDA_MEMORY_SIZE = 128;

/** The effective settings of one Lambda function in a resolved stage. */
export interface FunctionSettings {
  lambda_timeout: number;
  lambda_memory_size: number;
  environment_variables: Record<string, string>;
  tags: Record<string, string>;
  iam_role_arn?: string;
}

type Layer = Partial<Omit<FunctionSettings, 'lambda_timeout' | 'lambda_memory_size'>> & {
  lambda_timeout?: number | undefined;
  lambda_memory_size?: number | undefined;
};

/**
 * Settings of `fnName` (`api_handler` or a built-in authorizer's name) with Chalice's
 * precedence, highest first: `stages.<s>.lambda_functions.<fn>`, CLI flags, `stages.<s>`,
 * `lambda_functions.<fn>`, top level, defaults. `environment_variables` and `tags` merge across
 * all layers, the higher layer winning per key.
 *
 * @example
 * functionSettings(resolveStage(config, { stage: 'dev' }), 'demo_auth').lambda_timeout;
 */
export function functionSettings(
  resolved: ResolvedConfig,
  fnName: string,
  cli?: CliOverrides,
): FunctionSettings {
  const config = resolved.config;
  const stage = config.stages?.[resolved.stage] ?? {};
  const layers: Layer[] = [
    config,
    config.lambda_functions?.[fnName] ?? {},
    stage,
    cli ?? resolved.cli,
    stage.lambda_functions?.[fnName] ?? {},
  ];
  const out: FunctionSettings = {
    lambda_timeout: DEFAULT_LAMBDA_TIMEOUT,
    lambda_memory_size: DEFAULT_LAMBDA_MEMORY_SIZE,
    environment_variables: {},
    tags: {},
  };
  for (const layer of layers) {
    if (layer.lambda_timeout !== undefined) out.lambda_timeout = layer.lambda_timeout;
    if (layer.lambda_memory_size !== undefined) out.lambda_memory_size = layer.lambda_memory_size;
    if (layer.iam_role_arn !== undefined) out.iam_role_arn = layer.iam_role_arn;
    Object.assign(out.environment_variables, layer.environment_variables);
    Object.assign(out.tags, layer.tags);
  }
  return out;
}

/**
 * The config of an app without a `chalice.yaml`: no declared authorizers, all defaults.
 *
 * @example
 * defaultConfig('demo').api_gateway_stage; // 'api'
 */
export function defaultConfig(appName: string): ChaliceConfig {
  return {
    version: 1,
    app_name: appName,
    entry: 'src/app.ts',
    runtime: 'nodejs22.x',
    api_gateway_stage: 'api',
    authorizers: {},
    routes: {},
    local: { authorizer_cache: true },
  };
}

/**
 * `defaultConfig(appName)` resolved for a stage (default `dev`).
 *
 * @example
 * bindConfig(app, defaultResolvedConfig(app.appName), options);
 */
export function defaultResolvedConfig(appName: string, stage: string = DEFAULT_STAGE): ResolvedConfig {
  const config = defaultConfig(appName);
  return resolveStage(stage === DEFAULT_STAGE ? config : { ...config, stages: { [stage]: {} } }, { stage });
}
