import type { PackageArtifacts } from '../package/index.js';
import { API_BODY_PARAMETERS, buildCloudFormation, CODE_PARAMETERS } from '../template/index.js';
import { DeployerError } from '../errors.js';
import { artifactKey, uploadArtifact } from './artifact.js';
import { type StagedApiBody, stageApiBody } from './api-body.js';
import { stageLargeTemplate, TEMPLATE_URL_LIMIT } from './template-upload.js';
import type { AwsApis } from './aws-api.js';
import { ensureArtifactBucket } from './bootstrap.js';
import type { ExecutorContext } from './context.js';
import { type DeployedRecord, writeDeployedRecord } from './deployed-record.js';
import { deployStack } from './deploy-stack.js';
import { forgetVanishedStack } from './stale-record.js';
import type { DeployEventListener } from './events.js';
import { realSleep, type Sleep } from './retry.js';

/** Options shared by `deployApp` and `deleteApp`. */
export interface ExecutorOptions {
  readonly aws: AwsApis;
  readonly stage: string;
  readonly projectDir: string;
  /** Default `<app>-<stage>`. */
  readonly stackName?: string;
  /** Recorded in the deployed record. */
  readonly region?: string;
  readonly onEvent?: DeployEventListener;
  /** Stops waiting (Ctrl-C); the error says what is left running. */
  readonly signal?: AbortSignal;
  readonly sleep?: Sleep;
  readonly pollIntervalMs?: number;
  readonly now?: () => Date;
}

export interface DeployAppOptions extends ExecutorOptions {
  /** From `buildPackage` with the default CloudFormation format (code from parameters). */
  readonly artifacts: PackageArtifacts;
}

export interface DeployAppResult {
  readonly stackName: string;
  readonly noChanges: boolean;
  readonly status: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly recordPath: string;
  readonly artifact: { readonly bucket: string; readonly key: string; readonly uploaded: boolean };
  /** Set when the API definition was imported from S3 (`BodyS3Location`) instead of inline. */
  readonly apiBody?: StagedApiBody;
}

/**
 * `<app>-<stage>`, made a valid stack name (CloudFormation allows `[A-Za-z][-A-Za-z0-9]*`, 128 chars).
 *
 * @example
 * ```ts
 * defaultStackName('demo_auth', 'dev'); // 'demo-auth-dev'
 * ```
 */
export function defaultStackName(appName: string, stage: string): string {
  const name = `${appName}-${stage}`.replace(/[^A-Za-z0-9-]/g, '-');
  return (/^[A-Za-z]/.test(name) ? name : `app-${name}`).slice(0, 128);
}

export function executorContext(options: ExecutorOptions): ExecutorContext {
  return {
    cloudFormation: options.aws.cloudFormation,
    sleep: options.sleep ?? realSleep,
    signal: options.signal,
    emit: options.onEvent ?? (() => {}),
    pollIntervalMs: options.pollIntervalMs ?? 5_000,
    now: options.now ?? (() => new Date()),
  };
}

/**
 * `chalice-ts deploy`: ensures the artifact bucket, uploads `deployment.zip` under its content
 * hash (skipped when already there), applies the template through a change set, reports progress
 * through `onEvent`, and records the outputs in `.chalice-ts/deployed/<stage>.json`. When the
 * template with the Swagger inline would pass CloudFormation's 1,000,000-byte limit, the Swagger
 * is uploaded as `openapi.json` (content-addressed) and `RestAPI` imports it via `BodyS3Location`.
 *
 * @example
 * ```ts
 * const artifacts = await buildPackage({ model, resolved, stage: 'dev', projectDir });
 * const result = await deployApp({ artifacts, aws: createAwsApis({ region }), stage: 'dev', projectDir,
 *   onEvent: (e) => console.log(e.message) });
 * console.log(result.outputs.EndpointURL);
 * ```
 */
export async function deployApp(options: DeployAppOptions): Promise<DeployAppResult> {
  const ctx = executorContext(options);
  const { resources, swagger, template, zip, zipSha256 } = options.artifacts;
  const stackName = options.stackName ?? defaultStackName(resources.appName, options.stage);
  if (template.Transform !== undefined) {
    throw new DeployerError(
      'INVALID_MODEL',
      'deployApp needs the CloudFormation template (buildPackage with format cloudformation), not the SAM one.',
    );
  }

  await forgetVanishedStack(ctx, options.projectDir, options.stage, stackName);
  const artifactBucket = await ensureArtifactBucket(ctx);
  const { bucket } = artifactBucket;
  const key = artifactKey(resources.appName, zipSha256);
  const upload = await uploadArtifact({
    s3: options.aws.s3,
    bucket,
    key,
    zip,
    sha256: zipSha256,
    emit: ctx.emit,
    sleep: ctx.sleep,
    signal: options.signal,
  });

  const parameters: Record<string, string> = { [CODE_PARAMETERS.bucket]: bucket, [CODE_PARAMETERS.key]: key };
  let templateBody = JSON.stringify(template);
  let apiBody: StagedApiBody | undefined;
  const inlineBytes = Buffer.byteLength(templateBody);
  if (inlineBytes > TEMPLATE_URL_LIMIT) {
    ctx.emit({
      type: 'api-body',
      inlineBytes,
      message:
        `With the API inline the template is ${inlineBytes.toLocaleString('en-US')} bytes ` +
        '(CloudFormation allows 1,000,000); importing the API definition from S3 instead.',
    });
    apiBody = await stageApiBody(ctx, { s3: options.aws.s3, artifactBucket, swagger, resources });
    templateBody = JSON.stringify(
      buildCloudFormation(resources, swagger, { apiBody: { kind: 'parameters' } }),
    );
    parameters[API_BODY_PARAMETERS.bucket] = apiBody.bucket;
    parameters[API_BODY_PARAMETERS.key] = apiBody.key;
  }
  const templateUrl = await stageLargeTemplate(options, ctx, {
    bucket,
    templateBody,
    appName: resources.appName,
  });
  const result = await deployStack(ctx, {
    stackName,
    templateBody,
    ...(templateUrl && { templateUrl }),
    parameters,
    description: `chalice-ts deploy of ${resources.appName} (${options.stage})`,
  });

  const record: DeployedRecord = {
    stage: options.stage,
    appName: resources.appName,
    stackName,
    stackId: result.stackId,
    ...(options.region !== undefined && { region: options.region }),
    status: result.status,
    outputs: result.outputs,
    artifact: { bucket, key, sha256: zipSha256 },
    deployedAt: ctx.now().toISOString(),
  };
  const recordPath = await writeDeployedRecord(options.projectDir, record);
  ctx.emit({
    type: 'complete',
    stackName,
    status: result.status,
    outputs: result.outputs,
    message: result.noChanges
      ? `Stack ${stackName} is up to date; nothing was changed.`
      : `Deployed ${stackName}: ${result.outputs['EndpointURL'] ?? result.status}`,
  });
  return {
    stackName,
    noChanges: result.noChanges,
    status: result.status,
    outputs: result.outputs,
    recordPath,
    artifact: { bucket, key, uploaded: upload === 'uploaded' },
    ...(apiBody && { apiBody }),
  };
}
