import { describe, expect, it } from 'vitest';
import {
  apiGatewayExtensionIssues,
  authorizerSchema,
  integrationSchema,
} from '../fixtures/apigateway-extensions.js';
import { allAuthorizersApp, largeApp, resolved, seedApp } from '../fixtures/apps.js';
import { buildResourceModel, type EffectiveModelInput } from '../model/index.js';
import { buildSwagger, type SwaggerDocument } from './build-swagger.js';
import { resolveSwaggerIntrinsics } from './resolve-intrinsics.js';

const env = { partition: 'aws', region: 'us-west-2', accountId: '123456789012' };
const generated = (model: EffectiveModelInput) => {
  const resources = buildResourceModel(model, resolved(), { stage: 'dev' });
  const swagger = buildSwagger(resources);
  return { template: swagger, s3: resolveSwaggerIntrinsics(swagger, resources, env) };
};
// biome-ignore lint/suspicious/noExplicitAny: the negative cases below reach into arbitrary JSON paths
type Json = any;
/** The all-authorizers Swagger as plain JSON, for the negative cases to break. */
const doc = (): Json => JSON.parse(JSON.stringify(generated(allAuthorizersApp()).template));

describe('the x-amazon-apigateway-* schema', () => {
  it.each([
    ['the seed app', seedApp()],
    ['the all-authorizers app', allAuthorizersApp()],
    ['a 2,000-route app', largeApp(2_000)],
  ])(
    'accepts the Swagger generated for %s, in the template and as uploaded for BodyS3Location',
    (_name, model) => {
      const { template, s3 } = generated(model);
      expect(apiGatewayExtensionIssues(template)).toEqual([]);
      expect(apiGatewayExtensionIssues(s3)).toEqual([]);
    },
  );

  it.each<[string, (d: Json) => void, RegExp]>([
    [
      'an authorizer TTL above 3,600 s',
      (d) =>
        (d.securityDefinitions.demo_auth['x-amazon-apigateway-authorizer'].authorizerResultTtlInSeconds =
          4000),
      /securityDefinitions\.demo_auth\.x-amazon-apigateway-authorizer\.authorizerResultTtlInSeconds: .*3600/,
    ],
    [
      'a negative TTL',
      (d) =>
        (d.securityDefinitions.MyCustomAuth['x-amazon-apigateway-authorizer'].authorizerResultTtlInSeconds =
          -1),
      /authorizerResultTtlInSeconds: .*>=0/,
    ],
    [
      'a fractional TTL',
      (d) =>
        (d.securityDefinitions.MyCustomAuth['x-amazon-apigateway-authorizer'].authorizerResultTtlInSeconds =
          1.5),
      /authorizerResultTtlInSeconds: .*int/,
    ],
    [
      'an unknown key in an authorizer',
      (d) => (d.securityDefinitions.demo_auth['x-amazon-apigateway-authorizer'].authorizerTtl = 300),
      /x-amazon-apigateway-authorizer: Unrecognized key: "authorizerTtl"/,
    ],
    [
      'an unknown key in an integration',
      (d) => (d.paths['/'].get['x-amazon-apigateway-integration'].httpMethods = ['POST']),
      /paths\.\/\.get\.x-amazon-apigateway-integration: Unrecognized key: "httpMethods"/,
    ],
    [
      'an integration type API Gateway has but the deployer never writes',
      (d) => (d.paths['/'].get['x-amazon-apigateway-integration'].type = 'http'),
      /x-amazon-apigateway-integration\.type: /,
    ],
    [
      'a Lambda proxy invoked with GET (Lambda is always invoked with POST)',
      (d) => (d.paths['/'].get['x-amazon-apigateway-integration'].httpMethod = 'GET'),
      /x-amazon-apigateway-integration\.httpMethod: /,
    ],
    [
      'a Lambda proxy without uri',
      (d) => delete d.paths['/'].get['x-amazon-apigateway-integration'].uri,
      /x-amazon-apigateway-integration\.uri: /,
    ],
    [
      'a uri that is not a Lambda invocation URI',
      (d) =>
        (d.paths['/'].get['x-amazon-apigateway-integration'].uri =
          'arn:aws:lambda:us-west-2:123456789012:function:f'),
      /x-amazon-apigateway-integration\.uri: /,
    ],
    [
      'a method without an integration',
      (d) => delete d.paths['/health'].get['x-amazon-apigateway-integration'],
      /paths\.\/health\.get\.x-amazon-apigateway-integration: /,
    ],
    [
      'a Cognito authorizer without providerARNs',
      (d) => (d.securityDefinitions.MyPool['x-amazon-apigateway-authorizer'].providerARNs = []),
      /MyPool\.x-amazon-apigateway-authorizer\.providerARNs: /,
    ],
    [
      'an authtype that does not match the authorizer',
      (d) => (d.securityDefinitions.MyPool['x-amazon-apigateway-authtype'] = 'custom'),
      /MyPool\.x-amazon-apigateway-authorizer: authtype custom does not go with authorizer type cognito_user_pools/,
    ],
    [
      'an unknown authtype',
      (d) => (d.securityDefinitions.sigv4['x-amazon-apigateway-authtype'] = 'iam'),
      /sigv4\.x-amazon-apigateway-authtype: /,
    ],
    [
      'a cached REQUEST authorizer without identity sources',
      (d) => {
        const a = d.securityDefinitions.key_auth['x-amazon-apigateway-authorizer'];
        delete a.identitySource;
        a.authorizerResultTtlInSeconds = 300;
      },
      /key_auth\.x-amazon-apigateway-authorizer\.identitySource: a cached REQUEST authorizer needs identitySource/,
    ],
    [
      'an api-key-source other than HEADER or AUTHORIZER',
      (d) => (d['x-amazon-apigateway-api-key-source'] = 'QUERY'),
      /^x-amazon-apigateway-api-key-source: /,
    ],
    [
      'a binary media type that is not a media type',
      (d) => d['x-amazon-apigateway-binary-media-types'].push('png'),
      /x-amazon-apigateway-binary-media-types\.16: expected a media type/,
    ],
    [
      'a misspelt document extension',
      (d) => (d['x-amazon-apigateway-binary-mediatypes'] = ['image/png']),
      /unexpected extension x-amazon-apigateway-binary-mediatypes/,
    ],
    [
      'security naming an undefined authorizer',
      (d) => (d.paths['/'].get.security = [{ nope: [] }]),
      /paths\.\/\.get\.security\.0: no securityDefinition nope/,
    ],
    [
      'scopes on an authorizer API Gateway does not apply them to',
      (d) => (d.paths['/'].get.security = [{ demo_auth: ['read'] }]),
      /scopes on demo_auth, which is not a Cognito user pool authorizer/,
    ],
  ])('rejects %s', (_name, breakIt, expected) => {
    const d = doc();
    expect(apiGatewayExtensionIssues(d)).toEqual([]);
    breakIt(d);
    expect(apiGatewayExtensionIssues(d)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('exports each extension schema on its own', () => {
    const swagger: SwaggerDocument = generated(seedApp()).template;
    const operation = swagger.paths['/']?.['get'] as Json;
    expect(integrationSchema.safeParse(operation['x-amazon-apigateway-integration']).success).toBe(true);
    expect(integrationSchema.safeParse(operation).success).toBe(false);
    const pool = {
      type: 'cognito_user_pools',
      providerARNs: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
    };
    expect(authorizerSchema.safeParse(pool).success).toBe(true);
    expect(authorizerSchema.safeParse({ ...pool, providerARNs: ['arn:aws:cognito-idp:x'] }).success).toBe(
      false,
    );
  });
});
