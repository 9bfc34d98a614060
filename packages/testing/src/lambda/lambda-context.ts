import { randomUUID } from 'node:crypto';
import type { LambdaContext } from '@chalice-ts/runtime';

/** Where a function runs, for its Lambda context. */
export interface FunctionPlace {
  functionName: string;
  region: string;
  accountId: string;
  timeoutMs?: number;
}

/** A Lambda context like the one Lambda passes (what `chalice-ts local` passes too). */
export function lambdaContext(place: FunctionPlace): LambdaContext {
  const deadline = Date.now() + (place.timeoutMs ?? 60_000);
  return {
    functionName: place.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${place.region}:${place.accountId}:function:${place.functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${place.functionName}`,
    logStreamName: 'chalice-ts-testing',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
