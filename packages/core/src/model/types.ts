/** A value API Gateway accepts in an authorizer's `context` map. */
export type AuthContextValue = string | number | boolean;

/** The `context` an authorizer returns; API Gateway passes it on (as strings) to the integration. */
export type AuthContext = Record<string, AuthContextValue>;

/** One statement of the policy document an authorizer returns. */
export interface IamStatement {
  Action: string | string[];
  Effect: 'Allow' | 'Deny';
  Resource: string | string[];
}

/**
 * The output of a Lambda authorizer, as API Gateway reads it. `Statement` may be a single object,
 * which the IAM policy grammar allows.
 */
export interface IamPolicy<Ctx extends AuthContext = AuthContext> {
  principalId: string;
  policyDocument: { Version: string; Statement: IamStatement[] | IamStatement };
  context?: Ctx;
  usageIdentifierKey?: string;
}

/** The policy {@link AuthResponse.toPolicy} builds: Chalice's exact shape. */
export interface AuthResponsePolicy<Ctx extends AuthContext = AuthContext> {
  context: Ctx;
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: [{ Action: 'execute-api:Invoke'; Effect: 'Allow'; Resource: string[] }];
  };
}

/** Discriminant of every authorizer: the three classes here, and runtime's built-in authorizers. */
export type AuthorizerKind = 'iam' | 'cognito_user_pools' | 'custom' | 'builtin';

/**
 * A CloudFormation `Fn::Sub` intrinsic: how a template names an ARN that only exists once the stack
 * does (a built-in authorizer's function), where a deployed API would hold the resolved string.
 */
export interface FnSub {
  'Fn::Sub': string;
}

/** The `x-amazon-apigateway-authorizer` object of a security definition. */
export interface ApiGatewayAuthorizerObject {
  type: 'cognito_user_pools' | 'token' | 'request';
  providerARNs?: string[];
  authorizerUri?: string | FnSub;
  identitySource?: string;
  authorizerCredentials?: string;
  authorizerResultTtlInSeconds?: number;
}

/** One entry of Swagger 2.0 `securityDefinitions`, as Chalice emits it. */
export interface SecurityDefinition {
  in: 'header';
  type: 'apiKey';
  name: string;
  'x-amazon-apigateway-authtype': 'awsSigv4' | 'cognito_user_pools' | 'custom';
  'x-amazon-apigateway-authorizer'?: ApiGatewayAuthorizerObject;
}
