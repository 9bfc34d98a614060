import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { call, describeStack, type ExecutorContext, pollPause, type StackInfo } from './context.js';

/** The first resource that failed during an operation, for the error message. */
export interface FailedResource {
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason: string;
}

export interface MonitorResult {
  /** Final state; `null` when the stack is gone (a finished delete). */
  readonly stack: StackInfo | null;
  readonly firstFailure: FailedResource | null;
}

/** CloudFormation's follow-up reason on resources it stopped because another one failed. */
const CANCELLED = /cancelled|canceled/i;

/**
 * Polls the stack until its operation ends, reporting each new stack event (oldest first) since
 * `since`. Stack events are the live progress CloudFormation offers; it returns them newest
 * first, so pages are read until an event already seen or older than the operation appears.
 */
export async function monitorStack(
  ctx: ExecutorContext,
  stackName: string,
  since: Date,
): Promise<MonitorResult> {
  const seen = new Set<string>();
  const failures: FailedResource[] = [];
  let stackId = stackName;
  for (;;) {
    const stack = await describeStack(ctx, stackId);
    if (stack) stackId = stack.stackId;
    for (const event of await newEvents(ctx, stackId, since, seen)) {
      const status = event.ResourceStatus ?? '';
      const reason = event.ResourceStatusReason;
      const logicalId = event.LogicalResourceId ?? '';
      const resourceType = event.ResourceType ?? '';
      ctx.emit({
        type: 'stack-event',
        stackName,
        logicalId,
        resourceType,
        status,
        ...(reason !== undefined && { reason }),
        timestamp: (event.Timestamp ?? ctx.now()).toISOString(),
        message: `${status} ${resourceType} ${logicalId}${reason ? ` — ${reason}` : ''}`,
      });
      if (
        status.endsWith('_FAILED') &&
        resourceType !== 'AWS::CloudFormation::Stack' &&
        !CANCELLED.test(reason ?? '')
      ) {
        failures.push({ logicalId, resourceType, status, reason: reason ?? '(no reason given)' });
      }
    }
    if (!stack?.status.isInProgress) return { stack, firstFailure: failures[0] ?? null };
    await pollPause(ctx, `stack ${stackName} (${stack.status.name})`);
  }
}

async function newEvents(
  ctx: ExecutorContext,
  stackId: string,
  since: Date,
  seen: Set<string>,
): Promise<StackEvent[]> {
  const fresh: StackEvent[] = [];
  let nextToken: string | undefined;
  do {
    let page: Awaited<ReturnType<typeof ctx.cloudFormation.describeStackEvents>>;
    try {
      page = await call(ctx, () =>
        ctx.cloudFormation.describeStackEvents({
          StackName: stackId,
          ...(nextToken && { NextToken: nextToken }),
        }),
      );
    } catch {
      // Events are progress only: a stack that vanished mid-delete has none to give.
      return fresh.reverse();
    }
    let reachedOld = false;
    for (const event of page.StackEvents ?? []) {
      const id = event.EventId ?? '';
      if (seen.has(id) || (event.Timestamp !== undefined && event.Timestamp < since)) {
        reachedOld = true;
        break;
      }
      seen.add(id);
      fresh.push(event);
    }
    nextToken = reachedOld ? undefined : page.NextToken;
  } while (nextToken);
  return fresh.reverse();
}
