/** The Lambda context object handed to the app's handler and to authorizer functions. */
export type LocalLambdaContext = {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
};

/** Inputs of {@link lambdaContext}. */
export interface LambdaContextInput {
  functionName: string;
  region: string;
  accountId: string;
  requestId: string;
  timeoutMs: number;
  memoryMb: number;
}

/**
 * A Lambda context for one local invocation; `getRemainingTimeInMillis` counts down from the
 * function's timeout as in Lambda.
 *
 * @example
 * ```ts
 * const ctx = lambdaContext({ functionName: 'demoauth1-dev', region: 'us-east-1', accountId: '123456789012',
 *   requestId, timeoutMs: 60_000, memoryMb: 128 });
 * ```
 */
export function lambdaContext(input: LambdaContextInput): LocalLambdaContext {
  const deadline = Date.now() + input.timeoutMs;
  return {
    functionName: input.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${input.region}:${input.accountId}:function:${input.functionName}`,
    memoryLimitInMB: String(input.memoryMb),
    awsRequestId: input.requestId,
    logGroupName: `/aws/lambda/${input.functionName}`,
    logStreamName: 'chalice-ts-local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
