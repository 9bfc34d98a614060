import { createHash } from 'node:crypto';
import type { ResourceModel } from '../model/index.js';
import { DeployerError } from '../errors.js';
import { resolveSwaggerIntrinsics, stackEnvironment, type SwaggerDocument } from '../swagger/index.js';
import { uploadArtifact } from './artifact.js';
import type { S3Api } from './aws-api.js';
import type { ArtifactBucket } from './bootstrap.js';
import type { ExecutorContext } from './context.js';

/** S3 key of an app's API definition: content-addressed like the code, so an unchanged API is never re-sent. */
export function apiBodyKey(appName: string, sha256: string): string {
  return `${appName}/openapi/${sha256}.json`;
}

export interface StagedApiBody {
  readonly bucket: string;
  readonly key: string;
  readonly uploaded: boolean;
}

/**
 * Uploads the Swagger for `BodyS3Location`: its intrinsics resolved for the bootstrap stack's
 * account and region (the app stack lives in the same ones), stored under its content hash, and
 * skipped when already there. A new hash means a new key, hence a changed `RestAPI` property —
 * CloudFormation does not notice a file replaced under the same key.
 */
export async function stageApiBody(
  ctx: ExecutorContext,
  input: {
    readonly s3: S3Api;
    readonly artifactBucket: ArtifactBucket;
    readonly swagger: SwaggerDocument;
    readonly resources: ResourceModel;
  },
): Promise<StagedApiBody> {
  const env = stackEnvironment(input.artifactBucket.stackId);
  if (!env) {
    throw new DeployerError(
      'BOOTSTRAP_FAILED',
      `Cannot tell the account and region from the bootstrap stack id '${input.artifactBucket.stackId}'.`,
    );
  }
  const body = resolveSwaggerIntrinsics(input.swagger, input.resources, env);
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { bucket } = input.artifactBucket;
  const key = apiBodyKey(input.resources.appName, sha256);
  const result = await uploadArtifact({
    s3: input.s3,
    bucket,
    key,
    zip: bytes,
    sha256,
    contentType: 'application/json',
    label: 'API definition',
    emit: ctx.emit,
    sleep: ctx.sleep,
    signal: ctx.signal,
  });
  return { bucket, key, uploaded: result === 'uploaded' };
}
