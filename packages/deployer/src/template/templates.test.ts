import { describe, expect, it } from 'vitest';
import { allAuthorizersApp, largeApp, seedApp, resolved } from '../fixtures/apps.js';
import { validateTemplate } from '../fixtures/validate-template.js';
import { bootstrapTemplate } from '../deploy/bootstrap.js';
import { buildResourceModel, type EffectiveModelInput } from '../model/index.js';
import { buildSwagger } from '../swagger/index.js';
import { buildCloudFormation } from './cloudformation.js';
import { deploymentLogicalId } from './parts.js';
import { buildSam } from './sam.js';

const build = (model: EffectiveModelInput = seedApp()) => {
  const resources = buildResourceModel(model, resolved(), { stage: 'dev' });
  const swagger = buildSwagger(resources);
  return {
    resources,
    swagger,
    cfn: buildCloudFormation(resources, swagger),
    sam: buildSam(resources, swagger),
  };
};
const sourceArn = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
  'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestAPI}/*',
};

describe('buildCloudFormation', () => {
  it('writes the seed app as plain CloudFormation with Chalice resource names', () => {
    const { cfn, swagger } = build();
    expect(cfn).not.toHaveProperty('Transform');
    expect(Object.keys(cfn.Resources).map((id) => id.replace(/[0-9a-f]{10}$/, '<hash>'))).toEqual([
      'DefaultRole',
      'APIHandler',
      'DemoAuth',
      'RestAPI',
      'RestAPIDeployment<hash>',
      'RestAPIStage',
      'APIHandlerInvokePermission',
      'DemoAuthInvokePermission',
    ]);
    expect(cfn.Resources['RestAPI']?.Properties?.['Body']).toBe(swagger);
    expect(cfn.Resources['RestAPIStage']?.Properties).toMatchObject({ StageName: 'api' });
    expect(cfn.Resources['DemoAuth']?.Properties).toMatchObject({
      FunctionName: 'demoauth1-dev-demo_auth',
      Runtime: 'nodejs22.x',
      Handler: 'index.authorizerDemoAuth',
      Code: { S3Bucket: { Ref: 'DeploymentBucket' }, S3Key: { Ref: 'DeploymentKey' } },
      Role: { 'Fn::GetAtt': ['DefaultRole', 'Arn'] },
      Timeout: 60,
      MemorySize: 128,
    });
    expect(cfn.Resources['DemoAuthInvokePermission']?.Properties).toEqual({
      FunctionName: { 'Fn::GetAtt': ['DemoAuth', 'Arn'] },
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: sourceArn,
    });
    expect(cfn.Outputs).toEqual({
      RestAPIId: { Value: { Ref: 'RestAPI' } },
      APIHandlerName: { Value: { Ref: 'APIHandler' } },
      APIHandlerArn: { Value: { 'Fn::GetAtt': ['APIHandler', 'Arn'] } },
      EndpointURL: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
        Value: { 'Fn::Sub': 'https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/' },
      },
    });
  });

  it('changes the deployment logical id when an authorizer changes, and only then', () => {
    const deploymentId = (model: EffectiveModelInput) =>
      Object.keys(build(model).cfn.Resources).find((id) => id.startsWith('RestAPIDeployment'));
    const changed = allAuthorizersApp();
    const withTtl = {
      ...changed,
      routes: changed.routes.map((r) =>
        r.authorizer?.name === 'demo_auth' ? { ...r, authorizer: { ...r.authorizer, ttlSeconds: 60 } } : r,
      ),
    };
    expect(deploymentId(allAuthorizersApp())).toBe(deploymentId(allAuthorizersApp()));
    expect(deploymentId(withTtl)).not.toBe(deploymentId(allAuthorizersApp()));
  });

  it('uses a given iam_role_arn and drops DefaultRole when no function needs it', () => {
    const config = resolved({ iam_role_arn: 'arn:aws:iam::123456789012:role/app', manage_iam_role: false });
    const resources = buildResourceModel(seedApp(), config, { stage: 'dev' });
    const cfn = buildCloudFormation(resources, buildSwagger(resources));
    expect(cfn.Resources).not.toHaveProperty('DefaultRole');
    expect(cfn.Resources['APIHandler']?.Properties?.['Role']).toBe('arn:aws:iam::123456789012:role/app');
  });

  it.each([
    ['the seed app', seedApp()],
    ['the all-authorizers app', allAuthorizersApp()],
  ])('passes the CloudFormation resource schemas for %s', async (_name, model) => {
    expect(await validateTemplate(build(model).cfn as never)).toEqual([]);
  });
});

