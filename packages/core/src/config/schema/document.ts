import * as z from 'zod';
import { authorizerOverrideSchema, authorizerSchema } from './authorizers.js';
import {
  environmentVariables,
  expect,
  iamPrincipalArn,
  iamRoleArn,
  lambdaFunctions,
  lambdaMemorySize,
  lambdaTimeout,
  manageIamRole,
  nameKey,
  patterned,
  tags,
} from './common.js';

/** The HTTP methods a `routes:` key may name (those Chalice routes accept). */
export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

// A path as app.route() takes it: leading slash, no trailing slash, `{param}` or `{proxy+}` segments.
const ROUTE_KEY = new RegExp(
  `^(?:${ROUTE_METHODS.join('|')}) (?:/|(?:/(?:[^/{}\\s]+|\\{[\\w.$-]+\\+?\\}))+)$`,
);
export const ROUTE_KEY_TEXT = "a route 'METHOD /path' (e.g. 'GET /users/{id}')";

const authorizerName = nameKey('an authorizer name').refine((name) => name !== 'none', {
  error: "expected an authorizer name other than 'none' (reserved for routes without an authorizer)",
});

export const routeBindingSchema = z.strictObject(
  {
    authorizer: z
      .string(expect("an authorizer name, or 'none'"))
      .min(1, expect("an authorizer name, or 'none'"))
      .describe("Name of a declared authorizer, or 'none' to leave the route open."),
    scopes: z
      .array(patterned(/^\S+$/, 'an OAuth scope without spaces'), expect('a list of OAuth scopes'))
      .optional()
      .describe('Scopes required on this route (Cognito) or passed to the authorizer.'),
  },
  expect('a mapping with an authorizer (and optional scopes)'),
);

const stageName = patterned(
  /^[A-Za-z0-9_-]{1,128}$/,
  'an API Gateway stage name (letters, digits, _ and -, at most 128)',
).describe('The API Gateway stage the API is deployed to (default api).');

export const stageSchema = z
  .strictObject(
    {
      api_gateway_stage: stageName.optional(),
      environment_variables: environmentVariables.optional(),
      tags: tags.optional(),
      lambda_timeout: lambdaTimeout.optional(),
      lambda_memory_size: lambdaMemorySize.optional(),
      iam_role_arn: iamRoleArn.optional(),
      manage_iam_role: manageIamRole.optional(),
      authorizers: z
        .record(
          nameKey('an authorizer name'),
          authorizerOverrideSchema,
          expect('a mapping of authorizer overrides'),
        )
        .optional(),
      lambda_functions: lambdaFunctions.optional(),
    },
    expect('a mapping of stage settings'),
  )
  .describe('Settings for one chalice-ts stage; they win over the top level.');

const oneOrMore = (item: z.ZodString, text: string) =>
  z.union([item, z.array(item, expect(text)).min(1, expect(text))], expect(text));

