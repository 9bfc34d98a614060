import { createHash } from 'node:crypto';
import type { CliOverrides, ResolvedConfig } from '@chalice-ts/core/config';
import { authorizerHandlersOf, bundleApp, zipDeterministic } from '../bundle/index.js';
import {
  buildResourceModel,
  type EffectiveModelInput,
  type FunctionSettingsLookup,
  type ResourceModel,
} from '../model/index.js';
import { buildSwagger, type SwaggerDocument } from '../swagger/index.js';
import { buildCloudFormation, buildSam, type CfnTemplate, type CodeLocation } from '../template/index.js';

/** Template flavour of `chalice-ts package --format`. */
export type PackageFormat = 'cloudformation' | 'sam';

export interface BuildPackageOptions {
  /** The bound app (`bindConfig(app, resolved)`). */
  readonly model: EffectiveModelInput;
  /** The resolved stage config (`resolveStage`); `runtime` and `entry` are read from it. */
  readonly resolved: ResolvedConfig;
  /** Default `resolved.stage`. */
  readonly stage?: string;
  /** CLI flags, in Chalice's precedence. */
  readonly cli?: CliOverrides;
  /** Replaces `functionSettings(resolved, fn, cli)`. */
  readonly settings?: FunctionSettingsLookup;
  readonly projectDir: string;
  /** Module exporting `app`; default `resolved.entry`, then `src/app.ts`. */
  readonly entry?: string;
  readonly format?: PackageFormat;
  /** CloudFormation only: where `Code` points (default: the `DeploymentBucket`/`DeploymentKey` parameters). */
  readonly code?: CodeLocation;
  readonly sourcemap?: boolean;
  readonly runtimeModule?: string;
}

/** Everything `package` writes and `deploy` uploads, in memory. */
export interface PackageArtifacts {
  readonly resources: ResourceModel;
  readonly swagger: SwaggerDocument;
  readonly template: CfnTemplate;
  readonly zip: Uint8Array;
  /** Hex SHA-256 of `zip`: the artifact's content address. */
  readonly zipSha256: string;
}

/**
 * Runs the pure stages and the bundler: resource model -> Swagger -> template, plus the
 * deterministic `deployment.zip`.
 *
 * @example
 * ```ts
 * const { template, zip } = await buildPackage({ model, resolved, stage: 'dev', projectDir: process.cwd() });
 * ```
 */
export async function buildPackage(options: BuildPackageOptions): Promise<PackageArtifacts> {
  const resources = buildResourceModel(options.model, options.resolved, {
    stage: options.stage ?? options.resolved.stage,
    ...(options.cli && { cli: options.cli }),
    ...(options.settings && { settings: options.settings }),
  });
  const swagger = buildSwagger(resources);
  const template =
    options.format === 'sam'
      ? buildSam(resources, swagger)
      : buildCloudFormation(resources, swagger, options.code ? { code: options.code } : {});
  const bundle = await bundleApp({
    projectDir: options.projectDir,
    entry: options.entry ?? options.resolved.entry,
    authorizerHandlers: authorizerHandlersOf(resources),
    ...(options.sourcemap !== undefined && { sourcemap: options.sourcemap }),
    ...(options.runtimeModule !== undefined && { runtimeModule: options.runtimeModule }),
  });
  const zip = zipDeterministic(bundle.files);
  const zipSha256 = createHash('sha256').update(zip).digest('hex');
  return { resources, swagger, template, zip, zipSha256 };
}
