import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeployerError } from '../errors.js';
import { type BuildPackageOptions, buildPackage, type PackageArtifacts } from './build-package.js';

export interface PackageAppOptions extends BuildPackageOptions {
  /** Directory receiving `template.json`, `openapi.json` and `deployment.zip` (created if needed). */
  readonly outDir: string;
}

export interface PackageResult extends PackageArtifacts {
  /** Absolute paths of the files written. */
  readonly files: { readonly template: string; readonly openapi: string; readonly zip: string };
}

/**
 * `chalice-ts package`: writes `template.json`, `openapi.json` and `deployment.zip` to `outDir`.
 * Every file is written under a temporary name first and renamed only once all three are
 * complete, so a failed run never leaves a half-written package behind.
 *
 * @example
 * ```ts
 * await packageApp({ model, resolved, stage: 'dev', projectDir, outDir: 'out', format: 'sam' });
 * ```
 */
export async function packageApp(options: PackageAppOptions): Promise<PackageResult> {
  const artifacts = await buildPackage(options);
  const contents: [string, string | Uint8Array][] = [
    ['template.json', `${JSON.stringify(artifacts.template, null, 2)}\n`],
    ['openapi.json', `${JSON.stringify(artifacts.swagger, null, 2)}\n`],
    ['deployment.zip', artifacts.zip],
  ];
  const suffix = `.tmp-${process.pid}-${Date.now()}`;
  const temporary = contents.map(([name]) => join(options.outDir, `.${name}${suffix}`));
  try {
    await mkdir(options.outDir, { recursive: true });
    await Promise.all(contents.map(([, data], i) => writeFile(temporary[i] as string, data)));
    await Promise.all(
      contents.map(([name], i) => rename(temporary[i] as string, join(options.outDir, name))),
    );
  } catch (cause) {
    await Promise.all(temporary.map((path) => rm(path, { force: true })));
    throw new DeployerError(
      'PACKAGE_WRITE_FAILED',
      `Could not write the package to ${options.outDir}: ${(cause as Error).message}`,
      { cause },
    );
  }
  return {
    ...artifacts,
    files: {
      template: join(options.outDir, 'template.json'),
      openapi: join(options.outDir, 'openapi.json'),
      zip: join(options.outDir, 'deployment.zip'),
    },
  };
}
