import * as z from 'zod';
import {
  authorizerUri,
  cognitoPoolArn,
  expect,
  handlerRef,
  headerName,
  iamRoleArn,
  patterned,
  scopes,
  ttlSeconds,
} from './common.js';

const PROVIDER_ARNS = 'a non-empty list of Cognito user pool ARNs';
const IDENTITY_SOURCES = 'a non-empty list of identity sources (header:X, query:x, stage:x or context:x)';

// The identity sources a REQUEST authorizer can read: method.request.header/querystring,
// stageVariables and context, as API Gateway names them in `identitySource`.
const identitySource = patterned(
  /^(?:header|query|stage|context):[^\s:]+$/,
  'an identity source header:<Name>, query:<name>, stage:<name> or context:<name>',
);

/** The fields an authorizer declaration may have, before defaults: shared by declarations and stage overrides. */
const fields = {
  provider_arns: z.array(cognitoPoolArn, expect(PROVIDER_ARNS)).min(1, expect(PROVIDER_ARNS)),
  header: headerName,
  scopes,
  authorizer_uri: authorizerUri,
  ttl_seconds: ttlSeconds,
  invoke_role_arn: iamRoleArn.describe('Role API Gateway assumes to invoke the Lambda authorizer.'),
  local_handler: handlerRef.describe('Function run by `chalice-ts local` in place of the remote Lambda.'),
  handler: handlerRef,
  execution_role: iamRoleArn.describe('Role API Gateway assumes to invoke the built-in authorizer.'),
  identity_sources: z.array(identitySource, expect(IDENTITY_SOURCES)).min(1, expect(IDENTITY_SOURCES)),
};

const DEFAULT_HEADER = 'Authorization';

export const cognitoAuthorizerSchema = z.strictObject({
  type: z.literal('cognito_user_pools'),
  provider_arns: fields.provider_arns,
  header: fields.header.default(DEFAULT_HEADER),
  scopes: fields.scopes.default([]),
});

export const customAuthorizerSchema = z.strictObject({
  type: z.literal('custom'),
  authorizer_uri: fields.authorizer_uri,
  // Chalice's CustomAuthorizer defaults ttl_seconds to 300.
  ttl_seconds: fields.ttl_seconds.default(300),
  header: fields.header.default(DEFAULT_HEADER),
  invoke_role_arn: fields.invoke_role_arn.optional(),
  local_handler: fields.local_handler.optional(),
  scopes: fields.scopes.default([]),
});

export const iamAuthorizerSchema = z.strictObject({ type: z.literal('iam') });

export const builtinAuthorizerSchema = z.strictObject({
  type: z.literal('builtin'),
  handler: fields.handler,
  ttl_seconds: fields.ttl_seconds.optional(),
  header: fields.header.default(DEFAULT_HEADER),
  execution_role: fields.execution_role.optional(),
  scopes: fields.scopes.default([]),
});

export const requestAuthorizerSchema = z.strictObject({
  type: z.literal('request'),
  handler: fields.handler,
  identity_sources: fields.identity_sources,
  ttl_seconds: fields.ttl_seconds.optional(),
  execution_role: fields.execution_role.optional(),
  scopes: fields.scopes.default([]),
});

export const authorizerSchema = z
  .discriminatedUnion(
    'type',
    [
      cognitoAuthorizerSchema,
      customAuthorizerSchema,
      iamAuthorizerSchema,
      builtinAuthorizerSchema,
      requestAuthorizerSchema,
    ],
    expect('an authorizer declaration with a type'),
  )
  .describe('An authorizer declaration, discriminated on `type`.');

export type AuthorizerType = z.output<typeof authorizerSchema>['type'];

/** Keys each authorizer type accepts (besides `type`): what a stage override of it may set. */
export const AUTHORIZER_KEYS: Readonly<Record<AuthorizerType, readonly string[]>> = {
  cognito_user_pools: ['provider_arns', 'header', 'scopes'],
  custom: ['authorizer_uri', 'ttl_seconds', 'header', 'invoke_role_arn', 'local_handler', 'scopes'],
  iam: [],
  builtin: ['handler', 'ttl_seconds', 'header', 'execution_role', 'scopes'],
  request: ['handler', 'identity_sources', 'ttl_seconds', 'execution_role', 'scopes'],
};

/**
 * A per-stage override of a declared authorizer: any field of any type, none required. The
 * loader then checks that each key applies to the declared authorizer's type.
 */
export const authorizerOverrideSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    },
    expect('a mapping of authorizer fields to override'),
  )
  .describe('Fields replacing those of the authorizer declared under the top-level `authorizers`.');
