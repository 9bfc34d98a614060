import { DeployerError } from '../errors.js';
import { awsError, call, describeStack } from './context.js';
import { defaultStackName, executorContext, type ExecutorOptions } from './deploy-app.js';
import { readDeployedRecord, removeDeployedRecord } from './deployed-record.js';
import { monitorStack } from './monitor.js';
import { checkRecordedStack, staleMessage } from './stale-record.js';

export interface DeleteAppOptions extends ExecutorOptions {
  /** Used for the default stack name `<app>-<stage>` when there is no deployed record. */
  readonly appName?: string;
}

export interface DeleteAppResult {
  readonly stackName: string;
  /** False when there was no stack to delete. */
  readonly deleted: boolean;
}

/**
 * `chalice-ts delete`: deletes the stage's stack, waits for it to go, and removes
 * `.chalice-ts/deployed/<stage>.json`. The artifact bucket (shared) is kept.
 *
 * @example
 * ```ts
 * await deleteApp({ aws: createAwsApis(), stage: 'dev', projectDir, onEvent: (e) => console.log(e.message) });
 * ```
 */
export async function deleteApp(options: DeleteAppOptions): Promise<DeleteAppResult> {
  const ctx = executorContext(options);
  const stored = await readDeployedRecord(options.projectDir, options.stage);
  const stackName =
    options.stackName ??
    stored?.stackName ??
    (options.appName ? defaultStackName(options.appName, options.stage) : undefined);
  if (!stackName) {
    throw new DeployerError(
      'DELETE_FAILED',
      `Stage ${options.stage} has no deployed record; pass the app name or stack name to delete it.`,
    );
  }
  // A recorded stack is looked up by its id: a stack of the same name made elsewhere is not ours.
  const recorded = await checkRecordedStack(ctx, options.projectDir, options.stage, stackName);
  const existing = recorded.record || recorded.stale ? recorded.live : await describeStack(ctx, stackName);
  // Either way the stack is gone: forget the record, say so, report whether this call deleted it.
  const finish = async (deleted: boolean, message: string) => {
    await removeDeployedRecord(options.projectDir, options.stage);
    ctx.emit({ type: 'complete', stackName, status: 'DELETE_COMPLETE', outputs: {}, message });
    return { stackName, deleted };
  };
  if (!existing) {
    return finish(
      false,
      recorded.stale
        ? staleMessage(options.stage, stackName, 'nothing to delete. Removed the stale record')
        : `Stack ${stackName} does not exist; nothing to delete.`,
    );
  }
  const started = ctx.now();
  try {
    await call(ctx, () => ctx.cloudFormation.deleteStack({ StackName: existing.stackId }));
  } catch (error) {
    throw awsError(`Could not delete stack ${stackName}`, error);
  }
  const result = await monitorStack(ctx, existing.stackId, started);
  if (result.stack) {
    const first = result.firstFailure;
    throw new DeployerError(
      'DELETE_FAILED',
      `Deleting stack ${stackName} failed; it is now ${result.stack.status.name}.` +
        (first ? ` First failure: ${first.logicalId} (${first.resourceType}): ${first.reason}.` : ''),
    );
  }
  return finish(true, `Deleted stack ${stackName}.`);
}
