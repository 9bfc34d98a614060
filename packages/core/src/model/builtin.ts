import { ChaliceTsError } from '../errors.js';
import type { ApiGatewayAuthorizerObject, FnSub, SecurityDefinition } from './types.js';
import { securityDefinition } from './validate.js';

/**
 * The data of a built-in authorizer (an authorizer function deployed with the app, Chalice's
 * `@app.authorizer()`). The runtime's `BuiltinAuthorizer` carries these fields.
 */
export interface BuiltinAuthorizerSpec {
  name: string;
  /** Result cache TTL; when unset the key is omitted and API Gateway applies its default (300). */
  ttlSeconds?: number;
  /** Token header of a TOKEN authorizer; default `Authorization`. */
  header: string;
  /** Role API Gateway assumes to invoke the authorizer function. */
  executionRole?: string;
  type: 'token' | 'request';
  /** REQUEST identity sources: `header:X-Api-Key`, `query:token`, `stage:var`, `context:var`. */
  identitySources: readonly string[];
  scopes: readonly string[];
}

/** Where API Gateway reads a REQUEST authorizer's identity source from. */
export type IdentitySourceKind = 'header' | 'query' | 'stage' | 'context';

/** A parsed identity source such as `header:X-Api-Key`. */
export interface IdentitySource {
  kind: IdentitySourceKind;
  name: string;
}

const EXPRESSION_PREFIX: Record<IdentitySourceKind, string> = {
  header: 'method.request.header.',
  query: 'method.request.querystring.',
  stage: 'stageVariables.',
  context: 'context.',
};

/**
 * Parses `header:X`, `query:X`, `stage:X` or `context:X`.
 *
 * @throws {ChaliceTsError} `INVALID_IDENTITY_SOURCE` for any other form.
 * @example
 * ```ts
 * parseIdentitySource('query:token'); // { kind: 'query', name: 'token' }
 * ```
 */
export function parseIdentitySource(source: string): IdentitySource {
  const colon = typeof source === 'string' ? source.indexOf(':') : -1;
  const kind = colon === -1 ? '' : source.slice(0, colon);
  const name = colon === -1 ? '' : source.slice(colon + 1).trim();
  if (!(kind in EXPRESSION_PREFIX) || name === '') {
    throw new ChaliceTsError(
      'INVALID_IDENTITY_SOURCE',
      `Invalid identity source ${JSON.stringify(source)}: expected header:<name>, query:<name>, stage:<name> or context:<name>.`,
    );
  }
  return { kind: kind as IdentitySourceKind, name };
}

/**
 * The API Gateway mapping expression of an identity source.
 *
 * @example
 * ```ts
 * identitySourceExpression('header:X-Api-Key'); // 'method.request.header.X-Api-Key'
 * ```
 */
export function identitySourceExpression(source: string): string {
  const { kind, name } = parseIdentitySource(source);
  return EXPRESSION_PREFIX[kind] + name;
}

/**
 * The `securityDefinitions` entry of a built-in authorizer, as Chalice's swagger generator emits
 * it (`authorizerCredentials` and `authorizerResultTtlInSeconds` only when set). REQUEST
 * authorizers get `type: 'request'` and a comma-separated `identitySource`; their `name` is the
 * first header source (API Gateway ignores it for REQUEST authorizers), else `Unused` as in the
 * AWS documentation examples.
 *
 * @example
 * ```ts
 * builtinSwagger({ name: 'demo_auth', header: 'Authorization', type: 'token', identitySources: [], scopes: [] }, uri);
 * ```
 */
export function builtinSwagger(
  spec: BuiltinAuthorizerSpec,
  authorizerUri: string | FnSub,
): SecurityDefinition {
  const authorizer: ApiGatewayAuthorizerObject = { type: spec.type, authorizerUri };
  let name = spec.header;
  if (spec.type === 'request') {
    const sources = spec.identitySources.map(parseIdentitySource);
    authorizer.identitySource = spec.identitySources.map(identitySourceExpression).join(', ');
    name = sources.find((s) => s.kind === 'header')?.name ?? 'Unused';
  }
  if (spec.executionRole !== undefined) authorizer.authorizerCredentials = spec.executionRole;
  if (spec.ttlSeconds !== undefined) authorizer.authorizerResultTtlInSeconds = spec.ttlSeconds;
  return securityDefinition(name, 'custom', authorizer);
}
