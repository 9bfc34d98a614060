import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeployerError } from '../errors.js';
import type { FakeStack } from '../fixtures/cfn-world.js';
import { HttpFakeAws } from '../fixtures/http-fake-aws.js';
import { deleteApp } from './delete-app.js';
import { deployApp } from './deploy-app.js';
import { type DeployedRecord, readDeployedRecord } from './deployed-record.js';
import type { DeployEvent } from './events.js';
import { artifacts, changedApp } from '../fixtures/artifacts.js';

// Every fault runs the real SDK clients against the 127.0.0.1 CloudFormation/S3 fake and checks
// both what the user is told and what `.chalice-ts/deployed/dev.json` says afterwards. The rule
// for the record: it is absent, or it names a live stack that a deploy completed, with that
// stack's outputs. A failed or interrupted deploy never writes it; a stale one is removed.

const STACK = 'demoauth1-dev';

let aws: HttpFakeAws;
let projectDir: string;
let events: DeployEvent[];
let dirs: string[];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cts-faults-'));
  dirs.push(dir);
  return dir;
};
beforeEach(async () => {
  dirs = [];
  aws = await new HttpFakeAws().start();
  projectDir = await tempDir();
  events = [];
});
afterEach(async () => {
  await aws.stop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const options = (sleep = async () => {}) => ({
  aws: aws.apis,
  stage: 'dev',
  projectDir,
  onEvent: (e: DeployEvent) => events.push(e),
  sleep,
  now: aws.now,
});
const deploy = (a = artifacts()) => deployApp({ artifacts: a, ...options() });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('expected the operation to fail'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(DeployerError);
      return error as DeployerError;
    },
  );
const record = () => readDeployedRecord(projectDir, 'dev');
const actions = () => aws.requests.map((r) => r.action);
const messages = (type: DeployEvent['type']) => events.filter((e) => e.type === type).map((e) => e.message);
const live = (): FakeStack | undefined =>
  [...aws.stacks.values()].filter((s) => s.name === STACK && s.status !== 'DELETE_COMPLETE').at(-1);

/** The record names the live stack, with its status and outputs. */
async function expectRecordDescribesLiveStack(): Promise<DeployedRecord> {
  const stored = await record();
  const stack = live();
  expect(stored).not.toBeNull();
  expect(stored).toMatchObject({ stackName: STACK, stackId: stack?.id, status: stack?.status });
  expect(stored?.outputs).toEqual(stack?.outputs);
  return stored as DeployedRecord;
}

/** Someone runs `aws cloudformation delete-stack` (and it finishes). */
async function deleteOutsideTheTool(): Promise<string> {
  const id = live()?.id ?? '';
  await aws.apis.cloudFormation.deleteStack({ StackName: STACK });
  await aws.apis.cloudFormation.describeStacks({ StackName: id });
  expect(aws.statusOf(STACK)).toBe('DELETE_COMPLETE');
  aws.requests.length = 0;
  return id;
}

/** A sleep that aborts the deploy the first time `when` holds. */
function abortWhen(when: () => boolean): { signal: AbortSignal; sleep: () => Promise<void> } {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    sleep: async () => {
      if (!when()) return;
      controller.abort();
      throw new Error('aborted');
    },
  };
}
const sawChangeSet = (action: 'created' | 'executing') => () =>
  events.some((e) => e.type === 'change-set' && e.stackName === STACK && e.action === action);

