import { describeStack, type ExecutorContext, type StackInfo } from './context.js';
import {
  type DeployedRecord,
  readDeployedRecord,
  relativeRecordPath,
  removeDeployedRecord,
} from './deployed-record.js';

/** The stage's record checked against CloudFormation. */
export interface RecordedStack {
  /** The record, or `null` when there is none (or it was stale and has been removed). */
  readonly record: DeployedRecord | null;
  /** The recorded stack as CloudFormation sees it now; `null` when it is gone or unrecorded. */
  readonly live: StackInfo | null;
  /** The record named a stack that no longer exists: it was removed, and `stale` is what it said. */
  readonly stale: DeployedRecord | null;
}

/**
 * Reads `.chalice-ts/deployed/<stage>.json` and looks its stack up by the recorded stack id, so a
 * stack deleted outside chalice-ts is noticed even when another stack of the same name exists
 * (DescribeStacks on a deleted stack's id answers DELETE_COMPLETE, or "does not exist" after 90
 * days). A record whose stack is gone no longer describes anything, so it is removed here: the
 * record is either absent or names a stack that a deploy completed.
 *
 * Records of another stack name (an explicit `stackName` option) are left alone.
 */
export async function checkRecordedStack(
  ctx: ExecutorContext,
  projectDir: string,
  stage: string,
  stackName: string,
): Promise<RecordedStack> {
  const record = await readDeployedRecord(projectDir, stage);
  if (record?.stackName !== stackName) return { record, live: null, stale: null };
  const live = await describeStack(ctx, record.stackId || stackName);
  if (live) return { record, live, stale: null };
  await removeDeployedRecord(projectDir, stage);
  return { record: null, live: null, stale: record };
}

/** "Stack X recorded in .chalice-ts/deployed/<stage>.json no longer exists; <then>." */
export function staleMessage(stage: string, stackName: string, then: string): string {
  return `Stack ${stackName} recorded in ${relativeRecordPath(stage)} no longer exists; ${then}.`;
}

/**
 * Before a deploy: when the recorded stack was deleted outside chalice-ts, say so (a `stale-record`
 * event), drop the record, and let the deploy create the stack again.
 */
export async function forgetVanishedStack(
  ctx: ExecutorContext,
  projectDir: string,
  stage: string,
  stackName: string,
): Promise<void> {
  const { stale } = await checkRecordedStack(ctx, projectDir, stage, stackName);
  if (!stale) return;
  // Someone may have created a new stack of the same name meanwhile: the deploy updates that one.
  const replacement = await describeStack(ctx, stackName);
  ctx.emit({
    type: 'stale-record',
    stackName,
    stackId: stale.stackId,
    recordPath: relativeRecordPath(stage),
    message: staleMessage(
      stage,
      stackName,
      replacement
        ? `updating the stack of that name that exists now (${replacement.stackId})`
        : 'creating it',
    ),
  });
}
