/**
 * Shapes of the Lambda events and results this runtime handles, as AWS documents them
 * ("Input format of a Lambda function for proxy integration", REST API, payload v1, and
 * "API Gateway Lambda authorizer input"). Optional fields are optional: API Gateway sends `null`
 * for absent maps and test tools often omit them.
 */

/** `requestContext` of a REST proxy event (the fields a handler commonly reads; others pass through). */
export interface ApiGatewayRequestContext {
  accountId?: string;
  apiId?: string;
  stage?: string;
  requestId?: string;
  resourceId?: string;
  resourcePath?: string;
  httpMethod?: string;
  path?: string;
  protocol?: string;
  domainName?: string;
  requestTimeEpoch?: number;
  identity?: Record<string, string | null | undefined>;
  /** Set by API Gateway from the authorizer's `context` plus `principalId` (Cognito: `claims`). */
  authorizer?: Record<string, unknown> | null;
  [key: string]: unknown;
}

type StringMap = Record<string, string | undefined>;
type MultiStringMap = Record<string, string[] | undefined>;

/** An API Gateway REST API Lambda proxy integration event (payload format 1.0). */
export interface ApiGatewayProxyEvent {
  resource?: string;
  path?: string;
  httpMethod?: string;
  headers?: StringMap | null;
  multiValueHeaders?: MultiStringMap | null;
  queryStringParameters?: StringMap | null;
  multiValueQueryStringParameters?: MultiStringMap | null;
  pathParameters?: StringMap | null;
  stageVariables?: StringMap | null;
  requestContext?: ApiGatewayRequestContext | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** What a proxy integration returns to API Gateway. */
export interface ApiGatewayProxyResult {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded?: boolean;
}

/** The Lambda context object (only what this runtime reads is required). */
export interface LambdaContext {
  functionName?: string;
  awsRequestId?: string;
  getRemainingTimeInMillis?: () => number;
  [key: string]: unknown;
}

/** TOKEN and REQUEST authorizer inputs: the shapes live in core, next to `AuthRequest.fromEvent`. */
export type { AuthorizerEvent, RequestAuthorizerEvent, TokenAuthorizerEvent } from '@chalice-ts/core';
