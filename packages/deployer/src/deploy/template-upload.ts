import { createHash } from 'node:crypto';
import { DeployerError } from '../errors.js';
import { uploadArtifact } from './artifact.js';
import type { AwsApis } from './aws-api.js';
import type { ExecutorContext } from './context.js';

/** CloudFormation's limits: a template passed inline, and any template (from S3). */
export const TEMPLATE_BODY_LIMIT = 51_200;
export const TEMPLATE_URL_LIMIT = 1_000_000;

/** Uploads a template too large to pass inline, returning its S3 URL (or nothing when inline fits). */
export async function stageLargeTemplate(
  options: {
    readonly aws: AwsApis;
    readonly region?: string | undefined;
    readonly signal?: AbortSignal | undefined;
  },
  ctx: ExecutorContext,
  input: { bucket: string; templateBody: string; appName: string },
): Promise<string | undefined> {
  const size = Buffer.byteLength(input.templateBody);
  if (size <= TEMPLATE_BODY_LIMIT) return undefined;
  if (size > TEMPLATE_URL_LIMIT) {
    throw new DeployerError(
      'TEMPLATE_TOO_LARGE',
      `The template is ${size.toLocaleString('en-US')} bytes; CloudFormation accepts at most 1,000,000. ` +
        'Split the API into several apps or reduce its routes.',
    );
  }
  const bytes = new TextEncoder().encode(input.templateBody);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = `${input.appName}/templates/${sha256}.json`;
  await uploadArtifact({
    s3: options.aws.s3,
    bucket: input.bucket,
    key,
    zip: bytes,
    sha256,
    contentType: 'application/json',
    label: 'Template',
    emit: ctx.emit,
    sleep: ctx.sleep,
    signal: options.signal,
  });
  const host = options.region ? `s3.${options.region}.amazonaws.com` : 's3.amazonaws.com';
  return `https://${input.bucket}.${host}/${key}`;
}
