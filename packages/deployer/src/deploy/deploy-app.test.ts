import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeployerError } from '../errors.js';
import { largeApp, seedApp } from '../fixtures/apps.js';
import { FakeAws } from '../fixtures/fake-aws.js';
import { buildCloudFormation, deploymentLogicalId } from '../template/index.js';
import { deleteApp } from './delete-app.js';
import { deployApp } from './deploy-app.js';
import { readDeployedRecord } from './deployed-record.js';
import type { DeployEvent } from './events.js';
import { artifacts, changedApp } from '../fixtures/artifacts.js';

let aws: FakeAws;
let projectDir: string;
let events: DeployEvent[];
let slept: number[];
beforeEach(async () => {
  aws = new FakeAws();
  projectDir = await mkdtemp(join(tmpdir(), 'cts-deploy-'));
  events = [];
  slept = [];
});
afterEach(async () => {
  aws.restore();
  await rm(projectDir, { recursive: true, force: true });
});

const deploy = (a = artifacts(), extra: { signal?: AbortSignal } = {}) =>
  deployApp({
    artifacts: a,
    aws: aws.apis,
    stage: 'dev',
    projectDir,
    region: 'us-west-2',
    onEvent: (e) => events.push(e),
    sleep: async (ms) => {
      slept.push(ms);
    },
    now: aws.now,
    ...extra,
  });
const messages = () => events.map((e) => e.message);

