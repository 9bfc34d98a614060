import type { CfnTemplate } from '../template/index.js';
import { DeployerError } from '../errors.js';
import { describeStack, type ExecutorContext } from './context.js';
import { deployStack } from './deploy-stack.js';

/** One bootstrap stack per account and region, shared by every chalice-ts app there. */
export const BOOTSTRAP_STACK_NAME = 'chalice-ts-bootstrap';

/**
 * The bootstrap stack: an artifact bucket that is encrypted (SSE-S3), blocks all public access,
 * enforces bucket-owner object ownership and refuses plain-HTTP requests.
 */
export function bootstrapTemplate(): CfnTemplate {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'chalice-ts artifact bucket (deployment packages)',
    Resources: {
      ArtifactBucket: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        },
      },
      ArtifactBucketPolicy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'ArtifactBucket' },
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: [
                  { 'Fn::GetAtt': ['ArtifactBucket', 'Arn'] },
                  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
                  { 'Fn::Sub': '${ArtifactBucket.Arn}/*' },
                ],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      },
    },
    Outputs: { BucketName: { Value: { Ref: 'ArtifactBucket' } } },
  };
}

/** The artifact bucket, and the bootstrap stack's id (its ARN names the account and region). */
export interface ArtifactBucket {
  readonly bucket: string;
  readonly stackId: string;
}

/**
 * The artifact bucket's name, creating the bootstrap stack the first time (and repairing it if a
 * first attempt failed).
 */
export async function ensureArtifactBucket(
  ctx: ExecutorContext,
  stackName = BOOTSTRAP_STACK_NAME,
): Promise<ArtifactBucket> {
  const existing = await describeStack(ctx, stackName);
  let outputs =
    existing?.status.isSuccess || existing?.status.isUpdateRolledBack ? existing.outputs : undefined;
  let stackId = existing?.stackId ?? stackName;
  if (!outputs?.['BucketName']) {
    ctx.emit({
      type: 'bootstrap',
      message: `Creating the artifact bucket (stack ${stackName}), once per account and region.`,
    });
    const result = await deployStack(ctx, { stackName, templateBody: JSON.stringify(bootstrapTemplate()) });
    outputs = result.outputs;
    stackId = result.stackId;
  }
  const bucket = outputs['BucketName'];
  if (!bucket) {
    throw new DeployerError(
      'BOOTSTRAP_FAILED',
      `Stack ${stackName} has no BucketName output; delete it and deploy again.`,
    );
  }
  ctx.emit({ type: 'bootstrap', bucket, message: `Artifact bucket: ${bucket}` });
  return { bucket, stackId };
}
