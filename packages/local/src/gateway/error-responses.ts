/**
 * API Gateway's own responses (REST API, default gateway responses), byte for byte: the body,
 * status and `x-amzn-ErrorType` it sends when it answers instead of the integration.
 */
export interface GatewayErrorSpec {
  readonly statusCode: number;
  readonly errorType: string;
  readonly body: string;
}

/** Every error the emulated gateway answers itself (ARCHITECTURE §4). */
export const GATEWAY_ERRORS = {
  /** Identity source missing/empty, authorizer said Unauthorized, Cognito token rejected. */
  unauthorized: { statusCode: 401, errorType: 'UnauthorizedException', body: '{"message":"Unauthorized"}' },
  /** The policy has no Allow statement matching the method ARN. */
  accessDenied: {
    statusCode: 403,
    errorType: 'AccessDeniedException',
    body: '{"Message":"User is not authorized to access this resource"}',
  },
  /** An explicit Deny statement matches the method ARN (Deny wins over Allow). */
  explicitDeny: {
    statusCode: 403,
    errorType: 'AccessDeniedException',
    body: '{"Message":"User is not authorized to access this resource with an explicit deny"}',
  },
  /** The authorizer failed: threw, returned no/invalid policy, or a non-primitive context value. */
  authorizerConfiguration: {
    statusCode: 500,
    errorType: 'AuthorizerConfigurationException',
    body: '{"message":null}',
  },
  /** No resource or no method for the request (API Gateway never says 404 here). */
  missingAuthenticationToken: {
    statusCode: 403,
    errorType: 'MissingAuthenticationTokenException',
    body: '{"message":"Missing Authentication Token"}',
  },
  /** `apiKeyRequired` route called without an `x-api-key` header. */
  forbidden: { statusCode: 403, errorType: 'ForbiddenException', body: '{"message":"Forbidden"}' },
  /** The Lambda integration threw or returned something that is not a proxy response. */
  badGateway: {
    statusCode: 502,
    errorType: 'InternalServerErrorException',
    body: '{"message": "Internal server error"}',
  },
} as const satisfies Record<string, GatewayErrorSpec>;

/** Builds a gateway error spec with API Gateway's `{"message": ...}` body shape. */
export function messageError(statusCode: number, errorType: string, message: string): GatewayErrorSpec {
  return { statusCode, errorType, body: JSON.stringify({ message }) };
}