describe('deployApp', () => {
  it('creates the bootstrap bucket, uploads the zip, creates the stack and records its outputs', async () => {
    const a = artifacts();
    const result = await deploy(a);

    expect(result).toMatchObject({ stackName: 'demoauth1-dev', noChanges: false, status: 'CREATE_COMPLETE' });
    expect(aws.statusOf('chalice-ts-bootstrap')).toBe('CREATE_COMPLETE');
    expect(aws.cfnMock).toHaveReceivedCommandWith(CreateChangeSetCommand, {
      StackName: 'demoauth1-dev',
      ChangeSetType: 'CREATE',
      Parameters: [
        { ParameterKey: 'DeploymentBucket', ParameterValue: 'BucketName-of-chalice-ts-bootstrap' },
        { ParameterKey: 'DeploymentKey', ParameterValue: `demoauth1/${a.zipSha256}.zip` },
      ],
    });
    expect(aws.s3Mock).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: 'BucketName-of-chalice-ts-bootstrap',
      Key: `demoauth1/${a.zipSha256}.zip`,
    });
    const record = await readDeployedRecord(projectDir, 'dev');
    expect(record).toMatchObject({
      stackName: 'demoauth1-dev',
      region: 'us-west-2',
      outputs: { EndpointURL: 'EndpointURL-of-demoauth1-dev', RestAPIId: 'RestAPIId-of-demoauth1-dev' },
      artifact: { sha256: a.zipSha256 },
    });
    expect(JSON.parse(await readFile(result.recordPath, 'utf8'))).toEqual(record);
  });

  it('streams stack events oldest first as progress', async () => {
    await deploy();
    const progress = events.filter((e) => e.type === 'stack-event' && e.stackName === 'demoauth1-dev');
    expect(progress[0]).toMatchObject({ logicalId: 'demoauth1-dev', status: 'CREATE_IN_PROGRESS' });
    expect(progress.at(-1)).toMatchObject({ logicalId: 'demoauth1-dev', status: 'CREATE_COMPLETE' });
    expect(progress.map((e) => (e.type === 'stack-event' ? e.logicalId : ''))).toContain('DemoAuth');
  });

  it('changes nothing on a second identical deploy and says so', async () => {
    await deploy();
    aws.cfnMock.resetHistory();
    aws.s3Mock.resetHistory();
    events = [];

    const result = await deploy();
    expect(result.noChanges).toBe(true);
    expect(result.artifact.uploaded).toBe(false);
    expect(aws.s3Mock).not.toHaveReceivedCommand(PutObjectCommand);
    expect(aws.cfnMock).not.toHaveReceivedCommand(ExecuteChangeSetCommand);
    expect(aws.cfnMock).toHaveReceivedCommand(DeleteChangeSetCommand);
    expect(messages()).toContain('No changes to deploy: stack demoauth1-dev is up to date.');
  });

  it('updates the stack through an UPDATE change set when the app changes', async () => {
    await deploy();
    const result = await deploy(artifacts(changedApp()), {});
    expect(aws.cfnMock).toHaveReceivedCommandWith(CreateChangeSetCommand, { ChangeSetType: 'UPDATE' });
    expect(result).toMatchObject({ noChanges: false, status: 'UPDATE_COMPLETE' });
  });

  it('reports a failed create with the first failing resource, then deletes and recreates on the next deploy', async () => {
    aws.outcomes.push('success', {
      fail: 'APIHandler',
      reason: 'The role defined for the function cannot be assumed by Lambda.',
    });
    const failed = deploy();
    await expect(failed).rejects.toMatchObject({ code: 'DEPLOY_FAILED' });
    await expect(failed).rejects.toThrow(
      /ROLLBACK_COMPLETE\. First failure: APIHandler \(AWS::Lambda::Function\) CREATE_FAILED: The role defined .*next deploy deletes/,
    );
    expect(aws.statusOf('demoauth1-dev')).toBe('ROLLBACK_COMPLETE');

    const result = await deploy();
    expect(result.status).toBe('CREATE_COMPLETE');
    expect(aws.cfnMock).toHaveReceivedCommand(DeleteStackCommand);
    expect(events.find((e) => e.type === 'recreate')?.message).toMatch(
      /ROLLBACK_COMPLETE.*deleting it and creating it again/,
    );
  });

  it('reports a rolled-back update and leaves the stack usable', async () => {
    await deploy();
    aws.outcomes.push({ fail: 'RestAPI', reason: 'Invalid authorizer definition' });
    const failed = deploy(artifacts(changedApp()));
    await expect(failed).rejects.toBeInstanceOf(DeployerError);
    await expect(failed).rejects.toMatchObject({ code: 'UPDATE_ROLLED_BACK' });
    await expect(failed).rejects.toThrow(
      /RestAPI \(AWS::ApiGateway::RestApi\) UPDATE_FAILED: Invalid authorizer.*still usable/,
    );
    expect(aws.statusOf('demoauth1-dev')).toBe('UPDATE_ROLLBACK_COMPLETE');

    const retried = await deploy(artifacts(changedApp()));
    expect(retried.status).toBe('UPDATE_COMPLETE');
  });

  it('retries throttled calls with exponential backoff', async () => {
    aws.throttle['DescribeStacks'] = 2;
    aws.throttle['CreateChangeSet'] = 1;
    const result = await deploy();
    expect(result.status).toBe('CREATE_COMPLETE');
    expect(slept.slice(0, 2)).toEqual([500, 1000]);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(3);
  });

  it('passes a template over 51,200 bytes through S3 (TemplateURL) instead of inline', async () => {
    const routes = Array.from({ length: 120 }, (_, i) => ({
      method: 'GET',
      path: `/r${i}`,
      entry: {},
      authorizer: null,
    }));
    const big = artifacts({ ...seedApp(), routes: [...seedApp().routes, ...routes] });
    expect(JSON.stringify(big.template).length).toBeGreaterThan(51_200);
    await deploy(big);
    const key = expect.stringMatching(/^demoauth1\/templates\/[0-9a-f]{64}\.json$/);
    expect(aws.s3Mock).toHaveReceivedCommandWith(PutObjectCommand, {
      Key: key,
      ContentType: 'application/json',
    });
    expect(aws.cfnMock).toHaveReceivedCommandWith(CreateChangeSetCommand, {
      StackName: 'demoauth1-dev',
      TemplateURL: expect.stringMatching(
        /^https:\/\/BucketName-of-chalice-ts-bootstrap\.s3\.us-west-2\.amazonaws\.com\/demoauth1\/templates\//,
      ),
    });
  });

  it('deploys a 2,000-route API by importing its definition from S3 once, then skips the upload', async () => {
    const big = artifacts(largeApp(2_000));
    expect(JSON.stringify(big.template).length).toBeGreaterThan(1_000_000);

    const result = await deploy(big);
    expect(result).toMatchObject({ stackName: 'bigapp-dev', status: 'CREATE_COMPLETE' });
    expect(result.apiBody).toEqual({
      bucket: 'BucketName-of-chalice-ts-bootstrap',
      key: expect.stringMatching(/^bigapp\/openapi\/[0-9a-f]{64}\.json$/),
      uploaded: true,
    });
    const key = result.apiBody?.key ?? '';
    const openapiPuts = () =>
      aws.s3Mock.commandCalls(PutObjectCommand).filter((c) => c.args[0].input.Key?.includes('/openapi/'));
    expect(openapiPuts()).toHaveLength(1);
    expect(aws.s3Mock).toHaveReceivedCommandWith(PutObjectCommand, {
      Key: key,
      ContentType: 'application/json',
    });

    const uploaded = JSON.parse(
      new TextDecoder().decode(aws.objects.get(`BucketName-of-chalice-ts-bootstrap/${key}`)),
    );
    expect(Object.keys(uploaded.paths)).toHaveLength(1_000);
    expect(JSON.stringify(uploaded)).not.toContain('Fn::');
    expect(uploaded.paths['/r0/{id}'].get['x-amazon-apigateway-integration'].uri).toBe(
      'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:bigapp-dev/invocations',
    );

    const input = aws.cfnMock.commandCalls(CreateChangeSetCommand).at(-1)?.args[0].input;
    const body = input?.TemplateBody ?? '';
    expect(Buffer.byteLength(body)).toBeLessThan(51_200);
    const template = JSON.parse(body);
    expect(template.Resources.RestAPI.Properties).not.toHaveProperty('Body');
    expect(template.Resources).toHaveProperty(deploymentLogicalId(big.swagger));
    // The very template whose schema check runs in templates.test.ts (loading the CloudFormation
    // specification here too would add seconds to this file).
    expect(template).toEqual(
      JSON.parse(
        JSON.stringify(buildCloudFormation(big.resources, big.swagger, { apiBody: { kind: 'parameters' } })),
      ),
    );
    expect(input?.Parameters).toEqual(
      expect.arrayContaining([
        { ParameterKey: 'ApiBodyBucket', ParameterValue: 'BucketName-of-chalice-ts-bootstrap' },
        { ParameterKey: 'ApiBodyKey', ParameterValue: key },
      ]),
    );
    expect(events.find((e) => e.type === 'api-body')?.message).toMatch(
      /importing the API definition from S3/,
    );

    aws.s3Mock.resetHistory();
    events = [];
    const again = await deploy(artifacts(largeApp(2_000)));
    expect(again).toMatchObject({ noChanges: true, apiBody: { key, uploaded: false } });
    expect(openapiPuts()).toHaveLength(0);
    expect(messages()).toContain(
      `API definition unchanged (s3://BucketName-of-chalice-ts-bootstrap/${key}).`,
    );
  });

  it('keeps the Swagger inline when the template fits', async () => {
    const result = await deploy();
    expect(result).not.toHaveProperty('apiBody');
    const body = aws.cfnMock.commandCalls(CreateChangeSetCommand).at(-1)?.args[0].input.TemplateBody ?? '';
    expect(JSON.parse(body).Resources.RestAPI.Properties).toHaveProperty('Body');
  });

  it('refuses to deploy over a stack that is busy', async () => {
    await deploy();
    aws.stacks.forEach((s) => {
      if (s.name === 'demoauth1-dev') s.status = 'UPDATE_IN_PROGRESS';
    });
    await expect(deploy(artifacts(changedApp()))).rejects.toMatchObject({ code: 'STACK_BUSY' });
  });

  it('stops waiting on abort with a message saying what is still running', async () => {
    const controller = new AbortController();
    const run = deployApp({
      artifacts: artifacts(),
      aws: aws.apis,
      stage: 'dev',
      projectDir,
      now: aws.now,
      signal: controller.signal,
      sleep: async () => {
        controller.abort();
        throw new Error('aborted');
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(run).rejects.toThrow(/Stopped waiting for change set .* of chalice-ts-bootstrap/);
    expect(aws.cfnMock).toHaveReceivedCommand(DeleteChangeSetCommand);
  });

  it('stops watching an executing stack on abort and says CloudFormation carries on', async () => {
    const controller = new AbortController();
    let sleeps = 0;
    const run = deployApp({
      artifacts: artifacts(),
      aws: aws.apis,
      stage: 'dev',
      projectDir,
      now: aws.now,
      signal: controller.signal,
      sleep: async () => {
        // Bootstrap: change set wait + stack wait; app: change set wait, then the stack wait aborts.
        if (++sleeps === 4) {
          controller.abort();
          throw new Error('aborted');
        }
      },
    });
    await expect(run).rejects.toThrow(
      /Stopped waiting for stack demoauth1-dev \(CREATE_IN_PROGRESS\)\. CloudFormation carries on/,
    );
    expect(aws.statusOf('demoauth1-dev')).toBe('CREATE_IN_PROGRESS');
  });
});

describe('deleteApp', () => {
  const remove = () =>
    deleteApp({
      aws: aws.apis,
      stage: 'dev',
      projectDir,
      appName: 'demoauth1',
      onEvent: (e) => events.push(e),
      sleep: async () => {},
      now: aws.now,
    });

  it('deletes the stack, waits for it and removes the deployed record', async () => {
    await deploy();
    const result = await remove();
    expect(result).toEqual({ stackName: 'demoauth1-dev', deleted: true });
    expect(aws.statusOf('demoauth1-dev')).toBe('DELETE_COMPLETE');
    expect(await readDeployedRecord(projectDir, 'dev')).toBeNull();
    expect(messages()).toContain('Deleted stack demoauth1-dev.');
  });

  it('says there is nothing to delete when the stack does not exist', async () => {
    await expect(remove()).resolves.toEqual({ stackName: 'demoauth1-dev', deleted: false });
    expect(messages()).toContain('Stack demoauth1-dev does not exist; nothing to delete.');
  });
});
