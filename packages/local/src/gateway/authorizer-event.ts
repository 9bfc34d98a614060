import { type ProxyEvent, type RequestFacts, requestFields } from './proxy-event.js';

/** Input of a TOKEN Lambda authorizer, as API Gateway sends it. */
export interface TokenAuthorizerEvent {
  type: 'TOKEN';
  authorizationToken: string;
  methodArn: string;
}

/**
 * Input of a REQUEST Lambda authorizer, as API Gateway sends it: the proxy event's request fields
 * (no body) plus the type and the method ARN.
 */
export type RequestAuthorizerEvent = { type: 'REQUEST'; methodArn: string } & Omit<
  ProxyEvent,
  'body' | 'isBase64Encoded'
>;

/**
 * The TOKEN authorizer event: just the token and the method ARN.
 *
 * @example
 * ```ts
 * tokenAuthorizerEvent('allow', 'arn:aws:execute-api:us-east-1:123456789012:abc/api/GET/');
 * ```
 */
export function tokenAuthorizerEvent(authorizationToken: string, methodArn: string): TokenAuthorizerEvent {
  return { type: 'TOKEN', authorizationToken, methodArn };
}

/**
 * The REQUEST authorizer event: the whole request (no body), with the method ARN; a deep copy,
 * since API Gateway sends the authorizer a serialized copy of the request.
 *
 * @example
 * ```ts
 * const event = requestAuthorizerEvent(facts, methodArn);
 * event.headers?.['X-Api-Key'];
 * ```
 */
export function requestAuthorizerEvent(facts: RequestFacts, methodArn: string): RequestAuthorizerEvent {
  // A copy: the authorizer is another Lambda, so nothing it changes in its event reaches the app's.
  return structuredClone({ type: 'REQUEST', methodArn, ...requestFields(facts) });
}
