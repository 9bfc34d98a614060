import { createHash } from 'node:crypto';
import type { FunctionModel, ResourceModel } from '../model/index.js';
import type { SwaggerDocument } from '../swagger/index.js';
import type { CfnResource, CfnTemplate } from './types.js';

/** Chalice's trust policy for the managed role: only Lambda may assume it. */
const TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: '', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

/** Basic execution: the function may write its own CloudWatch logs, nothing else. */
const BASIC_EXECUTION_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: 'arn:*:logs:*:*:*',
    },
  ],
};

/** `DefaultRole`, as Chalice's `_generate_managediamrole` writes it. */
export function defaultRole(): CfnResource {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: structuredClone(TRUST_POLICY),
      Policies: [
        { PolicyName: 'DefaultRolePolicy', PolicyDocument: structuredClone(BASIC_EXECUTION_POLICY) },
      ],
    },
  };
}

/** The `Role` property of a function: the managed role's ARN or the configured `iam_role_arn`. */
export function roleValue(fn: FunctionModel): unknown {
  return fn.role.kind === 'managed' ? { 'Fn::GetAtt': [fn.role.cfnName, 'Arn'] } : fn.role.arn;
}

/** The ARN pattern API Gateway invokes a function under: any stage/method/path of this API. */
const EXECUTE_API_SOURCE_ARN = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
  'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestAPI}/*',
};

/** `APIHandlerInvokePermission` and one `<CfnName>InvokePermission` per authorizer function. */
export function invokePermissions(resources: ResourceModel): Record<string, CfnResource> {
  const permission = (functionName: unknown): CfnResource => ({
    Type: 'AWS::Lambda::Permission',
    Properties: {
      FunctionName: functionName,
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: structuredClone(EXECUTE_API_SOURCE_ARN),
    },
  });
  const result: Record<string, CfnResource> = {
    APIHandlerInvokePermission: permission({ Ref: 'APIHandler' }),
  };
  for (const fn of resources.authorizerFunctions) {
    result[`${fn.cfnName}InvokePermission`] = permission({ 'Fn::GetAtt': [fn.cfnName, 'Arn'] });
  }
  return result;
}

/** Chalice's stack outputs: part of its public API, kept under the same names. */
export function restApiOutputs(resources: ResourceModel): CfnTemplate['Outputs'] {
  return {
    RestAPIId: { Value: { Ref: 'RestAPI' } },
    APIHandlerName: { Value: { Ref: 'APIHandler' } },
    APIHandlerArn: { Value: { 'Fn::GetAtt': ['APIHandler', 'Arn'] } },
    EndpointURL: {
      Value: {
        'Fn::Sub': `https://\${RestAPI}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${resources.apiGatewayStage}/`,
      },
    },
  };
}

/**
 * Logical id of the API deployment. API Gateway only serves a new API definition after a new
 * `AWS::ApiGateway::Deployment`, and CloudFormation only creates one when the logical id changes —
 * so the id carries a hash of the Swagger (authorizers included).
 */
export function deploymentLogicalId(swagger: SwaggerDocument): string {
  const digest = createHash('sha256').update(JSON.stringify(swagger)).digest('hex');
  return `RestAPIDeployment${digest.slice(0, 10)}`;
}

/** All functions of the stack, API handler first. */
export function allFunctions(resources: ResourceModel): readonly FunctionModel[] {
  return [resources.apiHandler, ...resources.authorizerFunctions];
}