describe('buildCloudFormation with the API body in S3', () => {
  const large = () => {
    const resources = buildResourceModel(largeApp(2_000), resolved(), { stage: 'dev' });
    const swagger = buildSwagger(resources);
    return {
      swagger,
      inline: buildCloudFormation(resources, swagger),
      s3: buildCloudFormation(resources, swagger, { apiBody: { kind: 'parameters' } }),
    };
  };

  it('reads the Swagger from BodyS3Location parameters and keeps the Swagger-hash deployment id', () => {
    const { swagger, s3 } = large();
    expect(s3.Resources['RestAPI']).toEqual({
      Type: 'AWS::ApiGateway::RestApi',
      Properties: {
        BodyS3Location: { Bucket: { Ref: 'ApiBodyBucket' }, Key: { Ref: 'ApiBodyKey' } },
        EndpointConfiguration: { Types: ['EDGE'] },
      },
      DependsOn: ['APIHandler', 'DemoAuth', 'KeyAuth'],
    });
    expect(Object.keys(s3.Parameters ?? {})).toEqual([
      'DeploymentBucket',
      'DeploymentKey',
      'ApiBodyBucket',
      'ApiBodyKey',
    ]);
    expect(s3.Resources).toHaveProperty(deploymentLogicalId(swagger));
  });

  it('brings a 2,000-route API from past the 1,000,000-byte limit to a few KiB', () => {
    const { inline, s3 } = large();
    expect(JSON.stringify(inline).length).toBeGreaterThan(1_000_000);
    expect(JSON.stringify(s3).length).toBeLessThan(51_200);
    expect(Object.keys(s3.Resources)).toEqual(Object.keys(inline.Resources));
  });

  it('passes the CloudFormation resource schemas', async () => {
    expect(await validateTemplate(large().s3 as never)).toEqual([]);
  });
});

describe('buildSam', () => {
  it("writes Chalice's SAM shape", () => {
    const { sam, swagger } = build();
    expect(sam.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(sam.Resources['RestAPI']).toEqual({
      Type: 'AWS::Serverless::Api',
      Properties: { EndpointConfiguration: 'EDGE', StageName: 'api', DefinitionBody: swagger },
    });
    expect(sam.Resources['APIHandler']).toMatchObject({
      Type: 'AWS::Serverless::Function',
      Properties: { CodeUri: './deployment.zip', Handler: 'index.handler', Tracing: 'PassThrough' },
    });
    expect(sam.Resources['DemoAuthInvokePermission']?.Properties?.['SourceArn']).toEqual(sourceArn);
  });

  it.each([
    ['the seed app', seedApp()],
    ['the all-authorizers app', allAuthorizersApp()],
  ])('passes the SAM resource schemas for %s', async (_name, model) => {
    expect(await validateTemplate(build(model).sam as never)).toEqual([]);
  });
});

describe('bootstrapTemplate', () => {
  it('passes the CloudFormation resource schemas, with an encrypted, non-public bucket', async () => {
    const template = bootstrapTemplate();
    expect(await validateTemplate(template as never)).toEqual([]);
    expect(template.Resources['ArtifactBucket']?.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });
});

describe('validateTemplate', () => {
  it('catches unknown and missing properties and dangling references (so the checks above mean something)', async () => {
    const problems = await validateTemplate({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: 'b', Bogus: 1 }, Handlr: 'x' } },
        Perm: {
          Type: 'AWS::Lambda::Permission',
          Properties: { FunctionName: { 'Fn::GetAtt': ['Nope', 'Arn'] }, Action: 'a', Principal: 'p' },
        },
        Other: { Type: 'AWS::Nope::Thing' },
      },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
      Outputs: { X: { Value: { 'Fn::Sub': '${Missing}' } } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'Fn: required property Role is missing',
        'Fn: unknown property Handlr',
        'Fn.Code: unknown property Bogus',
        'Other: unknown resource type AWS::Nope::Thing',
        expect.stringContaining('GetAtt Nope.Arn does not exist'),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
        expect.stringContaining('${Missing} does not exist'),
      ]),
    );
  });
});
