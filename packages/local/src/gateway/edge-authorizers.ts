import { resolve } from 'node:path';
import { evaluatePolicy } from '@chalice-ts/core';
import type { JSONWebKeySet } from 'jose';
import type { Clock } from '../cache/clock.js';
import { claimsAsStrings, devKeys, loadJwksFile, verifyCognitoToken } from '../cognito/index.js';
import type { GatewayLogger } from '../log/request-log.js';
import { type SigV4Credential, verifySigV4 } from '../sigv4/index.js';
import type { Bound } from './bind.js';
import type { AuthorizerFactory } from './compile-model.js';
import { GATEWAY_ERRORS, messageError } from './error-responses.js';
import type { AuthOutcome } from './authorize/outcome.js';

/** What the Cognito and IAM authorizers read from the gateway. */
export interface EdgeSettings {
  logger: GatewayLogger;
  clock: Clock;
  region: string;
  bound: Bound;
  /** In-memory public keys for Cognito tokens; else `local.cognito.jwks_file`, else the dev keys. */
  jwks?: JSONWebKeySet;
}

/**
 * Cognito user pool authorizers: the token from the authorizer's header is verified (RS256) against
 * `local.cognito.jwks_file` or the project's dev keys; on success `requestContext.authorizer.claims`
 * holds the claims as strings, as API Gateway passes them.
 */
export function makeCognitoFactory(settings: EdgeSettings): AuthorizerFactory {
  const { bound, logger } = settings;
  let keys: Promise<JSONWebKeySet> | null = null;
  const jwks = () => {
    const file = bound.local.cognito?.jwks_file;
    keys ??=
      settings.jwks !== undefined
        ? Promise.resolve(settings.jwks)
        : file !== undefined
          ? loadJwksFile(resolve(bound.projectDir, file))
          : devKeys(bound.projectDir).then((k) => k.jwks);
    return keys;
  };
  return (a) => {
    const header = (a.header ?? 'Authorization').toLowerCase();
    const providerArns = a.providerArns ?? [];
    return {
      name: a.name,
      kind: a.kind,
      authorize: async (input) => {
        const token = input.facts.headers.lower.get(header);
        if (token === undefined || token === '') {
          return {
            ok: false,
            decision: 'unauthorized',
            cache: null,
            reason: `no ${a.header ?? 'Authorization'} header`,
            error: GATEWAY_ERRORS.unauthorized,
          };
        }
        let keySet: JSONWebKeySet;
        try {
          keySet = await jwks();
        } catch (error) {
          keys = null;
          logger.error(
            `Cognito authorizer ${a.name}: cannot load signing keys: ${error instanceof Error ? error.message : String(error)}`,
          );
          return {
            ok: false,
            decision: 'error',
            cache: null,
            reason: 'no Cognito signing keys',
            error: GATEWAY_ERRORS.authorizerConfiguration,
          };
        }
        const verdict = await verifyCognitoToken(token, {
          jwks: keySet,
          providerArns,
          scopes: input.scopes,
          now: settings.clock.now(),
        });
        if (!verdict.ok) {
          return {
            ok: false,
            decision: 'unauthorized',
            cache: null,
            reason: verdict.reason,
            error: GATEWAY_ERRORS.unauthorized,
          };
        }
        return {
          ok: true,
          decision: 'allow',
          cache: null,
          reason: 'valid Cognito token',
          authorizer: { claims: claimsAsStrings(verdict.claims) },
        };
      },
    };
  };
}

/**
 * API Gateway's permission check for an IAM route: the caller's identity-based policy must allow
 * `execute-api:Invoke` on the method ARN (a matching Deny wins). A credential without `policy` may
 * call every IAM route.
 */
function invokeRefusal(policy: unknown, userArn: string, methodArn: string): AuthOutcome | null {
  if (policy === undefined) return null;
  const decision = evaluatePolicy({ principalId: userArn, policyDocument: policy }, methodArn);
  if (decision.outcome === 'allow') return null;
  const explicit = decision.outcome === 'explicit-deny' ? ' with an explicit deny' : '';
  return {
    ok: false,
    decision: decision.outcome === 'explicit-deny' ? 'explicit-deny' : 'deny',
    cache: null,
    reason: `${userArn}'s policy (local.iam.credentials) does not allow execute-api:Invoke: ${decision.reason}`,
    error: {
      statusCode: 403,
      errorType: 'AccessDeniedException',
      body: JSON.stringify({
        Message: `User: ${userArn} is not authorized to perform: execute-api:Invoke on resource: ${methodArn}${explicit}`,
      }),
    },
  };
}

/**
 * IAM (SigV4) authorizers: the signature is checked against `local.iam.credentials`; on success
 * `requestContext.identity` gets the credential's identity, as API Gateway fills it.
 */
export function makeIamFactory(settings: EdgeSettings): AuthorizerFactory {
  const configured = settings.bound.local.iam?.credentials ?? [];
  const credentials: SigV4Credential[] = configured.map((c) => ({
    accessKeyId: c.access_key_id,
    secretAccessKey: c.secret_access_key,
    userArn: c.user_arn,
    ...(c.session_token !== undefined && { sessionToken: c.session_token }),
  }));
  // The policy of the credential the signature is verified with: the first with that key.
  const policies = new Map<string, unknown>();
  for (const c of configured) if (!policies.has(c.access_key_id)) policies.set(c.access_key_id, c.policy);
  let warned = false;
  return (a) => ({
    name: a.name,
    kind: a.kind,
    authorize: async (input) => {
      if (credentials.length === 0 && !warned) {
        warned = true;
        settings.logger.warn(
          `IAM route ${input.facts.method} ${input.facts.path}: no local credentials, so every signed request is refused. ` +
            'Add local.iam.credentials (access_key_id, secret_access_key, user_arn) to chalice.yaml.',
        );
      }
      const result = await verifySigV4(input.raw, {
        credentials,
        now: settings.clock.now(),
        region: settings.region,
      });
      if (!result.ok) {
        return {
          ok: false,
          decision: 'deny',
          cache: null,
          reason: result.reason,
          error: messageError(result.status, result.errorType, result.message),
        };
      }
      const { accessKey, accountId, caller, user, userArn } = result.identity;
      const refused = invokeRefusal(policies.get(accessKey), userArn, input.methodArn);
      if (refused !== null) return refused;
      return {
        ok: true,
        decision: 'allow',
        cache: null,
        reason: `signed by ${accessKey}`,
        identity: { accessKey, accountId, caller, user, userArn },
      };
    },
  });
}
