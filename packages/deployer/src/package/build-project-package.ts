import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ConfigIssue,
  checkStage,
  formatConfigIssue,
  loadConfigFile,
  resolveStage,
} from '@chalice-ts/core/config';
import type { Chalice } from '@chalice-ts/runtime';
import { bindConfig } from '@chalice-ts/runtime/binding';
import { DeployerError } from '../errors.js';
import { buildPackage, type PackageArtifacts } from './build-package.js';

export interface BuildProjectPackageOptions {
  /** The app, already imported (the project's `app` export). */
  readonly app: Chalice;
  /** The project folder holding `chalice.yaml`; YAML handler paths are relative to it. */
  readonly projectDir: string;
  /** Default `dev`. */
  readonly stage?: string;
  /** Imports a module named in chalice.yaml (`handler: path#export`). Default: `import()`. */
  readonly loadModule?: (path: string) => Promise<Record<string, unknown>>;
}

/**
 * What `chalice-ts package --stage <stage>` builds, in memory: the project's `chalice.yaml` read and
 * resolved for the stage, bound to the app, then packaged. For tests and scripts that want the
 * template, Swagger document and zip without writing files (e.g. snapshot tests of an app).
 *
 * @throws {DeployerError} `INVALID_CONFIG` listing every chalice.yaml or binding issue with its position.
 * @example
 * ```ts
 * const { template, swagger, zip } = await buildProjectPackage({ app, projectDir: process.cwd() });
 * ```
 */
export async function buildProjectPackage(options: BuildProjectPackageOptions): Promise<PackageArtifacts> {
  const { projectDir } = options;
  const stage = options.stage ?? 'dev';
  const loaded = await loadConfigFile(join(projectDir, 'chalice.yaml'));
  if (!loaded.ok) throw invalidConfig(loaded.errors);
  const stageIssues = checkStage(loaded.config, stage);
  if (stageIssues.length > 0) throw invalidConfig(stageIssues);
  const resolved = resolveStage(loaded.config, { stage });
  const bound = await bindConfig(options.app, resolved, {
    projectDir,
    loadModule: options.loadModule ?? ((path) => import(pathToFileURL(path).href)),
  });
  if (!bound.ok) throw invalidConfig(bound.errors);
  return buildPackage({ model: bound.model, resolved, projectDir });
}

function invalidConfig(issues: readonly ConfigIssue[]): DeployerError {
  return new DeployerError('INVALID_CONFIG', issues.map((issue) => formatConfigIssue(issue)).join('\n'));
}
