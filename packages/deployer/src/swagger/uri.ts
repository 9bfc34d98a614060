/** An `Fn::Sub` value: resolved by CloudFormation when the stack is created. */
export interface FnSub {
  readonly 'Fn::Sub': string;
}

/**
 * The Lambda invocation URI API Gateway calls for a function of this stack (`AWS::Partition` so it
 * works in aws-cn / aws-us-gov as in Chalice's `CFNSwaggerGenerator`).
 *
 * @example
 * ```ts
 * lambdaInvocationUri('APIHandler');
 * // { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${APIHandler.Arn}/invocations' }
 * ```
 */
export function lambdaInvocationUri(cfnName: string): FnSub {
  return {
    'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${cfnName}.Arn}/invocations`,
  };
}
