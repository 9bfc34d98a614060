import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import {
  type ChaliceConfig,
  checkStage,
  type ConfigIssue,
  formatConfigIssue,
  loadConfigFile,
  type ResolvedConfig,
  resolveStage,
} from '@chalice-ts/core/config';
import type { Chalice } from '@chalice-ts/runtime';
import { bindConfig, type EffectiveModel } from '@chalice-ts/runtime/binding';
import { type CliError, usageError } from '../errors.js';
import { importTypeScript } from './import-typescript.js';

/** A loaded project: its config, resolved for one stage, the app, and the bound model. */
export interface Project {
  readonly dir: string;
  readonly configFile: string;
  readonly config: ChaliceConfig;
  readonly stage: string;
  readonly resolved: ResolvedConfig;
  readonly app: Chalice;
  readonly model: EffectiveModel;
  /** Imports a module of the project (TypeScript included), as YAML handler references need. */
  readonly loadModule: (path: string) => Promise<Record<string, unknown>>;
}

const CONFIG_NAMES = ['chalice.yaml', 'chalice.yml'];

/** Finds `chalice.yaml` in the project folder, or explains how to get one (exit 2). */
export function findConfigFile(dir: string): string {
  for (const name of CONFIG_NAMES) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  throw usageError(
    `no chalice.yaml in ${dir}.\nRun 'chalice-ts new NAME' to create a project, or pass --project-dir DIR.`,
    'no-config',
  );
}

/** Turns config issues into one usage error listing every issue with its position. */
export function configError(issues: readonly ConfigIssue[]): CliError {
  const lines = issues.map((issue) => formatConfigIssue(issue));
  const count = issues.length === 1 ? '1 error' : `${issues.length} errors`;
  return usageError(`invalid configuration (${count}):\n${lines.map((l) => `  ${l}`).join('\n')}`, 'config');
}

/** Reads and validates `chalice.yaml` and resolves one stage; config mistakes exit 2. */
export async function loadProjectConfig(dir: string, stage: string) {
  const configFile = findConfigFile(dir);
  const loaded = await loadConfigFile(configFile);
  if (!loaded.ok) throw configError(loaded.errors);
  const stageIssues = checkStage(loaded.config, stage);
  if (stageIssues.length > 0) throw configError(stageIssues);
  const resolved: ResolvedConfig = resolveStage(loaded.config, { stage });
  return { configFile, config: loaded.config, resolved };
}

/** Imports the entry module and returns the app it exports (`app`, or the default export). */
export async function loadApp(dir: string, configFile: string, entry: string | undefined): Promise<Chalice> {
  const entryFile = resolve(dir, entry ?? 'src/app.ts');
  if (!existsSync(entryFile)) {
    throw usageError(
      `${configFile}: entry '${entry ?? 'src/app.ts'}' does not exist (looked for ${entryFile}).\n` +
        `Set 'entry:' to the module that exports your app.`,
      'no-entry',
    );
  }
  const mod = await importTypeScript(entryFile, dir);
  const app = (mod['app'] ?? mod['default']) as Chalice | undefined;
  if (!app || typeof app !== 'object' || !('routes' in app) || typeof app.handler !== 'function') {
    throw usageError(
      `${entryFile} does not export a Chalice app: add \`export const app = new Chalice({ appName: '...' })\`.`,
      'no-app',
    );
  }
  return app;
}

/** Loads everything a command needs: config (exit 2 on mistakes), app, and the bound model. */
export async function loadProject(options: { dir: string; stage: string }): Promise<Project> {
  const dir = resolve(options.dir);
  const { configFile, config, resolved } = await loadProjectConfig(dir, options.stage);
  const app = await loadApp(dir, configFile, config.entry);
  const loadModule = (path: string) => importTypeScript(isAbsolute(path) ? path : resolve(dir, path), dir);
  const bound = await bindConfig(app, resolved, { loadModule, projectDir: dir });
  if (!bound.ok) throw configError(bound.errors);
  return { dir, configFile, config, stage: options.stage, resolved, app, model: bound.model, loadModule };
}
