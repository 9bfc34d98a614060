import type {
  ApiGatewayProxyEvent,
  ApiGatewayRequestContext,
  RequestAuthorizerEvent,
  TokenAuthorizerEvent,
} from '@chalice-ts/runtime';
import { toMultiValue } from './multi-value.js';

/** A REST proxy event override: any field, with `requestContext` merged one level deep. */
export type RestProxyOverrides = Omit<Partial<ApiGatewayProxyEvent>, 'requestContext'> & {
  requestContext?: Partial<ApiGatewayRequestContext>;
};

/** A REQUEST authorizer event override: any field, with `requestContext` merged one level deep. */
export type RequestAuthorizerOverrides = Partial<RequestAuthorizerEvent>;

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request';

/**
 * A REST API proxy event (payload 1.0), shaped like the example in the API Gateway developer guide
 * ("Input format of a Lambda function for proxy integration"). `headers` / `queryStringParameters`
 * given without their multi-value twins get matching ones; `path` and `httpMethod` carry over into
 * `resource` and `requestContext` unless those are given too.
 *
 * @example
 * ```ts
 * const result = await client.lambda.invoke(events.restProxy({ path: '/', headers: { Authorization: 'allow' } }));
 * ```
 */
function restProxy(overrides: RestProxyOverrides = {}): ApiGatewayProxyEvent {
  const path = overrides.path ?? '/my/path';
  const method = overrides.httpMethod ?? 'GET';
  const resource = overrides.resource ?? path;
  const headers =
    overrides.headers === undefined ? { header1: 'value1', header2: 'value2' } : overrides.headers;
  const query =
    overrides.queryStringParameters === undefined
      ? { parameter1: 'value2', parameter2: 'value' }
      : overrides.queryStringParameters;
  const { requestContext, ...rest } = overrides;
  return {
    resource,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders:
      overrides.multiValueHeaders === undefined && overrides.headers === undefined
        ? { header1: ['value1'], header2: ['value1', 'value2'] }
        : (overrides.multiValueHeaders ?? toMultiValue(headers)),
    queryStringParameters: query,
    multiValueQueryStringParameters:
      overrides.multiValueQueryStringParameters === undefined && overrides.queryStringParameters === undefined
        ? { parameter1: ['value1', 'value2'], parameter2: ['value'] }
        : (overrides.multiValueQueryStringParameters ?? toMultiValue(query)),
    pathParameters: null,
    stageVariables: null,
    body: 'Hello from Lambda!',
    isBase64Encoded: false,
    ...rest,
    requestContext: {
      accountId: '123456789012',
      apiId: 'id',
      authorizer: { claims: null, scopes: null },
      domainName: 'id.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'id',
      extendedRequestId: 'request-id',
      httpMethod: method,
      identity: {
        accessKey: null,
        accountId: null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '192.0.2.1',
        user: null,
        userAgent: 'user-agent',
        userArn: null,
      },
      path,
      protocol: 'HTTP/1.1',
      requestId: 'id=',
      requestTime: '04/Mar/2020:19:15:17 +0000',
      requestTimeEpoch: 1583349317135,
      resourceId: 'abc123',
      resourcePath: resource,
      stage: '$default',
      ...requestContext,
    },
  };
}

/**
 * A TOKEN authorizer event, as in the API Gateway developer guide ("Input to an API Gateway Lambda
 * authorizer").
 *
 * @example
 * ```ts
 * await demoAuth.handler(events.tokenAuthorizer({ authorizationToken: 'allow' }));
 * ```
 */
function tokenAuthorizer(overrides: Partial<TokenAuthorizerEvent> = {}): TokenAuthorizerEvent {
  return { type: 'TOKEN', authorizationToken: 'allow', methodArn: ARN, ...overrides };
}

/**
 * A REQUEST authorizer event, as in the API Gateway developer guide's example (headers, query,
 * stage variables, request context). Single-value maps given without their multi-value twins get
 * matching ones.
 *
 * @example
 * ```ts
 * await keyAuth.handler(events.requestAuthorizer({ headers: { 'X-Api-Key': 'k1' } }));
 * ```
 */
function requestAuthorizer(overrides: RequestAuthorizerOverrides = {}): RequestAuthorizerEvent {
  const headers =
    overrides.headers === undefined
      ? {
          'X-AMZ-Date': '20170718T062915Z',
          Accept: '*/*',
          HeaderAuth1: 'headerValue1',
          'CloudFront-Viewer-Country': 'US',
          'CloudFront-Forwarded-Proto': 'https',
          'User-Agent': 'curl/8.5.0',
        }
      : overrides.headers;
  const query =
    overrides.queryStringParameters === undefined
      ? { QueryString1: 'queryValue1' }
      : overrides.queryStringParameters;
  const resource = overrides.resource ?? overrides.path ?? '/request';
  const path = overrides.path ?? resource;
  const method = overrides.httpMethod ?? 'GET';
  const { requestContext, ...rest } = overrides;
  return {
    type: 'REQUEST',
    methodArn: ARN,
    resource,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: overrides.multiValueHeaders ?? toMultiValue(headers),
    queryStringParameters: query,
    multiValueQueryStringParameters: overrides.multiValueQueryStringParameters ?? toMultiValue(query),
    pathParameters: {},
    stageVariables: { StageVar1: 'stageValue1' },
    ...rest,
    requestContext: {
      path,
      accountId: '123456789012',
      resourceId: '05c7jb',
      stage: 'test',
      requestId: '6e1fa0a7-4c0e-4f4b-8a46-27b3cbbf6f4e',
      identity: { apiKey: null, sourceIp: '192.0.2.1' },
      resourcePath: resource,
      httpMethod: method,
      apiId: 'abcdef123',
      ...requestContext,
    },
  };
}

/**
 * Lambda event factories shaped like AWS's documentation examples, each field overridable: for
 * calling `app.handler` or an authorizer's `handler` directly (see `client.lambda`).
 */
export const events = { restProxy, tokenAuthorizer, requestAuthorizer } as const;