/** One statement of the caller's identity-based policy: what API Gateway checks for IAM routes. */
const invokeStatementSchema = z.strictObject(
  {
    Sid: z.string(expect('a statement id')).optional(),
    Effect: z.enum(['Allow', 'Deny'], expect('Allow or Deny')),
    Action: oneOrMore(
      patterned(/^\S+$/, 'an IAM action (e.g. execute-api:Invoke)'),
      'an IAM action or a list of them (e.g. execute-api:Invoke)',
    ),
    Resource: oneOrMore(
      patterned(
        /^(?:\*|arn:(?!\S*\$\{)\S+)$/,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
        'a resource ARN or * (IAM policy variables such as ${aws:username} are not supported locally)',
      ),
      'a resource ARN or a list of them (e.g. arn:aws:execute-api:*:*:*/*/GET/*)',
    ),
  },
  expect('a statement with Effect, Action and Resource'),
);

const invokePolicySchema = z
  .strictObject(
    {
      Version: z.literal('2012-10-17', expect("'2012-10-17'")).optional(),
      Statement: z.array(invokeStatementSchema, expect('a list of statements')),
    },
    expect('an IAM policy document with a Statement'),
  )
  .describe(
    "The credential's identity-based IAM policy. An IAM route then also requires it to allow " +
      'execute-api:Invoke on the method ARN, as API Gateway does. Without it the credential may call every IAM route.',
  );

const credentialSchema = z.strictObject(
  {
    access_key_id: patterned(/^\S+$/, 'an access key id without spaces'),
    secret_access_key: patterned(/^\S+$/, 'a secret access key without spaces'),
    user_arn: iamPrincipalArn,
    session_token: patterned(/^\S+$/, 'a session token without spaces').optional(),
    policy: invokePolicySchema.optional(),
  },
  expect('a credential with access_key_id, secret_access_key and user_arn'),
);

export const localSchema = z
  .strictObject(
    {
      authorizer_cache: z
        .boolean(expect('true or false'))
        .default(true)
        .describe("Emulate API Gateway's authorizer TTL cache."),
      cognito: z
        .strictObject(
          { jwks_file: patterned(/^.+$/, 'a path to a JWKS file') },
          expect('a mapping with jwks_file'),
        )
        .optional(),
      iam: z
        .strictObject(
          {
            credentials: z
              .array(credentialSchema, expect('a list of credentials'))
              .superRefine((list, ctx) => {
                const seen = new Map<string, number>();
                list.forEach((c, i) => {
                  const first = seen.get(c.access_key_id);
                  if (first === undefined) seen.set(c.access_key_id, i);
                  else
                    ctx.addIssue({
                      code: 'custom',
                      path: [i, 'access_key_id'],
                      message: `an access_key_id not already used by credentials[${first}] (${c.access_key_id} is listed twice)`,
                    });
                });
              }),
          },
          expect('a mapping with credentials'),
        )
        .optional(),
      region: patterned(/^[a-z]{2}(?:-[a-z]+)+-\d$/, 'an AWS region (e.g. us-east-1)').optional(),
      account_id: patterned(
        /^\d{12}$/,
        "a 12-digit AWS account id in quotes (e.g. '123456789012')",
      ).optional(),
      api_id: patterned(/^[a-z0-9]{1,20}$/, 'an API id of lowercase letters and digits').optional(),
    },
    expect('a mapping of local emulation settings'),
  )
  .describe('Settings for `chalice-ts local` and the test kit.');

export const chaliceConfigSchema = z
  .strictObject(
    {
      version: z.literal(1, expect('1')).describe('Format version of this file: 1.'),
      app_name: nameKey('an app name').describe('Name of the app, used in resource and function names.'),
      entry: patterned(/^.+$/, 'the path of the module that exports `app`')
        .default('src/app.ts')
        .describe('Module that exports `app` (named export or default).'),
      runtime: z
        .enum(['nodejs20.x', 'nodejs22.x'], expect('a Lambda runtime: nodejs20.x or nodejs22.x'))
        .default('nodejs22.x'),
      api_gateway_stage: stageName.default('api'),
      default_authorizer: z
        .string(expect('an authorizer name'))
        .optional()
        .describe('Authorizer for every route that has none; a route opts out with `authorizer: none`.'),
      authorizers: z
        .record(authorizerName, authorizerSchema, expect('a mapping of authorizer names to declarations'))
        .default({}),
      routes: z
        .record(
          patterned(ROUTE_KEY, ROUTE_KEY_TEXT),
          routeBindingSchema,
          expect('a mapping of routes to bindings'),
        )
        .default({})
        .describe('Binds declared authorizers to routes defined in code.'),
      environment_variables: environmentVariables.optional(),
      tags: tags.optional(),
      lambda_timeout: lambdaTimeout.optional(),
      lambda_memory_size: lambdaMemorySize.optional(),
      iam_role_arn: iamRoleArn.optional(),
      manage_iam_role: manageIamRole.optional(),
      lambda_functions: lambdaFunctions.optional(),
      stages: z
        .record(nameKey('a stage name'), stageSchema, expect('a mapping of stage names to settings'))
        .optional(),
      local: localSchema.default({ authorizer_cache: true }),
    },
    expect('a mapping of chalice.yaml keys (version, app_name, ...)'),
  )
  .describe('chalice-ts project configuration (chalice.yaml).');

/** A validated `chalice.yaml` document, defaults applied. */
export type ChaliceConfig = z.output<typeof chaliceConfigSchema>;
/** A `chalice.yaml` document as written (what `validateConfigObject` accepts). */
export type ChaliceConfigInput = z.input<typeof chaliceConfigSchema>;
export type AuthorizerConfig = z.output<typeof authorizerSchema>;
export type CognitoAuthorizerConfig = Extract<AuthorizerConfig, { type: 'cognito_user_pools' }>;
export type CustomAuthorizerConfig = Extract<AuthorizerConfig, { type: 'custom' }>;
export type IamAuthorizerConfig = Extract<AuthorizerConfig, { type: 'iam' }>;
export type BuiltinAuthorizerConfig = Extract<AuthorizerConfig, { type: 'builtin' }>;
export type RequestAuthorizerConfig = Extract<AuthorizerConfig, { type: 'request' }>;
export type AuthorizerOverride = z.output<typeof authorizerOverrideSchema>;
export type RouteBinding = z.output<typeof routeBindingSchema>;
export type StageConfig = z.output<typeof stageSchema>;
export type LocalConfig = z.output<typeof localSchema>;
