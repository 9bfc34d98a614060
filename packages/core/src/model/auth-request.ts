/** The event API Gateway sends to a TOKEN authorizer. */
export interface TokenAuthorizerEvent {
  type: 'TOKEN';
  authorizationToken: string;
  methodArn: string;
}

/** The event API Gateway sends to a REQUEST authorizer (REST API, payload 1.0). */
export interface RequestAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  resource?: string;
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string> | null;
  multiValueHeaders?: Record<string, string[]> | null;
  queryStringParameters?: Record<string, string> | null;
  multiValueQueryStringParameters?: Record<string, string[]> | null;
  pathParameters?: Record<string, string> | null;
  stageVariables?: Record<string, string> | null;
  requestContext?: Record<string, unknown>;
}

/** Any authorizer event. */
export type AuthorizerEvent = TokenAuthorizerEvent | RequestAuthorizerEvent;

/**
 * A Lambda-style authorizer handler: what a `CustomAuthorizer`'s `localHandler` is. It receives the
 * raw event API Gateway would send and returns a policy (sync or async).
 */
export type LocalAuthorizerHandler = (event: AuthorizerEvent, context?: unknown) => unknown;

/** Fields of an {@link AuthRequest}. */
export interface AuthRequestInit {
  authType: 'TOKEN' | 'REQUEST';
  token?: string | undefined;
  methodArn: string;
  headers?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
  requestContext?: Record<string, unknown>;
}

/**
 * What a built-in authorizer function receives (Chalice's `AuthRequest`). TOKEN authorizers get
 * `token`; REQUEST authorizers get the request's headers, query, path parameters, stage variables
 * and request context instead.
 *
 * @example
 * ```ts
 * const req = AuthRequest.fromEvent({ type: 'TOKEN', authorizationToken: 'allow', methodArn });
 * req.token; // 'allow'
 * ```
 */
export class AuthRequest {
  declare readonly authType: 'TOKEN' | 'REQUEST';
  declare readonly token: string | undefined;
  declare readonly methodArn: string;
  declare readonly headers: Readonly<Record<string, string>>;
  declare readonly queryStringParameters: Readonly<Record<string, string>>;
  declare readonly pathParameters: Readonly<Record<string, string>>;
  declare readonly stageVariables: Readonly<Record<string, string>>;
  declare readonly requestContext: Readonly<Record<string, unknown>>;

  constructor(init: AuthRequestInit) {
    this.authType = init.authType;
    this.token = init.token;
    this.methodArn = init.methodArn;
    this.headers = init.headers ?? {};
    this.queryStringParameters = init.queryStringParameters ?? {};
    this.pathParameters = init.pathParameters ?? {};
    this.stageVariables = init.stageVariables ?? {};
    this.requestContext = init.requestContext ?? {};
  }

  /** Builds the request from a TOKEN or REQUEST authorizer event (`null` maps become `{}`). */
  static fromEvent(event: AuthorizerEvent): AuthRequest {
    if (event.type === 'TOKEN') {
      return new AuthRequest({
        authType: 'TOKEN',
        token: event.authorizationToken,
        methodArn: event.methodArn,
      });
    }
    // The constructor turns the `null` maps API Gateway sends into `{}`.
    return new AuthRequest({ ...event, authType: 'REQUEST' } as AuthRequestInit);
  }
}
