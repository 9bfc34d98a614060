import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { largeApp } from '../fixtures/apps.js';
import { HttpFakeAws, parseQuery } from '../fixtures/http-fake-aws.js';
import { deleteApp } from './delete-app.js';
import { deployApp } from './deploy-app.js';
import { readDeployedRecord } from './deployed-record.js';
import type { DeployEvent } from './events.js';
import { artifacts, changedApp } from '../fixtures/artifacts.js';

let aws: HttpFakeAws;
let projectDir: string;
let events: DeployEvent[];
beforeEach(async () => {
  aws = await new HttpFakeAws().start();
  projectDir = await mkdtemp(join(tmpdir(), 'cts-http-'));
  events = [];
});
afterEach(async () => {
  await aws.stop();
  await rm(projectDir, { recursive: true, force: true });
});

const options = () => ({
  aws: aws.apis,
  stage: 'dev',
  projectDir,
  onEvent: (e: DeployEvent) => events.push(e),
  sleep: async () => {},
  now: aws.now,
});
const deploy = (a = artifacts()) => deployApp({ artifacts: a, ...options() });
const actions = () => aws.requests.map((r) => r.action);

describe('parseQuery', () => {
  it('rebuilds lists of structures from awsQuery member keys', () => {
    const body =
      'Action=CreateChangeSet&Version=2010-05-15&StackName=s&Parameters.member.1.ParameterKey=A' +
      '&Parameters.member.1.ParameterValue=1&Parameters.member.2.ParameterKey=B&Capabilities.member.1=CAPABILITY_IAM';
    expect(parseQuery(body)).toEqual({
      action: 'CreateChangeSet',
      input: {
        StackName: 's',
        Parameters: [{ ParameterKey: 'A', ParameterValue: '1' }, { ParameterKey: 'B' }],
        Capabilities: ['CAPABILITY_IAM'],
      },
    });
  });
});

describe('deploy and delete over HTTP against a CloudFormation/S3 fake on 127.0.0.1', () => {
  it('creates, then finds nothing to change, then updates', async () => {
    const created = await deploy();
    expect(created).toMatchObject({
      status: 'CREATE_COMPLETE',
      outputs: { EndpointURL: 'EndpointURL-of-demoauth1-dev' },
    });
    expect(actions()).toContain('S3:PutObject');

    aws.requests.length = 0;
    const again = await deploy();
    expect(again.noChanges).toBe(true);
    expect(actions()).not.toContain('ExecuteChangeSet');
    expect(actions()).not.toContain('S3:PutObject');

    const updated = await deploy(artifacts(changedApp()));
    expect(updated.status).toBe('UPDATE_COMPLETE');
  });

  it('reports a failed create through the XML error path, then recreates', async () => {
    aws.outcomes.push('success', {
      fail: 'DefaultRole',
      reason: 'API: iam:CreateRole User is not authorized',
    });
    await expect(deploy()).rejects.toThrow(
      /DefaultRole \(AWS::IAM::Role\) CREATE_FAILED: API: iam:CreateRole/,
    );
    const result = await deploy();
    expect(result.status).toBe('CREATE_COMPLETE');
    expect(actions()).toContain('DeleteStack');
  });

  it('reports a rolled-back update and keeps the stack usable', async () => {
    await deploy();
    aws.outcomes.push({ fail: 'APIHandler', reason: 'Memory size out of range' });
    await expect(deploy(artifacts(changedApp()))).rejects.toMatchObject({ code: 'UPDATE_ROLLED_BACK' });
    expect(aws.statusOf('demoauth1-dev')).toBe('UPDATE_ROLLBACK_COMPLETE');
    await expect(deploy(artifacts(changedApp()))).resolves.toMatchObject({ status: 'UPDATE_COMPLETE' });
  });

  it('retries when CloudFormation answers Throttling', async () => {
    aws.throttle['DescribeStacks'] = 2;
    aws.throttle['DescribeChangeSet'] = 1;
    await expect(deploy()).resolves.toMatchObject({ status: 'CREATE_COMPLETE' });
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(3);
  });

  it('deploys a 2,000-route API through BodyS3Location, uploading openapi.json only the first time', async () => {
    const big = artifacts(largeApp(2_000));
    const first = await deploy(big);
    expect(first.status).toBe('CREATE_COMPLETE');
    const key = first.apiBody?.key ?? '';
    expect(key).toMatch(/^bigapp\/openapi\/[0-9a-f]{64}\.json$/);
    const puts = () => aws.requests.filter((r) => r.action === 'S3:PutObject' && r.input['Key'] === key);
    expect(puts()).toHaveLength(1);
    const stored = new TextDecoder().decode(aws.objects.get(`BucketName-of-chalice-ts-bootstrap/${key}`));
    expect(Object.keys(JSON.parse(stored).paths)).toHaveLength(1_000);
    const change = aws.requests.find(
      (r) => r.action === 'CreateChangeSet' && r.input['StackName'] === 'bigapp-dev',
    );
    expect(String(change?.input['TemplateBody']).length).toBeLessThan(51_200);

    aws.requests.length = 0;
    const again = await deploy(artifacts(largeApp(2_000)));
    expect(again).toMatchObject({ noChanges: true, apiBody: { key, uploaded: false } });
    expect(actions()).toContain('S3:HeadObject');
    expect(actions()).not.toContain('S3:PutObject');
  });

  it('deletes the stack and the deployed record', async () => {
    await deploy();
    await expect(deleteApp({ ...options(), appName: 'demoauth1' })).resolves.toEqual({
      stackName: 'demoauth1-dev',
      deleted: true,
    });
    expect(aws.statusOf('demoauth1-dev')).toBe('DELETE_COMPLETE');
    expect(await readDeployedRecord(projectDir, 'dev')).toBeNull();
  });
});
