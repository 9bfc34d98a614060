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
  return lambdaContextFactory(input)(input.requestId);
}

/**
 * Contexts for one function, one per invocation: the strings that name the function are built once,
 * so an invocation only pays for its request id and deadline.
 *
 * @example
 * ```ts
 * const contextFor = lambdaContextFactory({ functionName: 'demoauth1-dev', region: 'us-east-1',
 *   accountId: '123456789012', timeoutMs: 60_000, memoryMb: 128 });
 * const ctx = contextFor(requestId);
 * ```
 */
export function lambdaContextFactory(
  input: Omit<LambdaContextInput, 'requestId'>,
): (requestId: string) => LocalLambdaContext {
  const { functionName, timeoutMs } = input;
  const invokedFunctionArn = `arn:aws:lambda:${input.region}:${input.accountId}:function:${functionName}`;
  const memoryLimitInMB = String(input.memoryMb);
  const logGroupName = `/aws/lambda/${functionName}`;
  return (requestId) => {
    const deadline = Date.now() + timeoutMs;
    return {
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn,
      memoryLimitInMB,
      awsRequestId: requestId,
      logGroupName,
      logStreamName: 'chalice-ts-local',
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
  };
}
