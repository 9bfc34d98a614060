import { Chalice, CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from '@chalice-ts/runtime';
import { customAuthHandler, partnerPolicy, tokenAuth } from './auth.js';

export const app = new Chalice({ appName: 'all-authorizers' });

// AWS IAM: callers sign their requests with SigV4 (locally: a credential from chalice.yaml).
app.route('/iam-auth', { methods: ['GET'], authorizer: new IAMAuthorizer() }, () => ({ success: true }));

// Amazon Cognito user pools: an ID token from the pool, or an access token carrying the route's scopes.
const myPool = new CognitoUserPoolAuthorizer('MyPool', {
  providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
});
app.route('/user-pools', { methods: ['GET'], authorizer: myPool }, () => ({ success: true }));
app.route('/user-pools/admin', { methods: ['GET'], authorizer: myPool.withScopes(['admin']) }, () => ({
  admin: true,
}));

// An existing Lambda authorizer, run locally through `localHandler`.
const myCustomAuth = new CustomAuthorizer('MyCustomAuth', {
  header: 'Authorization',
  authorizerUri:
    'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:FunctionName/invocations',
  localHandler: customAuthHandler,
});
app.route('/custom-auth', { methods: ['GET'], authorizer: myCustomAuth }, () => ({ success: true }));

// A built-in TOKEN authorizer, cached for 60 s; per-route scopes go into the OpenAPI `security`.
export const tokenAuthorizer = app.authorizer({ name: 'token_auth', ttlSeconds: 60 }, tokenAuth);
app.route('/me', { authorizer: tokenAuthorizer }, (request) => ({ authorizer: request.context.authorizer }));
app.route('/reports', { methods: ['GET'], authorizer: tokenAuthorizer.withScopes(['reports:read']) }, () => ({
  reports: ['q1', 'q2'],
}));
app.route(
  '/reports',
  { methods: ['POST'], authorizer: tokenAuthorizer.withScopes(['reports:write']) },
  (request) => ({ created: request.json }),
);

// A built-in REQUEST authorizer that returns a raw IAM policy with an explicit Deny.
export const partnerAuthorizer = app.authorizer(
  { name: 'partner_auth', type: 'request', identitySources: ['header:X-Partner-Key'] },
  partnerPolicy,
);
app.route('/partners/{name}', { authorizer: partnerAuthorizer }, (request) => ({
  partner: request.params.name,
  authorizer: request.context.authorizer,
}));

// No authorizer: open to everyone.
app.route('/health', {}, () => ({ ok: true }));
