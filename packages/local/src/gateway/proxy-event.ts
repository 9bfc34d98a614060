import type { EventBody, NormalizedHeaders, NormalizedQuery } from './request-parts.js';

/** `requestContext.identity` of a REST proxy event; every field API Gateway sends, `null` when unknown. */
export type ProxyIdentity = {
  cognitoIdentityPoolId: string | null;
  accountId: string | null;
  cognitoIdentityId: string | null;
  caller: string | null;
  sourceIp: string;
  principalOrgId: string | null;
  accessKey: string | null;
  cognitoAuthenticationType: string | null;
  cognitoAuthenticationProvider: string | null;
  userArn: string | null;
  userAgent: string | null;
  user: string | null;
  apiKey: string | null;
};

/** `requestContext` of a REST proxy event (payload format 1.0). */
export type ProxyRequestContext = {
  accountId: string;
  apiId: string;
  resourceId: string;
  stage: string;
  requestId: string;
  extendedRequestId: string;
  identity: ProxyIdentity;
  resourcePath: string;
  httpMethod: string;
  path: string;
  protocol: string;
  requestTime: string;
  requestTimeEpoch: number;
  domainName: string;
  authorizer?: Record<string, unknown>;
};

/** A REST API Lambda proxy integration event, v1, as the local gateway builds it. */
export type ProxyEvent = {
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string> | null;
  multiValueHeaders: Record<string, string[]> | null;
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  pathParameters: Record<string, string> | null;
  stageVariables: Record<string, string> | null;
  requestContext: ProxyRequestContext;
  body: string | null;
  isBase64Encoded: boolean;
};

/** Everything about one request the events are built from (authorizer events share it). */
export interface RequestFacts {
  readonly method: string;
  /** Request path without the query string and without a stage prefix. */
  readonly path: string;
  readonly resourcePath: string;
  readonly pathParameters: Record<string, string> | null;
  readonly headers: NormalizedHeaders;
  readonly query: NormalizedQuery;
  readonly stageVariables: Record<string, string> | null;
  readonly body: EventBody;
  readonly requestContext: ProxyRequestContext;
}

/** Inputs of {@link buildRequestContext}. */
export interface RequestContextInput {
  accountId: string;
  apiId: string;
  resourceId: string;
  stage: string;
  requestId: string;
  resourcePath: string;
  httpMethod: string;
  path: string;
  sourceIp: string;
  userAgent: string | null;
  host: string | null;
  nowMs: number;
}

/** Builds the `requestContext` API Gateway attaches to the proxy and REQUEST authorizer events. */
export function buildRequestContext(input: RequestContextInput): ProxyRequestContext {
  return {
    accountId: input.accountId,
    apiId: input.apiId,
    resourceId: input.resourceId,
    stage: input.stage,
    requestId: input.requestId,
    extendedRequestId: input.requestId,
    identity: {
      cognitoIdentityPoolId: null,
      accountId: null,
      cognitoIdentityId: null,
      caller: null,
      sourceIp: input.sourceIp,
      principalOrgId: null,
      accessKey: null,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: null,
      userAgent: input.userAgent,
      user: null,
      apiKey: null,
    },
    resourcePath: input.resourcePath,
    httpMethod: input.httpMethod,
    // API Gateway reports the path as called on the deployed URL, i.e. with the stage in front.
    path: '/' + input.stage + input.path,
    protocol: 'HTTP/1.1',
    requestTime: formatRequestTime(input.nowMs),
    requestTimeEpoch: input.nowMs,
    domainName: input.host ?? 'localhost',
  };
}

/**
 * Builds the REST proxy event for the app's Lambda handler.
 *
 * @example
 * ```ts
 * const event = buildProxyEvent(facts);
 * await app.handler(event, lambdaContext);
 * ```
 */
export function buildProxyEvent(facts: RequestFacts): ProxyEvent {
  const event = requestFields(facts) as ProxyEvent;
  event.body = facts.body.body;
  event.isBase64Encoded = facts.body.isBase64Encoded;
  return event;
}

/** The request fields API Gateway puts in both the proxy event and a REQUEST authorizer's event. */
export function requestFields(facts: RequestFacts): Omit<ProxyEvent, 'body' | 'isBase64Encoded'> {
  return {
    resource: facts.resourcePath,
    path: facts.path,
    httpMethod: facts.method,
    headers: facts.headers.single,
    multiValueHeaders: facts.headers.multi,
    queryStringParameters: facts.query.single,
    multiValueQueryStringParameters: facts.query.multi,
    pathParameters: facts.pathParameters,
    stageVariables: facts.stageVariables,
    requestContext: facts.requestContext,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => (n < 10 ? '0' + n : String(n));

// The format has one-second resolution: the last second formatted is reused (one Date per second
// under load rather than one per request).
let lastSecond = Number.NaN;
let lastFormatted = '';

/** API Gateway's `requestTime` format, always UTC: `09/Apr/2015:12:34:56 +0000`. */
export function formatRequestTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastFormatted;
  const d = new Date(second * 1000);
  lastFormatted =
    `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
  lastSecond = second;
  return lastFormatted;
}
