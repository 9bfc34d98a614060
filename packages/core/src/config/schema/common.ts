import * as z from 'zod';

/**
 * Error params for a field: every issue the field raises says what was expected, in words.
 * The loader turns `expected …` into the issue's `expected` and adds what it got.
 */
export function expect(text: string): { error: (issue: { code?: string }) => string | undefined } {
  // Unknown keys keep the default path, where the loader learns the allowed keys for "did you mean".
  return { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : `expected ${text}`) };
}

/** A string matching `pattern`, described by `text` in errors and in the JSON Schema. */
export function patterned(pattern: RegExp, text: string): z.ZodString {
  return z.string(expect(text)).regex(pattern, expect(text)).describe(`Expected ${text}.`);
}

const PARTITION = 'arn:aws(?:-[a-z]+)*';

export const cognitoPoolArn = patterned(
  new RegExp(`^${PARTITION}:cognito-idp:[a-z0-9-]+:\\d{12}:userpool/[a-z0-9-]+_[A-Za-z0-9]+$`),
  'a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<pool-id>)',
);

export const iamRoleArn = patterned(
  new RegExp(`^${PARTITION}:iam::\\d{12}:role/[\\w+=,.@/-]+$`),
  'an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
);

export const iamPrincipalArn = patterned(
  new RegExp(`^${PARTITION}:(?:iam|sts)::\\d{12}:[\\w+=,.@/-]+$`),
  'an IAM user or role ARN (arn:aws:iam::<account>:user/<name>)',
);

// API Gateway only accepts a Lambda invocation URI for a TOKEN/REQUEST authorizer.
export const authorizerUri = patterned(
  new RegExp(`^${PARTITION}:apigateway:[a-z0-9-]+:lambda:path/.+/invocations$`),
  'a Lambda invocation URI (arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function-arn>/invocations)',
);

export const handlerRef = patterned(
  /^[^#\s]+#[A-Za-z_$][\w$]*$/,
  "a handler reference 'path#export' (e.g. src/auth.ts#demoAuth)",
);

// RFC 9110 token characters: what API Gateway accepts as a header name.
export const headerName = patterned(
  /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
  'an HTTP header name (e.g. Authorization)',
);

export const scopes = z
  .array(patterned(/^\S+$/, 'an OAuth scope without spaces'), expect('a list of OAuth scopes'))
  .describe('OAuth scopes a token must carry (Cognito access tokens) or passed to the authorizer.');

// API Gateway caches authorizer results for at most one hour.
export const ttlSeconds = z
  .number(expect('a whole number of seconds from 0 to 3600'))
  .int(expect('a whole number of seconds from 0 to 3600'))
  .min(0, expect('a whole number of seconds from 0 to 3600'))
  .max(3600, expect('a whole number of seconds from 0 to 3600'))
  .describe('How long API Gateway caches the authorizer result; 0 disables the cache.');

// Lambda limits: timeout 1-900 s, memory 128-10240 MB.
export const lambdaTimeout = z
  .number(expect('a whole number of seconds from 1 to 900'))
  .int(expect('a whole number of seconds from 1 to 900'))
  .min(1, expect('a whole number of seconds from 1 to 900'))
  .max(900, expect('a whole number of seconds from 1 to 900'))
  .describe('Lambda timeout in seconds (default 60).');

export const lambdaMemorySize = z
  .number(expect('a whole number of megabytes from 128 to 10240'))
  .int(expect('a whole number of megabytes from 128 to 10240'))
  .min(128, expect('a whole number of megabytes from 128 to 10240'))
  .max(10240, expect('a whole number of megabytes from 128 to 10240'))
  .describe('Lambda memory size in MB (default 128).');

// Lambda environment variable names: a letter, then letters, digits and underscores.
export const environmentVariables = z
  .record(
    patterned(/^[A-Za-z][A-Za-z0-9_]*$/, 'an environment variable name (letters, digits and _)'),
    z.string(expect('a string value (quote numbers and booleans)')),
    expect('a mapping of environment variable names to strings'),
  )
  .describe('Environment variables; merged across top level, function, stage and CLI.');

export const tags = z
  .record(
    patterned(/^.{1,128}$/s, 'a tag key of 1 to 128 characters'),
    z
      .string(expect('a string tag value (quote numbers and booleans)'))
      .max(256, expect('a tag value of at most 256 characters')),
    expect('a mapping of tag names to strings'),
  )
  .describe('Resource tags; merged across top level, function, stage and CLI.');

export const manageIamRole = z
  .boolean(expect('true or false'))
  .describe('Whether chalice-ts creates the Lambda execution role (default true).');

/** A name usable as a mapping key for authorizers, functions and stages. */
export function nameKey(what: string): z.ZodString {
  return patterned(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/, `${what} made of letters, digits, _ and -`);
}

/** Per-function settings, as allowed under `lambda_functions.<fn>` at any level. */
export const functionSettingsSchema = z
  .strictObject(
    {
      lambda_timeout: lambdaTimeout.optional(),
      lambda_memory_size: lambdaMemorySize.optional(),
      environment_variables: environmentVariables.optional(),
      tags: tags.optional(),
      iam_role_arn: iamRoleArn.optional(),
    },
    expect('a mapping of function settings'),
  )
  .describe('Settings for one Lambda function: api_handler or a built-in authorizer name.');

export const lambdaFunctions = z
  .record(
    nameKey('a function name'),
    functionSettingsSchema,
    expect('a mapping of function names to settings'),
  )
  .describe('Per-function settings keyed by function name (api_handler, or a built-in authorizer).');
