import type { RequestAuthorizerEvent, TokenAuthorizerEvent } from '@chalice-ts/runtime';
import type { EffectiveAuthorizer } from '@chalice-ts/runtime/binding';
import { TestingError } from '../errors.js';
import { events } from '../events/events.js';

/** What a TOKEN authorizer receives: the token (and optionally the method ARN). */
export interface TokenInput {
  token: string;
  methodArn?: string;
}

/** What a REQUEST authorizer reads from the request (and optionally the method ARN). */
export interface RequestInput {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
  methodArn?: string;
}

/** Input of `client.lambda.invokeAuthorizer`. */
export type AuthorizerInput = TokenInput | RequestInput;

/** The gateway's place, for method ARNs and request contexts. */
export interface ApiPlace {
  region: string;
  accountId: string;
  apiId: string;
  apiGatewayStage: string;
}

/** `arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>`, as the gateway builds it. */
export function methodArnFor(place: ApiPlace, method: string, path: string): string {
  const arnPath = path.replace(/^\//, '');
  return `arn:aws:execute-api:${place.region}:${place.accountId}:${place.apiId}/${place.apiGatewayStage}/${method}/${arnPath}`;
}

/** The event API Gateway would send `authorizer` for this input. */
export function authorizerEvent(
  authorizer: EffectiveAuthorizer,
  type: 'token' | 'request',
  input: AuthorizerInput,
  methodArn: string,
  place: ApiPlace,
): TokenAuthorizerEvent | RequestAuthorizerEvent {
  const headers = 'token' in input ? { [authorizer.header]: input.token } : (input.headers ?? {});
  if (type === 'token') {
    const token = 'token' in input ? input.token : headerValue(headers, authorizer.header);
    if (token === undefined || token === '') {
      throw new TestingError(
        'INVALID_ARGUMENT',
        `authorizer '${authorizer.name}' is a TOKEN authorizer reading the ${authorizer.header} header: ` +
          `pass { token } or headers with ${authorizer.header} (API Gateway would answer 401 without invoking it)`,
      );
    }
    return events.tokenAuthorizer({ authorizationToken: token, methodArn });
  }
  const { method, path } = fromMethodArn(methodArn);
  const request = 'token' in input ? {} : input;
  return events.requestAuthorizer({
    methodArn,
    resource: path,
    path,
    httpMethod: method,
    headers,
    queryStringParameters: request.query ?? {},
    pathParameters: request.pathParameters ?? {},
    stageVariables: request.stageVariables ?? null,
    requestContext: {
      path: `/${place.apiGatewayStage}${path}`,
      accountId: place.accountId,
      stage: place.apiGatewayStage,
      apiId: place.apiId,
      resourcePath: path,
      httpMethod: method,
      identity: { apiKey: null, sourceIp: '127.0.0.1' },
    },
  });
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key in headers) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

function fromMethodArn(arn: string): { method: string; path: string } {
  // arn:aws:execute-api:region:account:api/stage/METHOD/path...
  const resource = arn.split(':').slice(5).join(':');
  const [, , method = 'GET', ...rest] = resource.split('/');
  return { method, path: `/${rest.join('/')}` };
}
