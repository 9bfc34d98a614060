import { DeployerError } from '../errors.js';
import type { CloudFormationApi } from './aws-api.js';
import type { DeployEventListener } from './events.js';
import { isThrottling, type Sleep, withRetry } from './retry.js';
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

/** Attempts per AWS call while it is throttled (the first included). */
const MAX_ATTEMPTS = 8;

/**
 * Calls AWS with throttling retries, reporting each retry as progress. When AWS still throttles
 * after the last attempt the error is `THROTTLED`, not the SDK's bare `Rate exceeded`.
 */
export async function call<T>(ctx: ExecutorContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(fn, {
      sleep: ctx.sleep,
      signal: ctx.signal,
      maxAttempts: MAX_ATTEMPTS,
      onRetry: (attempt, delayMs) =>
        ctx.emit({
          type: 'retry',
          attempt,
          delayMs,
          message: `AWS is throttling requests; retrying in ${delayMs} ms.`,
        }),
    });
  } catch (error) {
    throw isThrottling(error) ? throttled(error, `after ${MAX_ATTEMPTS} attempts`) : error;
  }
}

function throttled(error: unknown, when: string, what?: string): DeployerError {
  const e = error as { name?: string; message?: string };
  return new DeployerError(
    'THROTTLED',
    `${what ? `${what}: ` : ''}AWS was still throttling requests ${when} (${e?.name ?? 'Error'}: ${e?.message ?? ''}). ` +
      'Wait a minute and run the command again.',
    { cause: error },
  );
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

/** Wraps an unexpected AWS failure with the stable `AWS_ERROR` code (`THROTTLED` when AWS kept throttling). */
export function awsError(what: string, error: unknown): DeployerError {
  if (error instanceof DeployerError && error.code === 'THROTTLED')
    return new DeployerError('THROTTLED', `${what}: ${error.message}`, { cause: error });
  if (error instanceof DeployerError) return error;
  if (isThrottling(error)) return throttled(error, 'after retrying', what);
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
