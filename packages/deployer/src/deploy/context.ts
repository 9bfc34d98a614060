import { DeployerError } from '../errors.js';
import type { CloudFormationApi } from './aws-api.js';
import type { DeployEventListener } from './events.js';
import { type Sleep, withRetry } from './retry.js';
import { StackStatus } from './stack-status.js';

/** What every executor step needs: the API, how to wait, where progress goes. */
export interface ExecutorContext {
  readonly cloudFormation: CloudFormationApi;
  readonly sleep: Sleep;
  readonly signal?: AbortSignal | undefined;
  readonly emit: DeployEventListener;
  /** Delay between polls; default 5,000 ms. */
  readonly pollIntervalMs: number;
  readonly now: () => Date;
}

/** Calls AWS with throttling retries, reporting each retry as progress. */
export function call<T>(ctx: ExecutorContext, fn: () => Promise<T>): Promise<T> {
  return withRetry(fn, {
    sleep: ctx.sleep,
    signal: ctx.signal,
    onRetry: (attempt, delayMs) =>
      ctx.emit({
        type: 'retry',
        attempt,
        delayMs,
        message: `AWS is throttling requests; retrying in ${delayMs} ms.`,
      }),
  });
}

/** A stack as seen by `DescribeStacks`, or `null` when it does not exist. */
export interface StackInfo {
  readonly stackId: string;
  readonly status: StackStatus;
  readonly outputs: Record<string, string>;
}

/** CloudFormation answers `ValidationError: Stack with id X does not exist` for a missing stack. */
function isMissingStack(error: unknown): boolean {
  return /does not exist/.test(String((error as { message?: unknown })?.message ?? ''));
}

export async function describeStack(ctx: ExecutorContext, stackName: string): Promise<StackInfo | null> {
  try {
    const out = await call(ctx, () => ctx.cloudFormation.describeStacks({ StackName: stackName }));
    const stack = out.Stacks?.[0];
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE') return null;
    const outputs: Record<string, string> = {};
    for (const o of stack.Outputs ?? []) if (o.OutputKey) outputs[o.OutputKey] = o.OutputValue ?? '';
    return {
      stackId: stack.StackId ?? stackName,
      status: new StackStatus(stack.StackStatus ?? 'UNKNOWN', stack.StackStatusReason),
      outputs,
    };
  } catch (error) {
    if (isMissingStack(error)) return null;
    throw awsError(`Could not read stack ${stackName}`, error);
  }
}

/** Wraps an unexpected AWS failure with the stable `AWS_ERROR` code. */
export function awsError(what: string, error: unknown): DeployerError {
  if (error instanceof DeployerError) return error;
  const e = error as { name?: string; message?: string };
  return new DeployerError('AWS_ERROR', `${what}: ${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`, {
    cause: error,
  });
}

/** Sleeps one poll interval, turning an abort into a message that says what is still running. */
export async function pollPause(ctx: ExecutorContext, whileWaitingFor: string): Promise<void> {
  try {
    await ctx.sleep(ctx.pollIntervalMs, ctx.signal);
  } catch (cause) {
    throw new DeployerError(
      'ABORTED',
      `Stopped waiting for ${whileWaitingFor}. CloudFormation carries on without us; ` +
        'run the command again to see the result (or check the CloudFormation console).',
      { cause },
    );
  }
}