describe('create failure (ROLLBACK_COMPLETE)', () => {
  it('names the first failing resource, writes no record, and the next deploy deletes and recreates', async () => {
    aws.outcomes.push('success', {
      fail: 'DefaultRole',
      reason: 'API: iam:CreateRole User is not authorized',
    });
    const error = await failure(deploy());
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(error.message).toBe(
      `Creating stack ${STACK} failed; the stack is now ROLLBACK_COMPLETE. First failure: DefaultRole ` +
        '(AWS::IAM::Role) CREATE_FAILED: API: iam:CreateRole User is not authorized. ' +
        'The next deploy deletes the failed stack and creates it again.',
    );
    expect(messages('stack-event')).toContain(
      'CREATE_FAILED AWS::IAM::Role DefaultRole — API: iam:CreateRole User is not authorized',
    );
    expect(await record()).toBeNull();
    const failedId = live()?.id;
    expect(live()?.status).toBe('ROLLBACK_COMPLETE');

    events = [];
    const result = await deploy();
    expect(messages('recreate')).toEqual([
      `Stack ${STACK} is in ROLLBACK_COMPLETE after a failed create and cannot be updated; deleting it and creating it again.`,
    ]);
    expect(result.status).toBe('CREATE_COMPLETE');
    expect(aws.stacks.get(failedId ?? '')?.status).toBe('DELETE_COMPLETE');
    const stored = await expectRecordDescribesLiveStack();
    expect(stored.stackId).not.toBe(failedId);
  });
});

describe('update rollback (UPDATE_ROLLBACK_COMPLETE)', () => {
  it('says the stack was rolled back and still works, and keeps the record of the last good deploy', async () => {
    await deploy();
    const before = await expectRecordDescribesLiveStack();
    aws.outcomes.push({ fail: 'APIHandler', reason: 'Memory size out of range' });

    const error = await failure(deploy(artifacts(changedApp())));
    expect(error.code).toBe('UPDATE_ROLLED_BACK');
    expect(error.message).toBe(
      `Updating stack ${STACK} failed; the stack is now UPDATE_ROLLBACK_COMPLETE. First failure: APIHandler ` +
        '(AWS::Lambda::Function) UPDATE_FAILED: Memory size out of range. ' +
        'CloudFormation rolled the stack back to its previous state; it is still usable.',
    );
    expect(await record()).toEqual(before);
    expect(live()).toMatchObject({ id: before.stackId, status: 'UPDATE_ROLLBACK_COMPLETE' });
    expect(live()?.outputs).toEqual(before.outputs);

    await expect(deploy(artifacts(changedApp()))).resolves.toMatchObject({ status: 'UPDATE_COMPLETE' });
    await expectRecordDescribesLiveStack();
  });
});

describe('throttling', () => {
  it('retries each throttled step with growing delays, then deploys and records', async () => {
    Object.assign(aws.throttle, {
      DescribeStacks: 3,
      CreateChangeSet: 2,
      ExecuteChangeSet: 1,
      DescribeStackEvents: 1,
    });
    await expect(deploy()).resolves.toMatchObject({ status: 'CREATE_COMPLETE' });
    expect(messages('retry')).toEqual([
      'AWS is throttling requests; retrying in 500 ms.',
      'AWS is throttling requests; retrying in 1000 ms.',
      'AWS is throttling requests; retrying in 2000 ms.',
      'AWS is throttling requests; retrying in 500 ms.',
      'AWS is throttling requests; retrying in 1000 ms.',
      'AWS is throttling requests; retrying in 500 ms.',
      'AWS is throttling requests; retrying in 500 ms.',
    ]);
    await expectRecordDescribesLiveStack();
  });

  it.each([
    ['DescribeStacks', /^Could not read stack arn:aws:cloudformation:\S+: /],
    ['CreateChangeSet', new RegExp(`^Could not create a change set for ${STACK}: `)],
    [
      'ExecuteChangeSet',
      new RegExp(`^Could not execute change set chalice-ts-\\d+; stack ${STACK} was not changed: `),
    ],
  ])(
    'gives up on a throttled %s after 8 attempts with THROTTLED; record and stack stay as they were',
    async (action, prefix) => {
      await deploy();
      const before = await expectRecordDescribesLiveStack();
      aws.throttle[action] = 100;
      events = [];
      aws.requests.length = 0;

      const error = await failure(deploy(artifacts(changedApp())));
      expect(error.code).toBe('THROTTLED');
      expect(error.message).toMatch(prefix);
      expect(error.message).toMatch(
        /AWS was still throttling requests after 8 attempts \(Throttling: Rate exceeded\)\. Wait a minute and run the command again\.$/,
      );
      expect(messages('retry')).toHaveLength(7);
      expect(await record()).toEqual(before);
      expect(live()).toMatchObject({
        id: before.stackId,
        status: 'CREATE_COMPLETE',
        outputs: before.outputs,
      });

      aws.throttle[action] = 0;
      await expect(deploy(artifacts(changedApp()))).resolves.toMatchObject({ status: 'UPDATE_COMPLETE' });
      await expectRecordDescribesLiveStack();
    },
  );

  it('deletes the change set it could not execute', async () => {
    await deploy();
    aws.throttle['ExecuteChangeSet'] = 100;
    await failure(deploy(artifacts(changedApp())));
    const created = aws.requests.filter((r) => r.action === 'CreateChangeSet').at(-1);
    const deleted = aws.requests.filter((r) => r.action === 'DeleteChangeSet').at(-1);
    expect(deleted?.input['ChangeSetName']).toBe(created?.input['ChangeSetName']);
  });
});

