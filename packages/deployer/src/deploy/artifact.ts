import type { DeployEventListener } from './events.js';
import type { S3Api } from './aws-api.js';
import { type Sleep, withRetry } from './retry.js';
import { awsError } from './context.js';

/** S3 key of an app's deployment package: content-addressed, so an unchanged zip is never re-sent. */
export function artifactKey(appName: string, sha256: string): string {
  return `${appName}/${sha256}.zip`;
}

/** HeadObject reports a missing key as `NotFound` (404). */
function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/** Uploads `zip` (or any content) under its content hash unless the object is already there. */
export async function uploadArtifact(options: {
  readonly s3: S3Api;
  readonly bucket: string;
  readonly key: string;
  readonly zip: Uint8Array;
  readonly sha256: string;
  readonly contentType?: string;
  /** What the object is, for progress messages; default `Code`. */
  readonly label?: string;
  readonly emit: DeployEventListener;
  readonly sleep: Sleep;
  readonly signal?: AbortSignal | undefined;
}): Promise<'uploaded' | 'skipped'> {
  const { s3, bucket, key } = options;
  const retry = { sleep: options.sleep, signal: options.signal };
  try {
    await withRetry(() => s3.headObject({ Bucket: bucket, Key: key }), retry);
    options.emit({
      type: 'artifact',
      action: 'skipped',
      bucket,
      key,
      message: `${options.label ?? 'Code'} unchanged (s3://${bucket}/${key}).`,
    });
    return 'skipped';
  } catch (error) {
    if (!isNotFound(error)) throw awsError(`Could not check s3://${bucket}/${key}`, error);
  }
  try {
    await withRetry(
      () =>
        s3.putObject({
          Bucket: bucket,
          Key: key,
          Body: options.zip,
          ContentType: options.contentType ?? 'application/zip',
          ChecksumSHA256: Buffer.from(options.sha256, 'hex').toString('base64'),
        }),
      retry,
    );
  } catch (error) {
    throw awsError(`Could not upload s3://${bucket}/${key}`, error);
  }
  options.emit({
    type: 'artifact',
    action: 'uploaded',
    bucket,
    key,
    message: `Uploaded s3://${bucket}/${key}.`,
  });
  return 'uploaded';
}
