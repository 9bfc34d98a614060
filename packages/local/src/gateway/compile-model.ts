import { createHash } from 'node:crypto';
import type { AuthorizerCache } from '../cache/authorizer-cache.js';
import type { GatewayLogger } from '../log/request-log.js';
import type { CachedPolicy } from './authorize/cached-policy.js';
import { LambdaAuthorizer } from './authorize/lambda-authorizer.js';
import type { RequestAuthorizer } from './authorize/outcome.js';
import { UnconfiguredCustomAuthorizer } from './authorize/unconfigured-custom.js';
import { compileIdentitySources } from './identity-source.js';
import type { GatewayAuthorizer, GatewayModel, GatewayRoute } from './model.js';
import type { LocalLambdaContext } from './lambda-context.js';

/** One route, prepared once: its authorizer instance and a stable resource id. */
export interface RoutePlan {
  readonly method: string;
  readonly path: string;
  readonly route: GatewayRoute;
  readonly resourceId: string;
  readonly authorizer: RequestAuthorizer | null;
  readonly scopes: readonly string[];
}

/** Builds the authorizers API Gateway has no Lambda for (Cognito, IAM). */
export type AuthorizerFactory = (authorizer: GatewayAuthorizer) => RequestAuthorizer;

/** What compiling needs besides the model. */
export interface CompileDeps {
  cache: AuthorizerCache<CachedPolicy> | null;
  logger: GatewayLogger;
  onInvoke: (name: string) => void;
  /** Lambda contexts for the named authorizer's function, one per invocation. */
  authorizerContext: (name: string) => (requestId: string) => LocalLambdaContext;
  cognito: AuthorizerFactory;
  iam: AuthorizerFactory;
}

/** The model compiled for the hot path. */
export interface CompiledModel {
  readonly model: GatewayModel;
  readonly plans: readonly RoutePlan[];
  /** Routes per resource path, for CORS preflight answers. */
  readonly byResource: ReadonlyMap<string, readonly RoutePlan[]>;
}

/** API Gateway's default authorizer result TTL when none is configured. */
export const DEFAULT_TTL_SECONDS = 300;

/** Prepares routes and authorizers once per (re)load, so a request only does lookups. */
export function compileModel(model: GatewayModel, deps: CompileDeps): CompiledModel {
  const authorizers = new Map<string, RequestAuthorizer>();
  const authorizerFor = (a: GatewayAuthorizer): RequestAuthorizer => {
    let built = authorizers.get(a.name);
    if (built === undefined) {
      built = buildAuthorizer(a, deps);
      authorizers.set(a.name, built);
    }
    return built;
  };
  const plans = model.routes.map(
    (route): RoutePlan => ({
      method: route.method.toUpperCase(),
      path: route.path,
      route,
      resourceId: createHash('sha1').update(route.path).digest('hex').slice(0, 6),
      authorizer: route.authorizer === null ? null : authorizerFor(route.authorizer),
      scopes: route.scopes ?? [],
    }),
  );
  const byResource = new Map<string, RoutePlan[]>();
  for (const plan of plans) {
    const list = byResource.get(plan.path);
    if (list === undefined) byResource.set(plan.path, [plan]);
    else list.push(plan);
  }
  return { model, plans, byResource };
}

function buildAuthorizer(a: GatewayAuthorizer, deps: CompileDeps): RequestAuthorizer {
  switch (a.kind) {
    case 'cognito_user_pools':
      return deps.cognito(a);
    case 'iam':
      return deps.iam(a);
    case 'custom':
      if (a.localHandler === undefined) return new UnconfiguredCustomAuthorizer(a.name, deps.logger);
      return lambdaAuthorizer(a, a.localHandler, 'token', deps);
    default: {
      const handler = a.builtin?.handler ?? a.localHandler;
      if (handler === undefined) return new UnconfiguredCustomAuthorizer(a.name, deps.logger);
      const type = a.builtin?.type ?? (a.kind === 'request' ? 'request' : 'token');
      return lambdaAuthorizer(a, handler, type, deps);
    }
  }
}

function lambdaAuthorizer(
  a: GatewayAuthorizer,
  handler: NonNullable<GatewayAuthorizer['localHandler']>,
  type: 'token' | 'request',
  deps: CompileDeps,
): LambdaAuthorizer {
  return new LambdaAuthorizer({
    name: a.name,
    kind: a.kind,
    type,
    header: a.header ?? 'Authorization',
    identitySources: type === 'request' ? compileIdentitySources(a.identitySources ?? []) : [],
    ttlSeconds: a.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    handler,
    cache: deps.cache,
    logger: deps.logger,
    onInvoke: () => deps.onInvoke(a.name),
    context: deps.authorizerContext(a.name),
  });
}
