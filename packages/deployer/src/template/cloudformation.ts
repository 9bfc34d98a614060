import type { FunctionModel, ResourceModel } from '../model/index.js';
import type { SwaggerDocument } from '../swagger/index.js';
import {
  allFunctions,
  defaultRole,
  deploymentLogicalId,
  invokePermissions,
  restApiOutputs,
  roleValue,
} from './parts.js';
import {
  API_BODY_PARAMETERS,
  type ApiBodyLocation,
  CODE_PARAMETERS,
  type CfnResource,
  type CfnTemplate,
  type CodeLocation,
} from './types.js';

export interface BuildCloudFormationOptions {
  /** Where `Code` points; default: the `DeploymentBucket`/`DeploymentKey` parameters. */
  readonly code?: CodeLocation;
  /** Where the Swagger goes; default inline `Body`. */
  readonly apiBody?: ApiBodyLocation;
}

/**
 * Resource model + Swagger -> a plain CloudFormation template (no transform), pure. Resource names
 * follow Chalice's SAM output so tooling written for Chalice stacks keeps working.
 *
 * @example
 * ```ts
 * const template = buildCloudFormation(resources, buildSwagger(resources));
 * Object.keys(template.Resources); // ['DefaultRole', 'APIHandler', ..., 'RestAPI', 'RestAPIDeployment…', 'RestAPIStage', ...]
 * ```
 */
export function buildCloudFormation(
  resources: ResourceModel,
  swagger: SwaggerDocument,
  options: BuildCloudFormationOptions = {},
): CfnTemplate {
  const code = options.code ?? { kind: 'parameters' };
  const template: CfnTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `chalice-ts app ${resources.appName} (stage ${resources.stage})`,
    Resources: {},
    Outputs: restApiOutputs(resources),
  };
  if (code.kind === 'parameters') {
    template.Parameters = {
      [CODE_PARAMETERS.bucket]: { Type: 'String', Description: 'S3 bucket holding deployment.zip' },
      [CODE_PARAMETERS.key]: { Type: 'String', Description: 'S3 key of deployment.zip' },
    };
  }
  const out = template.Resources;
  if (resources.managedRole) out['DefaultRole'] = defaultRole();
  for (const fn of allFunctions(resources)) out[fn.cfnName] = lambdaFunction(fn, code);

  out['RestAPI'] = restApi(resources, swagger, options.apiBody ?? { kind: 'inline' });
  if (options.apiBody?.kind === 'parameters') {
    template.Parameters = {
      ...template.Parameters,
      [API_BODY_PARAMETERS.bucket]: { Type: 'String', Description: 'S3 bucket holding openapi.json' },
      [API_BODY_PARAMETERS.key]: { Type: 'String', Description: 'S3 key of openapi.json (content hash)' },
    };
  }
  // The id hashes the Swagger in both placements, so any API change still creates a new deployment.
  const deploymentId = deploymentLogicalId(swagger);
  out[deploymentId] = {
    Type: 'AWS::ApiGateway::Deployment',
    Properties: { RestApiId: { Ref: 'RestAPI' }, Description: `chalice-ts ${resources.appName}` },
  };
  out['RestAPIStage'] = {
    Type: 'AWS::ApiGateway::Stage',
    Properties: {
      RestApiId: { Ref: 'RestAPI' },
      DeploymentId: { Ref: deploymentId },
      StageName: resources.apiGatewayStage,
    },
  };
  Object.assign(out, invokePermissions(resources));
  return template;
}

function restApi(resources: ResourceModel, swagger: SwaggerDocument, body: ApiBodyLocation): CfnResource {
  const endpoint = { EndpointConfiguration: { Types: ['EDGE'] } };
  if (body.kind === 'inline') {
    return { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: swagger, ...endpoint } };
  }
  return {
    Type: 'AWS::ApiGateway::RestApi',
    Properties: {
      BodyS3Location: {
        Bucket: { Ref: API_BODY_PARAMETERS.bucket },
        Key: { Ref: API_BODY_PARAMETERS.key },
      },
      ...endpoint,
    },
    // Inline, the `${Fn.Arn}` substitutions order the functions before the API; the S3 body holds
    // plain ARNs, so the same order is kept explicitly.
    DependsOn: allFunctions(resources).map((fn) => fn.cfnName),
  };
}

function lambdaFunction(fn: FunctionModel, code: CodeLocation): CfnResource {
  const properties: Record<string, unknown> = {
    FunctionName: fn.functionName,
    Runtime: fn.runtime,
    Handler: fn.handler,
    Code: codeProperty(code),
    Role: roleValue(fn),
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    Tags: Object.entries(fn.tags)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([Key, Value]) => ({ Key, Value })),
  };
  if (Object.keys(fn.environment).length > 0)
    properties['Environment'] = { Variables: { ...fn.environment } };
  return { Type: 'AWS::Lambda::Function', Properties: properties };
}

function codeProperty(code: CodeLocation): unknown {
  switch (code.kind) {
    case 'parameters':
      return { S3Bucket: { Ref: CODE_PARAMETERS.bucket }, S3Key: { Ref: CODE_PARAMETERS.key } };
    case 's3':
      return { S3Bucket: code.bucket, S3Key: code.key };
    case 'local':
      // `aws cloudformation package` replaces a local path with the uploaded S3 location.
      return code.path;
  }
}
