import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ChaliceConfig,
  type ConfigIssue,
  defaultResolvedConfig,
  formatConfigIssue,
  functionSettings,
  type LocalConfig,
  loadConfigFile,
  type ResolvedConfig,
  resolveStage,
  validateConfigObject,
} from '@chalice-ts/core/config';
import type { Chalice } from '@chalice-ts/runtime';
import { bindConfig } from '@chalice-ts/runtime/binding';
import { LocalError } from '../errors.js';
import type { GatewayApp, GatewayModel } from './model.js';

/** Where the gateway's model comes from; the first given wins: `model`, `resolved`, `config`, `projectDir`. */
export interface BindOptions {
  /** A model already bound (e.g. by the CLI). */
  model?: GatewayModel;
  /** A config already resolved for its stage. */
  resolved?: ResolvedConfig;
  /** A chalice.yaml document as an object (same keys as the file); validated here. */
  config?: ChaliceConfig | Record<string, unknown>;
  /** Stage to resolve (default `dev`). */
  stage?: string;
  /** Project folder: chalice.yaml is read from here when no config is given; YAML paths are relative to it. */
  projectDir?: string;
  /** Imports a module named in chalice.yaml (`handler`, `local_handler`). Default: `import()`. */
  loadModule?: (path: string) => Promise<Record<string, unknown>>;
}

/** The app bound to its config: the model plus the settings the gateway needs. */
export interface Bound {
  model: GatewayModel;
  local: Partial<LocalConfig>;
  projectDir: string;
  timeoutMs: number;
  memoryMb: number;
}

/**
 * Binds the app to its chalice.yaml (or to none: every authorizer then comes from code).
 * @throws {LocalError} `CONFIG_INVALID` listing every issue, one `file:line:col path: message` per line.
 */
export async function bindGateway(app: GatewayApp, options: BindOptions): Promise<Bound> {
  const projectDir = resolve(options.projectDir ?? process.cwd());
  const resolved =
    options.model === undefined || options.resolved !== undefined || options.config !== undefined
      ? await resolveConfig(app, options, projectDir)
      : undefined;
  const settings = resolved === undefined ? undefined : functionSettings(resolved, 'api_handler');
  const base = {
    local: resolved?.local ?? {},
    projectDir,
    timeoutMs: (settings?.lambda_timeout ?? 60) * 1000,
    memoryMb: settings?.lambda_memory_size ?? 128,
  };
  if (options.model !== undefined) return { model: options.model, ...base };
  const loadModule =
    options.loadModule ??
    ((path: string) => import(pathToFileURL(isAbsolute(path) ? path : resolve(projectDir, path)).href));
  const result = await bindConfig(app as unknown as Chalice, resolved!, { loadModule, projectDir });
  if (!result.ok) throw configError(result.errors);
  return { model: result.model, ...base };
}

async function resolveConfig(
  app: GatewayApp,
  options: BindOptions,
  projectDir: string,
): Promise<ResolvedConfig> {
  if (options.resolved !== undefined) return options.resolved;
  const stage = options.stage ?? 'dev';
  let config: ChaliceConfig | undefined;
  if (options.config !== undefined) {
    const validated = validateConfigObject(options.config, { file: '<config>' });
    if (!validated.ok) throw configError(validated.errors);
    config = validated.config;
  } else if (options.projectDir !== undefined) {
    const file = ['chalice.yaml', 'chalice.yml'].map((n) => join(projectDir, n)).find((f) => existsSync(f));
    if (file !== undefined) {
      const loaded = await loadConfigFile(file);
      if (!loaded.ok) throw configError(loaded.errors);
      config = loaded.config;
    }
  }
  if (config === undefined) return defaultResolvedConfig(app.appName, stage);
  try {
    return resolveStage(config, { stage });
  } catch (error) {
    const issues = (error as { issues?: ConfigIssue[] }).issues;
    if (Array.isArray(issues)) throw configError(issues);
    throw error;
  }
}

function configError(issues: readonly ConfigIssue[]): LocalError {
  const lines = issues.map((issue) => `  ${formatConfigIssue(issue)}`).join('\n');
  return new LocalError('CONFIG_INVALID', `invalid configuration:\n${lines}`, { cause: issues });
}
