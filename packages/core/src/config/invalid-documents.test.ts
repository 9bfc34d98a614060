import { describe, expect, it } from 'vitest';
import { formatConfigIssue, parseConfig } from './index.js';

// Documents without a `version` line get `version: 1` and `app_name: demo` as lines 1-2, so the
// case's own text starts on line 3.
function document(body: string): string {
  return body.startsWith('version') ? body : `version: 1\napp_name: demo\n${body}`;
}

const cases: [name: string, body: string, message: string][] = [
  ['version is not 1', 'version: 2\napp_name: demo', 'chalice.yaml:1:10 version: expected 1, got 2'],
  [
    'app_name is missing',
    'version: 1',
    'chalice.yaml:1:1 app_name: missing required key: expected an app name made of letters, digits, _ and -',
  ],
  [
    'app_name has a space',
    'version: 1\napp_name: my app',
    'chalice.yaml:2:11 app_name: expected an app name made of letters, digits, _ and -, got "my app"',
  ],
  [
    'top-level key is misspelled',
    'runtim: nodejs22.x',
    "chalice.yaml:3:1 runtim: unknown key; did you mean 'runtime'?",
  ],
  [
    'runtime is not supported',
    'runtime: nodejs18.x',
    'chalice.yaml:3:10 runtime: expected a Lambda runtime: nodejs20.x or nodejs22.x, got "nodejs18.x"; did you mean \'nodejs20.x\'?',
  ],
  [
    'api_gateway_stage has a space',
    'api_gateway_stage: my stage',
    'chalice.yaml:3:20 api_gateway_stage: expected an API Gateway stage name (letters, digits, _ and -, at most 128), got "my stage"',
  ],
  [
    'lambda_timeout is zero',
    'lambda_timeout: 0',
    'chalice.yaml:3:17 lambda_timeout: expected a whole number of seconds from 1 to 900, got 0',
  ],
  [
    'lambda_timeout is a quoted number',
    'lambda_timeout: "60"',
    'chalice.yaml:3:17 lambda_timeout: expected a whole number of seconds from 1 to 900, got "60"',
  ],
  [
    'lambda_timeout is fractional',
    'lambda_timeout: 1.5',
    'chalice.yaml:3:17 lambda_timeout: expected a whole number of seconds from 1 to 900, got 1.5',
  ],
  [
    'lambda_memory_size is below the Lambda minimum',
    'lambda_memory_size: 64',
    'chalice.yaml:3:21 lambda_memory_size: expected a whole number of megabytes from 128 to 10240, got 64',
  ],
  [
    'environment variable value is a number',
    'environment_variables:\n  RETRIES: 3',
    'chalice.yaml:4:12 environment_variables.RETRIES: expected a string value (quote numbers and booleans), got 3',
  ],
  [
    'environment variable name starts with a digit',
    'environment_variables: { 1A: x }',
    "chalice.yaml:3:26 environment_variables['1A']: invalid key: expected an environment variable name (letters, digits and _)",
  ],
  [
    'tag value is a boolean',
    'tags: { team: true }',
    'chalice.yaml:3:15 tags.team: expected a string tag value (quote numbers and booleans), got true',
  ],
  [
    'iam_role_arn has a short account id',
    'iam_role_arn: arn:aws:iam::123:role/app',
    'chalice.yaml:3:15 iam_role_arn: expected an IAM role ARN (arn:aws:iam::<account>:role/<name>), got "arn:aws:iam::123:role/app"',
  ],
  [
    'manage_iam_role is a string',
    'manage_iam_role: "yes"',
    'chalice.yaml:3:18 manage_iam_role: expected true or false, got "yes"',
  ],
  [
    'cognito provider_arns is empty',
    'authorizers:\n  MyPool: { type: cognito_user_pools, provider_arns: [] }',
    'chalice.yaml:4:54 authorizers.MyPool.provider_arns: expected a non-empty list of Cognito user pool ARNs, got an empty list',
  ],
  [
    'cognito provider_arns is missing',
    'authorizers:\n  MyPool:\n    type: cognito_user_pools',
    'chalice.yaml:4:3 authorizers.MyPool.provider_arns: missing required key: expected a non-empty list of Cognito user pool ARNs',
  ],
  [
    'cognito provider_arns holds a non-ARN',
    'authorizers:\n  MyPool:\n    type: cognito_user_pools\n    provider_arns:\n      - arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc\n      - not-an-arn',
    'chalice.yaml:8:9 authorizers.MyPool.provider_arns[1]: expected a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<pool-id>), got "not-an-arn"',
  ],
  [
    'authorizer type is misspelled',
    'authorizers:\n  MyPool: { type: cognito_user_poolz }',
    'chalice.yaml:4:19 authorizers.MyPool.type: expected one of cognito_user_pools, custom, iam, builtin, request, got "cognito_user_poolz"; did you mean \'cognito_user_pools\'?',
  ],
  [
    'authorizer has no type',
    'authorizers:\n  MyPool:\n    provider_arns: []',
    'chalice.yaml:4:3 authorizers.MyPool.type: missing required key: expected one of cognito_user_pools, custom, iam, builtin, request',
  ],
  [
    'custom authorizer key is misspelled',
    'authorizers:\n  MyCustomAuth:\n    type: custom\n    authorizer_uri: arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/f/invocations\n    ttl_second: 300',
    "chalice.yaml:7:5 authorizers.MyCustomAuth.ttl_second: unknown key; did you mean 'ttl_seconds'?",
  ],
  [
    'custom ttl_seconds exceeds the API Gateway maximum',
    'authorizers:\n  MyCustomAuth:\n    type: custom\n    authorizer_uri: arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/f/invocations\n    ttl_seconds: 4000',
    'chalice.yaml:7:18 authorizers.MyCustomAuth.ttl_seconds: expected a whole number of seconds from 0 to 3600, got 4000',
  ],
  [
    'custom authorizer_uri is a Lambda ARN',
    'authorizers:\n  MyCustomAuth:\n    type: custom\n    authorizer_uri: arn:aws:lambda:us-west-2:123456789012:function:auth',
    'chalice.yaml:6:21 authorizers.MyCustomAuth.authorizer_uri: expected a Lambda invocation URI (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function-arn>/invocations), got "arn:aws:lambda:us-west-2:123456789012:function:auth"',
  ],
  [
    'custom local_handler has no export',
    'authorizers:\n  MyCustomAuth:\n    type: custom\n    authorizer_uri: arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/f/invocations\n    local_handler: src/local-auth.ts',
    'chalice.yaml:7:20 authorizers.MyCustomAuth.local_handler: expected a handler reference \'path#export\' (e.g. src/auth.ts#demoAuth), got "src/local-auth.ts"',
  ],
  [
    'builtin handler is missing',
    'authorizers:\n  demo_auth: { type: builtin, ttl_seconds: 300 }',
    "chalice.yaml:4:3 authorizers.demo_auth.handler: missing required key: expected a handler reference 'path#export' (e.g. src/auth.ts#demoAuth)",
  ],
  [
    'builtin header is not a header name',
    'authorizers:\n  demo_auth: { type: builtin, handler: src/auth.ts#demoAuth, header: Bad Header }',
    'chalice.yaml:4:70 authorizers.demo_auth.header: expected an HTTP header name (e.g. Authorization), got "Bad Header"',
  ],
  [
    'request identity source has an unknown prefix',
    'authorizers:\n  key_auth:\n    type: request\n    handler: src/auth.ts#keyAuth\n    identity_sources: [header:X-Api-Key, cookie:session]',
    'chalice.yaml:7:42 authorizers.key_auth.identity_sources[1]: expected an identity source header:<Name>, query:<name>, stage:<name> or context:<name>, got "cookie:session"',
  ],
  [
    'request identity_sources is empty',
    'authorizers:\n  key_auth: { type: request, handler: src/auth.ts#keyAuth, identity_sources: [] }',
    'chalice.yaml:4:78 authorizers.key_auth.identity_sources: expected a non-empty list of identity sources (header:X, query:x, stage:x or context:x), got an empty list',
  ],
  [
    'iam authorizer has settings',
    'authorizers:\n  sigv4: { type: iam, header: Authorization }',
    'chalice.yaml:4:23 authorizers.sigv4.header: unknown key: only type is allowed here',
  ],
  [
    'an authorizer is named none',
    'authorizers:\n  none: { type: iam }',
    "chalice.yaml:4:3 authorizers.none: invalid key: expected an authorizer name other than 'none' (reserved for routes without an authorizer)",
  ],
  [
    'route key has a lower-case method and trailing slash',
    'routes:\n  get /users/: { authorizer: none }',
    "chalice.yaml:4:3 routes['get /users/']: invalid key: expected a route 'METHOD /path' (e.g. 'GET /users/{id}'); did you mean 'GET /users'?",
  ],
  [
    'route key has no leading slash',
    'routes:\n  GET users: { authorizer: none }',
    "chalice.yaml:4:3 routes['GET users']: invalid key: expected a route 'METHOD /path' (e.g. 'GET /users/{id}'); did you mean 'GET /users'?",
  ],
  [
    'route binding has no authorizer',
    'routes:\n  GET /users: { scopes: [read] }',
    "chalice.yaml:4:3 routes['GET /users'].authorizer: missing required key: expected an authorizer name, or 'none'",
  ],
  [
    'route opts out but asks for scopes',
    'routes:\n  GET /health: { authorizer: none, scopes: [read] }',
    "chalice.yaml:4:36 routes['GET /health'].scopes: scopes need an authorizer; remove them or name an authorizer instead of 'none'",
  ],
  [
    'route asks an IAM authorizer for scopes',
    'authorizers:\n  sigv4: { type: iam }\nroutes:\n  GET /admin: { authorizer: sigv4, scopes: [admin] }',
    "chalice.yaml:6:36 routes['GET /admin'].scopes: IAM authorizer 'sigv4' does not take scopes",
  ],
  [
    'default_authorizer is none',
    'default_authorizer: none',
    "chalice.yaml:3:21 default_authorizer: 'none' only applies to routes; leave out default_authorizer for no default",
  ],
  [
    'stage overrides an undeclared authorizer',
    'authorizers:\n  MyPool: { type: cognito_user_pools, provider_arns: [arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc] }\nstages:\n  dev:\n    authorizers:\n      MyPol: { header: X-Token }',
    "chalice.yaml:8:7 stages.dev.authorizers.MyPol: no authorizer 'MyPol' is declared under authorizers to override; did you mean 'MyPool'?",
  ],
  [
    'stage override sets a key of another authorizer type',
    'authorizers:\n  demo_auth: { type: builtin, handler: src/auth.ts#demoAuth }\nstages:\n  prod:\n    authorizers:\n      demo_auth: { provider_arns: [arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc] }',
    "chalice.yaml:8:20 stages.prod.authorizers.demo_auth.provider_arns: 'provider_arns' does not apply to builtin authorizer 'demo_auth'",
  ],
  [
    'stage function timeout exceeds the Lambda maximum',
    'stages:\n  dev:\n    lambda_functions:\n      demo_auth: { lambda_timeout: 1000 }',
    'chalice.yaml:6:36 stages.dev.lambda_functions.demo_auth.lambda_timeout: expected a whole number of seconds from 1 to 900, got 1000',
  ],
  [
    'function setting key is unknown',
    'lambda_functions:\n  api_handler:\n    memory: 256',
    'chalice.yaml:5:5 lambda_functions.api_handler.memory: unknown key (expected one of lambda_timeout, lambda_memory_size, environment_variables, tags, iam_role_arn)',
  ],
  [
    'local authorizer_cache is a quoted boolean',
    'local:\n  authorizer_cache: "true"',
    'chalice.yaml:4:21 local.authorizer_cache: expected true or false, got "true"',
  ],
  [
    'local credential has no user_arn',
    'local:\n  iam:\n    credentials:\n      - { access_key_id: AKIDLOCAL, secret_access_key: s3cret }',
    'chalice.yaml:6:9 local.iam.credentials[0].user_arn: missing required key: expected an IAM user or role ARN (arn:aws:iam::<account>:user/<name>)',
  ],
  [
    'a local credential policy statement has a wrong Effect',
    'local:\n  iam:\n    credentials:\n      - access_key_id: AKIDLOCAL\n        secret_access_key: s3cret\n        user_arn: arn:aws:iam::123456789012:user/dev\n        policy: { Statement: [{ Effect: Permit, Action: execute-api:Invoke, Resource: "*" }] }',
    'chalice.yaml:9:41 local.iam.credentials[0].policy.Statement[0].Effect: expected Allow or Deny, got "Permit"',
  ],
  [
    'two local credentials share an access key',
    'local:\n  iam:\n    credentials:\n      - { access_key_id: AKID, secret_access_key: s1, user_arn: "arn:aws:iam::123456789012:user/a" }\n      - { access_key_id: AKID, secret_access_key: s2, user_arn: "arn:aws:iam::123456789012:user/b" }',
    'chalice.yaml:7:26 local.iam.credentials[1].access_key_id: expected an access_key_id not already used by credentials[0] (AKID is listed twice)',
  ],
  [
    'a local credential policy uses an IAM policy variable',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
    'local:\n  iam:\n    credentials:\n      - access_key_id: AKIDLOCAL\n        secret_access_key: s3cret\n        user_arn: arn:aws:iam::123456789012:user/dev\n        policy: { Statement: [{ Effect: Deny, Action: "*", Resource: "arn:aws:execute-api:*:*:*/*/GET/users/${aws:username}" }] }',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
    'chalice.yaml:9:70 local.iam.credentials[0].policy.Statement[0].Resource: expected a resource ARN or * (IAM policy variables such as ${aws:username} are not supported locally), got "arn:aws:execute-api:*:*:*/*/GET/users/${aws:username}"',
  ],
  [
    'local region is malformed',
    'local: { region: useast1 }',
    'chalice.yaml:3:18 local.region: expected an AWS region (e.g. us-east-1), got "useast1"',
  ],
  [
    'local account_id is an unquoted number',
    'local: { account_id: 123456789012 }',
    "chalice.yaml:3:22 local.account_id: expected a 12-digit AWS account id in quotes (e.g. '123456789012'), got 123456789012",
  ],
  [
    'stage name key is misspelled',
    'stages:\n  dev:\n    lambda_timout: 30',
    "chalice.yaml:5:5 stages.dev.lambda_timout: unknown key; did you mean 'lambda_timeout'?",
  ],
];

describe('an invalid chalice.yaml', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('is reported when %s', (_name, body, message) => {
    const result = parseConfig(document(body), { file: 'chalice.yaml' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatConfigIssue)).toEqual([message]);
  });
});