describe('interrupted wait (AbortSignal)', () => {
  it('while the change set is prepared: deletes it, says nothing is left running, keeps the record', async () => {
    await deploy();
    const before = await expectRecordDescribesLiveStack();
    aws.requests.length = 0;
    events = [];
    const abort = abortWhen(sawChangeSet('created'));

    const error = await failure(
      deployApp({ artifacts: artifacts(changedApp()), ...options(abort.sleep), signal: abort.signal }),
    );
    expect(error.code).toBe('ABORTED');
    expect(error.message).toMatch(
      new RegExp(
        `^Stopped waiting for change set chalice-ts-\\d+ of ${STACK}\\. The change set was deleted before it ran, ` +
          `so stack ${STACK} was not changed and nothing is left running in CloudFormation\\.$`,
      ),
    );
    expect(actions()).toContain('DeleteChangeSet');
    expect(actions()).not.toContain('ExecuteChangeSet');
    expect(await record()).toEqual(before);
    expect(live()).toMatchObject({ id: before.stackId, status: 'CREATE_COMPLETE' });

    await expect(deploy(artifacts(changedApp()))).resolves.toMatchObject({ status: 'UPDATE_COMPLETE' });
    await expectRecordDescribesLiveStack();
  });

  it('while the update runs: says CloudFormation carries on, keeps the record; the next deploy records the result', async () => {
    await deploy();
    const before = await expectRecordDescribesLiveStack();
    events = [];
    const abort = abortWhen(sawChangeSet('executing'));

    const error = await failure(
      deployApp({ artifacts: artifacts(changedApp()), ...options(abort.sleep), signal: abort.signal }),
    );
    expect(error.code).toBe('ABORTED');
    expect(error.message).toBe(
      `Stopped waiting for stack ${STACK} (UPDATE_IN_PROGRESS). CloudFormation carries on without us; ` +
        'run the command again to see the result (or check the CloudFormation console).',
    );
    expect(live()?.status).toBe('UPDATE_IN_PROGRESS');
    expect(await record()).toEqual(before);

    // Run again: the update has finished meanwhile, nothing is left to change, the record catches up.
    const again = await deploy(artifacts(changedApp()));
    expect(again).toMatchObject({ noChanges: true, status: 'UPDATE_COMPLETE' });
    const after = await expectRecordDescribesLiveStack();
    expect(after.deployedAt > before.deployedAt).toBe(true);
  });

  it('while the first create runs: writes no record until a later deploy sees the stack complete', async () => {
    const abort = abortWhen(sawChangeSet('executing'));
    const error = await failure(
      deployApp({ artifacts: artifacts(), ...options(abort.sleep), signal: abort.signal }),
    );
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(error.message).toMatch(new RegExp(`^Stopped waiting for stack ${STACK} \\(CREATE_IN_PROGRESS\\)`));
    expect(await record()).toBeNull();

    await expect(deploy()).resolves.toMatchObject({ noChanges: true, status: 'CREATE_COMPLETE' });
    await expectRecordDescribesLiveStack();
  });
});

