import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ChaliceConfig,
  type ConfigIssue,
  defaultResolvedConfig,
  formatConfigIssue,
  loadConfigFile,
  type ResolvedConfig,
  resolveStage,
  validateConfigObject,
} from '@chalice-ts/core/config';
import { TestingError } from '../errors.js';

/** Where the client's config comes from. */
export interface ConfigSource {
  appName: string;
  stage?: string | undefined;
  /** A chalice.yaml document as an object: wins over the project's file. */
  config?: object | undefined;
  projectDir?: string | undefined;
}

/** The resolved config and the name issues should carry. */
export interface ConfigChoice {
  resolved: ResolvedConfig;
  /** `<config>`, the chalice.yaml path, or `chalice.yaml` when there is none. */
  file: string;
}

/**
 * The config the client runs with: the object given, else `chalice.yaml` (or `.yml`) in the
 * project directory, else the defaults (every authorizer then comes from code); resolved for the
 * stage (default `dev`).
 * @throws {TestingError} `CONFIG_INVALID` listing every issue, one `file:line:col path: message` per line.
 */
export async function resolveConfig(source: ConfigSource): Promise<ConfigChoice> {
  const stage = source.stage ?? 'dev';
  let config: ChaliceConfig | undefined;
  let file = 'chalice.yaml';
  if (source.config !== undefined) {
    file = '<config>';
    const validated = validateConfigObject(source.config, { file });
    if (!validated.ok) throw configError(validated.errors);
    config = validated.config;
  } else if (source.projectDir !== undefined) {
    const dir = source.projectDir;
    const found = ['chalice.yaml', 'chalice.yml'].map((n) => join(dir, n)).find((f) => existsSync(f));
    if (found !== undefined) {
      file = found;
      const loaded = await loadConfigFile(found);
      if (!loaded.ok) throw configError(loaded.errors);
      config = loaded.config;
    }
  }
  try {
    const resolved =
      config === undefined ? defaultResolvedConfig(source.appName, stage) : resolveStage(config, { stage });
    return { resolved, file };
  } catch (error) {
    const issues = (error as { issues?: ConfigIssue[] }).issues;
    if (Array.isArray(issues)) throw configError(issues);
    throw error;
  }
}

/** A `TestingError` listing every issue with its position. */
export function configError(issues: readonly ConfigIssue[]): TestingError {
  const lines = issues.map((issue) => `  ${formatConfigIssue(issue)}`).join('\n');
  return new TestingError('CONFIG_INVALID', `invalid configuration:\n${lines}`, { cause: issues });
}
