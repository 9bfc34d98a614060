import { ConfigError } from './config-error.js';
import { didYouMean } from './did-you-mean.js';
import type { ConfigIssue } from './issues.js';
import { rememberSource, sourceOf } from './positions.js';
import type {
  AuthorizerConfig,
  ChaliceConfig,
  LocalConfig,
  RouteBinding,
  StageConfig,
} from './schema/document.js';

/** The stage used when none is given; it needs no `stages:` entry. */
export const DEFAULT_STAGE = 'dev';

/** Values given on the command line: they beat `stages.<s>` but not `stages.<s>.lambda_functions.<fn>`. */
export interface CliOverrides {
  api_gateway_stage?: string;
  lambda_timeout?: number;
  lambda_memory_size?: number;
  iam_role_arn?: string;
  manage_iam_role?: boolean;
  environment_variables?: Record<string, string>;
  tags?: Record<string, string>;
}

/** A config with one stage applied: what the runtime, local gateway and deployer consume. */
export interface ResolvedConfig {
  app_name: string;
  entry: string;
  runtime: ChaliceConfig['runtime'];
  stage: string;
  api_gateway_stage: string;
  default_authorizer?: string;
  /** Declarations with the stage's `authorizers` overrides merged in. */
  authorizers: Record<string, AuthorizerConfig>;
  routes: Record<string, RouteBinding>;
  manage_iam_role: boolean;
  local: LocalConfig;
  cli: CliOverrides;
  /** The validated document this was resolved from (for `functionSettings`). */
  config: ChaliceConfig;
}

export interface ResolveOptions {
  stage?: string;
  cli?: CliOverrides;
}

/**
 * Issues for a stage name: `dev` is always available; any other stage must be declared under
 * `stages:` (an empty `prod: {}` will do), so a typo such as `--stage prdo` is caught.
 */
export function checkStage(config: ChaliceConfig, stage: string): ConfigIssue[] {
  const declared = Object.keys(config.stages ?? {});
  if (stage === DEFAULT_STAGE || declared.includes(stage)) return [];
  const source = sourceOf(config);
  const { line, column } = config.stages ? source.locate(['stages'], 'key') : { line: 0, column: 0 };
  const suggestion = didYouMean(stage, [DEFAULT_STAGE, ...declared]);
  const known = [DEFAULT_STAGE, ...declared.filter((s) => s !== DEFAULT_STAGE)].join(', ');
  const message =
    suggestion !== undefined
      ? `unknown stage '${stage}'; did you mean '${suggestion}'?`
      : `unknown stage '${stage}' (declared: ${known}); add it under stages:`;
  const issue: ConfigIssue = { file: source.file, line, column, path: ['stages'], message };
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return [issue];
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Applies a stage to a validated config: stage values win over top-level ones, CLI values over
 * both, and each stage `authorizers.<name>` override is merged into that declaration.
 * Throws `ConfigError` (code `CONFIG_INVALID`) for an undeclared stage; call `checkStage` first
 * to get the issue as data.
 *
 * @example
 * const resolved = resolveStage(config, { stage: 'prod', cli: { lambda_timeout: 30 } });
 * resolved.api_gateway_stage; // stages.prod.api_gateway_stage ?? api_gateway_stage
 */
export function resolveStage(config: ChaliceConfig, options: ResolveOptions = {}): ResolvedConfig {
  const stage = options.stage ?? DEFAULT_STAGE;
  const issues = checkStage(config, stage);
  if (issues.length > 0) throw new ConfigError(issues);
  const cli = options.cli ?? {};
  const settings: StageConfig = config.stages?.[stage] ?? {};
  const authorizers: Record<string, AuthorizerConfig> = {};
  for (const [name, declaration] of Object.entries(config.authorizers)) {
    const override = settings.authorizers?.[name];
    authorizers[name] = override
      ? ({ ...declaration, ...definedOnly(override) } as AuthorizerConfig)
      : declaration;
  }
  const resolved: ResolvedConfig = {
    app_name: config.app_name,
    entry: config.entry,
    runtime: config.runtime,
    stage,
    api_gateway_stage: cli.api_gateway_stage ?? settings.api_gateway_stage ?? config.api_gateway_stage,
    authorizers,
    routes: config.routes,
    manage_iam_role: cli.manage_iam_role ?? settings.manage_iam_role ?? config.manage_iam_role ?? true,
    local: config.local,
    cli,
    config,
  };
  if (config.default_authorizer !== undefined) resolved.default_authorizer = config.default_authorizer;
  rememberSource(resolved, sourceOf(config));
  return resolved;
}
