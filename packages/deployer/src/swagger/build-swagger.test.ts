import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { allAuthorizersApp, builtin, route, seedApp, resolved } from '../fixtures/apps.js';
import { buildResourceModel } from '../model/index.js';
import { buildSwagger } from './build-swagger.js';
import { preflightOperation } from './cors.js';

const swaggerOf = (model = seedApp()) =>
  buildSwagger(buildResourceModel(model, resolved(), { stage: 'dev' }));
const handlerUri = {
  'Fn::Sub':
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
    'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${APIHandler.Arn}/invocations',
};

describe('buildSwagger', () => {
  it('renders the seed app exactly as Chalice packages it', () => {
    const swagger = swaggerOf();
    expect(swagger).toEqual({
      swagger: '2.0',
      info: { version: '1.0', title: 'demoauth1' },
      schemes: ['https'],
      paths: {
        '/': {
          get: {
            consumes: ['application/json'],
            produces: ['application/json'],
            responses: { '200': { description: '200 response', schema: { $ref: '#/definitions/Empty' } } },
            'x-amazon-apigateway-integration': {
              responses: { default: { statusCode: '200' } },
              uri: handlerUri,
              passthroughBehavior: 'when_no_match',
              httpMethod: 'POST',
              contentHandling: 'CONVERT_TO_TEXT',
              type: 'aws_proxy',
            },
            security: [{ demo_auth: [] }],
          },
        },
      },
      definitions: { Empty: { type: 'object', title: 'Empty Schema' } },
      'x-amazon-apigateway-binary-media-types': expect.arrayContaining([
        'application/octet-stream',
        'image/png',
      ]),
      securityDefinitions: {
        demo_auth: {
          in: 'header',
          type: 'apiKey',
          name: 'Authorization',
          'x-amazon-apigateway-authtype': 'custom',
          'x-amazon-apigateway-authorizer': {
            type: 'token',
            authorizerUri: {
              'Fn::Sub':
                // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
                'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${DemoAuth.Arn}/invocations',
            },
            authorizerResultTtlInSeconds: 300,
          },
        },
      },
    });
  });

  it('lists api_key first and the authorizer with its scopes second', () => {
    const swagger = swaggerOf(allAuthorizersApp());
    expect(swagger.paths['/custom-auth']?.['get']).toMatchObject({
      security: [{ api_key: [] }, { MyCustomAuth: [] }],
    });
    expect(swagger.paths['/user-pools']?.['get']).toMatchObject({ security: [{ MyPool: ['read'] }] });
    expect(swagger.securityDefinitions?.['api_key']).toEqual({
      type: 'apiKey',
      name: 'x-api-key',
      in: 'header',
    });
  });

  it('takes the securityDefinitions of IAM, Cognito and custom authorizers from their toSwagger()', () => {
    const swagger = swaggerOf(allAuthorizersApp());
    const model = allAuthorizersApp();
    for (const name of ['sigv4', 'MyPool', 'MyCustomAuth']) {
      expect(swagger.securityDefinitions?.[name]).toEqual(model.authorizers.get(name)?.swagger());
    }
  });

  it('points a request authorizer at its own function with API Gateway identity sources', () => {
    const swagger = swaggerOf(allAuthorizersApp());
    expect(swagger.securityDefinitions?.['key_auth']).toEqual({
      in: 'header',
      type: 'apiKey',
      name: 'X-Api-Key',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        authorizerUri: {
          'Fn::Sub':
            // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
            'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${KeyAuth.Arn}/invocations',
        },
        identitySource: 'method.request.header.X-Api-Key, method.request.querystring.token',
        authorizerResultTtlInSeconds: 0,
      },
    });
    expect(swagger.securityDefinitions?.['demo_auth']).toMatchObject({
      'x-amazon-apigateway-authorizer': {
        authorizerCredentials: 'arn:aws:iam::123456789012:role/invoke-auth',
      },
    });
  });

  it('declares path parameters, naming a greedy {proxy+} parameter proxy', () => {
    const swagger = swaggerOf(allAuthorizersApp());
    expect(swagger.paths['/items/{id}']?.['get']).toMatchObject({
      parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
    });
    expect(swagger.paths['/files/{proxy+}']?.['get']).toMatchObject({ parameters: [{ name: 'proxy' }] });
  });

  it('adds one preflight per CORS path: a mock integration without security', () => {
    const swagger = swaggerOf(allAuthorizersApp());
    const options = swagger.paths['/items/{id}']?.['options'] as Record<string, unknown>;
    expect(options).not.toHaveProperty('security');
    expect(options['x-amazon-apigateway-integration']).toEqual({
      responses: {
        default: {
          statusCode: '200',
          responseParameters: {
            'method.response.header.Access-Control-Allow-Methods': "'GET,PUT,OPTIONS'",
            'method.response.header.Access-Control-Allow-Origin': "'https://example.com'",
            'method.response.header.Access-Control-Allow-Headers':
              "'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key'",
            'method.response.header.Access-Control-Max-Age': "'600'",
          },
        },
      },
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_match',
      type: 'mock',
      contentHandling: 'CONVERT_TO_TEXT',
    });
    expect(swagger.paths['/health']).not.toHaveProperty('options');
  });

  it('lists OPTIONS once when a CORS path has an OPTIONS route of its own (the preflight replaces it)', () => {
    const options = preflightOperation({}, ['GET', 'OPTIONS']) as {
      'x-amazon-apigateway-integration': {
        responses: { default: { responseParameters: Record<string, string> } };
      };
    };
    expect(
      options['x-amazon-apigateway-integration'].responses.default.responseParameters[
        'method.response.header.Access-Control-Allow-Methods'
      ],
    ).toBe("'GET,OPTIONS'");
  });

  it('leaves routes without authorizer or API key without security', () => {
    expect(swaggerOf(allAuthorizersApp()).paths['/health']?.['get']).not.toHaveProperty('security');
  });

  it.each([
    ['the seed app', seedApp()],
    ['the all-authorizers app', allAuthorizersApp()],
  ])('produces a valid Swagger 2.0 document for %s', async (_name, model) => {
    // Swagger 2.0 has no greedy parameters: API Gateway's `{proxy+}` is declared as `proxy` (as in
    // API Gateway's own exports), so the generic validator sees the path as `{proxy}`.
    const text = JSON.stringify(swaggerOf(model)).replaceAll('{proxy+}', '{proxy}');
    await expect(SwaggerParser.validate(JSON.parse(text))).resolves.toBeTruthy();
  });

  it('is the same document for the same app (no hidden state)', () => {
    const model = {
      ...seedApp(),
      routes: [route('GET', '/', builtin('demo_auth')), route('POST', '/', null)],
    };
    expect(JSON.stringify(swaggerOf(model))).toBe(JSON.stringify(swaggerOf(model)));
  });
});
