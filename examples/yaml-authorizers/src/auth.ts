import {
  type AuthorizerEvent,
  type AuthRequest,
  AuthResponse,
  AuthRoute,
  type IamPolicy,
  UnauthorizedError,
} from '@chalice-ts/runtime';

type Statement = { Action: string; Effect: 'Allow' | 'Deny'; Resource: string };

/**
 * Demo users keyed by bearer token. A real authorizer verifies a signed token or asks an identity
 * provider instead; the shape of what it returns is the same.
 */
const USERS: Readonly<Record<string, { name: string; admin: boolean }>> = {
  'alice-token': { name: 'alice', admin: true },
  'bob-token': { name: 'bob', admin: false },
};

/**
 * Built-in TOKEN authorizer: an unknown token is a 401; a known user may read `/me` and the
 * reports, and only admins may create reports. The context reaches the route as strings.
 */
export function tokenAuth(authRequest: AuthRequest): AuthResponse {
  const user = USERS[authRequest.token ?? ''];
  if (user === undefined) throw new UnauthorizedError('unknown token');
  const routes = ['/me', new AuthRoute('/reports', user.admin ? ['GET', 'POST'] : ['GET'])];
  return new AuthResponse({
    routes,
    principalId: user.name,
    context: { user: user.name, admin: user.admin },
  });
}

/** `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>` of the incoming method ARN. */
function apiStageArn(methodArn: string): string {
  return methodArn.split('/').slice(0, 2).join('/');
}

function statement(effect: 'Allow' | 'Deny', resource: string): Statement {
  return { Action: 'execute-api:Invoke', Effect: effect, Resource: resource };
}

/**
 * Built-in REQUEST authorizer returning a raw IAM policy (passed through unchanged, as in
 * Chalice): the partner may call every `/partners/*` route except `/partners/internal`, which an
 * explicit Deny protects even though the Allow's wildcard matches it (Deny wins).
 */
export function partnerPolicy(authRequest: AuthRequest): IamPolicy {
  const key = Object.entries(authRequest.headers).find(([name]) => name.toLowerCase() === 'x-partner-key');
  if (key?.[1] !== 'acme-partner-key') throw new UnauthorizedError('unknown partner key');
  const api = apiStageArn(authRequest.methodArn);
  return {
    principalId: 'partner-acme',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        statement('Allow', `${api}/GET/partners/*`),
        statement('Deny', `${api}/GET/partners/internal`),
      ],
    },
    context: { partner: 'acme', quota: 1000 },
  };
}

/**
 * Stands in for the existing Lambda authorizer (`FunctionName`) when running locally: it gets the
 * raw TOKEN event API Gateway sends and answers the way a Lambda authorizer does — a policy, or the
 * error message `Unauthorized` for a 401.
 */
export function customAuthHandler(event: AuthorizerEvent): IamPolicy {
  const token = event.type === 'TOKEN' ? event.authorizationToken : '';
  const api = apiStageArn(event.methodArn);
  if (token === 'Bearer valid-session') {
    return {
      principalId: 'legacy-user',
      policyDocument: { Version: '2012-10-17', Statement: [statement('Allow', `${api}/*`)] },
    };
  }
  if (token === 'Bearer revoked-session') {
    return {
      principalId: 'legacy-user',
      policyDocument: { Version: '2012-10-17', Statement: [statement('Deny', `${api}/*`)] },
    };
  }
  throw new Error('Unauthorized');
}
