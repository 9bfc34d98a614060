import { AuthResponse, AuthRoute, Chalice, UnauthorizedError } from '@chalice-ts/runtime';
import { findApiKey } from './api-keys.js';

export const app = new Chalice({ appName: 'request-authorizer' });

/**
 * A REQUEST authorizer reading two identity sources: the `X-Api-Key` header and the `tenant` query
 * parameter. API Gateway answers 401 without invoking it when either is missing or empty, and
 * caches its policy for 60 s per (key, tenant) pair.
 */
export const apiKeyAuth = app.authorizer(
  {
    name: 'api_key_auth',
    type: 'request',
    identitySources: ['header:X-Api-Key', 'query:tenant'],
    ttlSeconds: 60,
  },
  (authRequest) => {
    const key = Object.entries(authRequest.headers).find(([name]) => name.toLowerCase() === 'x-api-key')?.[1];
    const tenant = authRequest.queryStringParameters.tenant ?? '';
    const grant = findApiKey(key ?? '');
    // An unknown key is a 401; a known key used for another tenant gets a policy allowing nothing (403).
    if (grant === undefined) throw new UnauthorizedError('unknown API key');
    const routes =
      grant.tenant === tenant
        ? [
            new AuthRoute('/items', grant.canWrite ? ['GET', 'POST'] : ['GET']),
            new AuthRoute('/items/{id}', ['GET']),
          ]
        : [];
    return new AuthResponse({
      routes,
      principalId: `${grant.tenant}-client`,
      context: { tenant: grant.tenant, plan: grant.plan, maxItems: grant.maxItems, canWrite: grant.canWrite },
    });
  },
);

app.route('/items', { methods: ['GET', 'POST'], authorizer: apiKeyAuth }, (request) => ({
  method: request.method,
  tenant: request.query.get('tenant'),
  authorizer: request.context.authorizer,
}));
app.route('/items/{id}', { authorizer: apiKeyAuth }, (request) => ({
  id: request.params.id,
  tenant: request.context.authorizer?.tenant,
}));
