import type { LocalLambdaContext } from './lambda-context.js';
import type { ProxyEvent } from './proxy-event.js';

/**
 * The slice of `@chalice-ts/runtime`'s bound model (`EffectiveModel`, see
 * docs/decisions/0001-internal-seams.md) that the gateway reads. Declared structurally so that a
 * model built by `bindConfig` fits as is, and tests can hand the gateway a small one.
 */

/** CORS settings of a route (the runtime's `CORSConfig`). */
export interface GatewayCors {
  preflightHeaders(methods: readonly string[]): Record<string, string>;
}

/** A Lambda-style handler: `(event, context) => result`, sync or async. */
export type LambdaHandler = (event: never, context?: never) => unknown;

/** An authorizer as the gateway sees it, whichever place (code or chalice.yaml) declared it. */
export interface GatewayAuthorizer {
  readonly name: string;
  /** `builtin` (and YAML `request`), `custom`, `cognito_user_pools` or `iam`. */
  readonly kind: string;
  readonly ttlSeconds?: number | undefined;
  readonly header?: string | undefined;
  readonly identitySources?: readonly string[] | undefined;
  readonly providerArns?: readonly string[] | undefined;
  /** For `custom`: the handler run locally in place of the deployed Lambda. */
  readonly localHandler?: LambdaHandler | undefined;
  /** For `builtin`: the runtime's `BuiltinAuthorizer` (its `handler` is the Lambda entry point). */
  readonly builtin?: { readonly type: 'token' | 'request'; readonly handler: LambdaHandler } | undefined;
}

/** One (method, path) of the API with the authorizer that applies to it. */
export interface GatewayRoute {
  readonly method: string;
  readonly path: string;
  readonly entry: { readonly apiKeyRequired?: boolean; readonly cors?: GatewayCors | null };
  readonly authorizer: GatewayAuthorizer | null;
  /** OAuth scopes the route requires (Cognito). */
  readonly scopes?: readonly string[];
}

/** The bound app model: every route with its effective authorizer. */
export interface GatewayModel {
  readonly appName: string;
  readonly stage: string;
  readonly apiGatewayStage: string;
  readonly routes: readonly GatewayRoute[];
}

/** The app object: its name and its REST proxy Lambda handler. */
export interface GatewayApp {
  readonly appName: string;
  handler(event: ProxyEvent, context: LocalLambdaContext): unknown;
}
