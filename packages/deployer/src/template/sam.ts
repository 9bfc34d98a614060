import type { FunctionModel, ResourceModel } from '../model/index.js';
import type { SwaggerDocument } from '../swagger/index.js';
import { allFunctions, defaultRole, invokePermissions, restApiOutputs, roleValue } from './parts.js';
import type { CfnResource, CfnTemplate } from './types.js';

export interface BuildSamOptions {
  /** `CodeUri` of every function; Chalice writes `./deployment.zip` next to the template. */
  readonly codeUri?: string;
}

/**
 * Resource model + Swagger -> Chalice's SAM template (`AWS::Serverless::Function`,
 * `AWS::Serverless::Api` with `DefinitionBody`), pure.
 *
 * @example
 * ```ts
 * const sam = buildSam(resources, buildSwagger(resources));
 * sam.Resources['RestAPI']?.Type; // 'AWS::Serverless::Api'
 * ```
 */
export function buildSam(
  resources: ResourceModel,
  swagger: SwaggerDocument,
  options: BuildSamOptions = {},
): CfnTemplate {
  const codeUri = options.codeUri ?? './deployment.zip';
  const template: CfnTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Outputs: restApiOutputs(resources),
    Resources: {},
  };
  const out = template.Resources;
  for (const fn of allFunctions(resources)) out[fn.cfnName] = serverlessFunction(fn, codeUri);
  out['RestAPI'] = {
    Type: 'AWS::Serverless::Api',
    Properties: {
      EndpointConfiguration: 'EDGE',
      StageName: resources.apiGatewayStage,
      DefinitionBody: swagger,
    },
  };
  Object.assign(out, invokePermissions(resources));
  if (resources.managedRole) out['DefaultRole'] = defaultRole();
  return template;
}

function serverlessFunction(fn: FunctionModel, codeUri: string): CfnResource {
  const properties: Record<string, unknown> = {
    FunctionName: fn.functionName,
    Runtime: fn.runtime,
    Handler: fn.handler,
    CodeUri: codeUri,
    Tags: { ...fn.tags },
    Tracing: 'PassThrough',
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    Role: roleValue(fn),
  };
  if (Object.keys(fn.environment).length > 0)
    properties['Environment'] = { Variables: { ...fn.environment } };
  return { Type: 'AWS::Serverless::Function', Properties: properties };
}
