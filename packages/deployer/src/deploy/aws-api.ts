import {
  CloudFormationClient,
  CreateChangeSetCommand,
  type CreateChangeSetCommandInput,
  type CreateChangeSetCommandOutput,
  DeleteChangeSetCommand,
  type DeleteChangeSetCommandInput,
  DeleteStackCommand,
  type DeleteStackCommandInput,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandInput,
  type DescribeChangeSetCommandOutput,
  DescribeStackEventsCommand,
  type DescribeStackEventsCommandInput,
  type DescribeStackEventsCommandOutput,
  DescribeStacksCommand,
  type DescribeStacksCommandInput,
  type DescribeStacksCommandOutput,
  ExecuteChangeSetCommand,
  type ExecuteChangeSetCommandInput,
} from '@aws-sdk/client-cloudformation';
import {
  HeadObjectCommand,
  type HeadObjectCommandInput,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
} from '@aws-sdk/client-s3';

/** The CloudFormation calls the deployer makes, and nothing else (inject a fake in tests). */
export interface CloudFormationApi {
  describeStacks(input: DescribeStacksCommandInput): Promise<DescribeStacksCommandOutput>;
  describeStackEvents(input: DescribeStackEventsCommandInput): Promise<DescribeStackEventsCommandOutput>;
  createChangeSet(input: CreateChangeSetCommandInput): Promise<CreateChangeSetCommandOutput>;
  describeChangeSet(input: DescribeChangeSetCommandInput): Promise<DescribeChangeSetCommandOutput>;
  executeChangeSet(input: ExecuteChangeSetCommandInput): Promise<unknown>;
  deleteChangeSet(input: DeleteChangeSetCommandInput): Promise<unknown>;
  deleteStack(input: DeleteStackCommandInput): Promise<unknown>;
}

/** The S3 calls the deployer makes. */
export interface S3Api {
  headObject(input: HeadObjectCommandInput): Promise<unknown>;
  putObject(input: PutObjectCommandInput): Promise<unknown>;
}

/**
 * `CloudFormationApi` over an SDK v3 client (`client.send(new XCommand(input))`).
 *
 * @example
 * ```ts
 * const cfn = cloudFormationApi(new CloudFormationClient({ region: 'us-west-2' }));
 * ```
 */
export function cloudFormationApi(client: CloudFormationClient): CloudFormationApi {
  return {
    describeStacks: (input) => client.send(new DescribeStacksCommand(input)),
    describeStackEvents: (input) => client.send(new DescribeStackEventsCommand(input)),
    createChangeSet: (input) => client.send(new CreateChangeSetCommand(input)),
    describeChangeSet: (input) => client.send(new DescribeChangeSetCommand(input)),
    executeChangeSet: (input) => client.send(new ExecuteChangeSetCommand(input)),
    deleteChangeSet: (input) => client.send(new DeleteChangeSetCommand(input)),
    deleteStack: (input) => client.send(new DeleteStackCommand(input)),
  };
}

/** `S3Api` over an SDK v3 client. */
export function s3Api(client: S3Client): S3Api {
  return {
    headObject: (input) => client.send(new HeadObjectCommand(input)),
    putObject: (input) => client.send(new PutObjectCommand(input)),
  };
}

/** Both APIs for one account/region. */
export interface AwsApis {
  readonly cloudFormation: CloudFormationApi;
  readonly s3: S3Api;
}

/**
 * Real clients with the SDK's default credential chain (environment, shared config/SSO, `--profile`,
 * instance roles) — what `chalice-ts deploy --profile --region` uses.
 *
 * @example
 * ```ts
 * const aws = createAwsApis({ region: 'eu-west-1', profile: 'dev' });
 * ```
 */
export function createAwsApis(
  options: { readonly region?: string; readonly profile?: string } = {},
): AwsApis {
  const config = {
    ...(options.region !== undefined && { region: options.region }),
    ...(options.profile !== undefined && { profile: options.profile }),
  };
  return {
    cloudFormation: cloudFormationApi(new CloudFormationClient(config)),
    s3: s3Api(new S3Client(config)),
  };
}
