import type { Parameter } from '@aws-sdk/client-cloudformation';
import { DeployerError } from '../errors.js';
import { awsError, call, describeStack, type ExecutorContext } from './context.js';
import { type FailedResource, monitorStack } from './monitor.js';

export interface DeployStackOptions {
  readonly stackName: string;
  readonly templateBody: string;
  /** S3 URL of the same template, used instead of the body (required above 51,200 bytes). */
  readonly templateUrl?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly description?: string;
}

export interface DeployStackResult {
  readonly stackName: string;
  readonly stackId: string;
  readonly status: string;
  readonly outputs: Record<string, string>;
  /** True when the change set was empty and nothing was executed. */
  readonly noChanges: boolean;
}

/** CloudFormation's status reasons for an empty change set. */
const NO_CHANGES =
  /didn't contain changes|No updates are to be performed|submitted information didn't contain changes/i;

/**
 * Creates or updates one stack through a change set (CDK's flow): create -> wait -> detect "no
 * changes" -> execute -> monitor. A stack left in ROLLBACK_COMPLETE by a failed create cannot be
 * updated, so it is deleted first (and the caller told so).
 */
export async function deployStack(
  ctx: ExecutorContext,
  options: DeployStackOptions,
): Promise<DeployStackResult> {
  const { stackName } = options;
  let existing = await describeStack(ctx, stackName);
  if (existing?.status.isInProgress) {
    throw new DeployerError(
      'STACK_BUSY',
      `Stack ${stackName} is busy (${existing.status.name}); wait for that operation to finish and deploy again.`,
    );
  }
  if (existing?.status.isFailedCreate) {
    ctx.emit({
      type: 'recreate',
      stackName,
      message: `Stack ${stackName} is in ${existing.status.name} after a failed create and cannot be updated; deleting it and creating it again.`,
    });
    await call(ctx, () => ctx.cloudFormation.deleteStack({ StackName: existing?.stackId ?? stackName }));
    const deleted = await monitorStack(ctx, stackName, ctx.now());
    if (deleted.stack)
      throw failure(
        'DELETE_FAILED',
        `Deleting the failed stack ${stackName}`,
        deleted.stack.status.name,
        deleted.firstFailure,
      );
    existing = null;
  }

  const changeSetType = existing === null || existing.status.isReviewInProgress ? 'CREATE' : 'UPDATE';
  const changeSetName = `chalice-ts-${ctx.now().getTime()}`;
  const parameters: Parameter[] = Object.entries(options.parameters ?? {}).map(
    ([ParameterKey, ParameterValue]) => ({
      ParameterKey,
      ParameterValue,
    }),
  );
  try {
    await call(ctx, () =>
      ctx.cloudFormation.createChangeSet({
        StackName: stackName,
        ChangeSetName: changeSetName,
        ChangeSetType: changeSetType,
        ...(options.templateUrl
          ? { TemplateURL: options.templateUrl }
          : { TemplateBody: options.templateBody }),
        Parameters: parameters,
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
        ...(options.description && { Description: options.description }),
      }),
    );
  } catch (error) {
    throw awsError(`Could not create a change set for ${stackName}`, error);
  }
  const base = { stackName, changeSetName, changeSetType } as const;
  ctx.emit({
    type: 'change-set',
    action: 'created',
    ...base,
    message: `Created ${changeSetType} change set ${changeSetName}.`,
  });

  const ready = await waitForChangeSet(ctx, stackName, changeSetName);
  if (ready.status === 'FAILED') {
    await deleteChangeSetQuietly(ctx, stackName, changeSetName);
    if (NO_CHANGES.test(ready.reason) && existing !== null) {
      ctx.emit({
        type: 'change-set',
        action: 'no-changes',
        ...base,
        message: `No changes to deploy: stack ${stackName} is up to date.`,
      });
      return {
        stackName,
        stackId: existing.stackId,
        status: existing.status.name,
        outputs: existing.outputs,
        noChanges: true,
      };
    }
    throw new DeployerError(
      'CHANGE_SET_FAILED',
      `CloudFormation rejected the change set for ${stackName}: ${ready.reason}`,
    );
  }

  const started = ctx.now();
  try {
    await call(ctx, () =>
      ctx.cloudFormation.executeChangeSet({ StackName: stackName, ChangeSetName: changeSetName }),
    );
  } catch (error) {
    await deleteChangeSetQuietly(ctx, stackName, changeSetName);
    throw awsError(
      `Could not execute change set ${changeSetName}; stack ${stackName} was not changed`,
      error,
    );
  }
  ctx.emit({
    type: 'change-set',
    action: 'executing',
    ...base,
    message: `Executing change set ${changeSetName}...`,
  });
  const result = await monitorStack(ctx, stackName, started);
  const status = result.stack?.status;
  if (!result.stack || !status?.isSuccess) {
    const name = status?.name ?? 'DELETE_COMPLETE';
    if (status?.isUpdateRolledBack) {
      throw failure(
        'UPDATE_ROLLED_BACK',
        `Updating stack ${stackName}`,
        name,
        result.firstFailure,
        'CloudFormation rolled the stack back to its previous state; it is still usable.',
      );
    }
    throw failure(
      'DEPLOY_FAILED',
      `${changeSetType === 'CREATE' ? 'Creating' : 'Updating'} stack ${stackName}`,
      name,
      result.firstFailure,
      status?.isFailedCreate ? 'The next deploy deletes the failed stack and creates it again.' : undefined,
    );
  }
  return {
    stackName,
    stackId: result.stack.stackId,
    status: status.name,
    outputs: result.stack.outputs,
    noChanges: false,
  };
}

function failure(
  code: string,
  what: string,
  status: string,
  first: FailedResource | null,
  hint?: string,
): DeployerError {
  const cause = first
    ? ` First failure: ${first.logicalId} (${first.resourceType}) ${first.status}: ${first.reason}.`
    : '';
  return new DeployerError(
    code,
    `${what} failed; the stack is now ${status}.${cause}${hint ? ` ${hint}` : ''}`,
  );
}

async function waitForChangeSet(
  ctx: ExecutorContext,
  stackName: string,
  changeSetName: string,
): Promise<{ status: string; reason: string }> {
  for (;;) {
    try {
      const out = await call(ctx, () =>
        ctx.cloudFormation.describeChangeSet({ StackName: stackName, ChangeSetName: changeSetName }),
      );
      const status = out.Status ?? 'UNKNOWN';
      if (status === 'CREATE_COMPLETE' || status === 'FAILED')
        return { status, reason: out.StatusReason ?? '' };
      await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
    } catch (error) {
      // Never leave an unexecuted change set behind: remove it, so nothing is left pending.
      await deleteChangeSetQuietly(ctx, stackName, changeSetName);
      if (ctx.signal?.aborted || (error instanceof DeployerError && error.code === 'ABORTED')) {
        throw new DeployerError(
          'ABORTED',
          `Stopped waiting for change set ${changeSetName} of ${stackName}. The change set was deleted ` +
            `before it ran, so stack ${stackName} was not changed and nothing is left running in CloudFormation.`,
          { cause: error },
        );
      }
      throw awsError(`Could not read change set ${changeSetName} of ${stackName}`, error);
    }
  }
}

async function deleteChangeSetQuietly(
  ctx: ExecutorContext,
  stackName: string,
  changeSetName: string,
): Promise<void> {
  try {
    await ctx.cloudFormation.deleteChangeSet({ StackName: stackName, ChangeSetName: changeSetName });
  } catch {
    // Best effort: an orphaned, unexecuted change set changes nothing.
  }
}
