import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatConfigIssue, loadConfigFile, resolveStage } from '@chalice-ts/core/config';
import { buildPackage, type PackageArtifacts } from '@chalice-ts/deployer';
import { bindConfig } from '@chalice-ts/runtime/binding';
import { app } from '../src/app.js';

export const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** What `chalice-ts package --stage <stage>` builds: chalice.yaml resolved, bound to the app, packaged. */
export async function buildExamplePackage(stage = 'dev'): Promise<PackageArtifacts> {
  const loaded = await loadConfigFile(join(projectDir, 'chalice.yaml'));
  if (!loaded.ok) throw new Error(loaded.errors.map(formatConfigIssue).join('\n'));
  const resolved = resolveStage(loaded.config, { stage });
  const bound = await bindConfig(app, resolved, {
    projectDir,
    loadModule: (path) => import(pathToFileURL(path).href),
  });
  if (!bound.ok) throw new Error(bound.errors.map(formatConfigIssue).join('\n'));
  return buildPackage({ model: bound.model, resolved, projectDir });
}