describe('stack deleted outside the tool', () => {
  it('deployApp says the recorded stack is gone, creates it again and rewrites the record', async () => {
    await deploy();
    const goneId = await deleteOutsideTheTool();
    events = [];

    const result = await deploy();
    expect(messages('stale-record')).toEqual([
      `Stack ${STACK} recorded in .chalice-ts/deployed/dev.json no longer exists; creating it.`,
    ]);
    expect(events.find((e) => e.type === 'stale-record')).toMatchObject({
      stackName: STACK,
      stackId: goneId,
      recordPath: '.chalice-ts/deployed/dev.json',
    });
    const firstNotice = events.findIndex((e) => e.type === 'stale-record');
    expect(firstNotice).toBeLessThan(events.findIndex((e) => e.type === 'change-set'));
    expect(aws.requests.find((r) => r.action === 'CreateChangeSet')?.input['ChangeSetType']).toBe('CREATE');
    expect(result).toMatchObject({ status: 'CREATE_COMPLETE', noChanges: false });
    const stored = await expectRecordDescribesLiveStack();
    expect(stored.stackId).not.toBe(goneId);
  });

  it('removes the stale record even when creating the stack again fails', async () => {
    await deploy();
    await deleteOutsideTheTool();
    aws.outcomes.push({ fail: 'APIHandler', reason: 'Runtime nodejs99.x is not supported' });

    const error = await failure(deploy());
    expect(error.code).toBe('DEPLOY_FAILED');
    expect(messages('stale-record')).toHaveLength(1);
    expect(await record()).toBeNull();
    expect(live()?.status).toBe('ROLLBACK_COMPLETE');
  });

  it('deployApp updates, and says so, when a stack of the same name was created elsewhere meanwhile', async () => {
    await deploy();
    await deleteOutsideTheTool();
    await deployApp({ artifacts: artifacts(), ...options(), projectDir: await tempDir() });
    const otherId = live()?.id;
    events = [];

    await expect(deploy(artifacts(changedApp()))).resolves.toMatchObject({ status: 'UPDATE_COMPLETE' });
    expect(messages('stale-record')).toEqual([
      `Stack ${STACK} recorded in .chalice-ts/deployed/dev.json no longer exists; ` +
        `updating the stack of that name that exists now (${otherId}).`,
    ]);
    expect((await expectRecordDescribesLiveStack()).stackId).toBe(otherId);
  });

  it('deleteApp says there is nothing to delete and removes the stale record', async () => {
    await deploy();
    await deleteOutsideTheTool();

    await expect(deleteApp({ ...options(), appName: 'demoauth1' })).resolves.toEqual({
      stackName: STACK,
      deleted: false,
    });
    expect(messages('complete').at(-1)).toBe(
      `Stack ${STACK} recorded in .chalice-ts/deployed/dev.json no longer exists; nothing to delete. Removed the stale record.`,
    );
    expect(actions()).not.toContain('DeleteStack');
    expect(await record()).toBeNull();
  });

  it('deleteApp leaves alone a stack of the same name that it did not deploy', async () => {
    await deploy();
    await deleteOutsideTheTool();
    await deployApp({ artifacts: artifacts(), ...options(), projectDir: await tempDir() });
    aws.requests.length = 0;

    await expect(deleteApp({ ...options(), appName: 'demoauth1' })).resolves.toMatchObject({
      deleted: false,
    });
    expect(actions()).not.toContain('DeleteStack');
    expect(live()?.status).toBe('CREATE_COMPLETE');
    expect(await record()).toBeNull();
  });
});
