import {
  type AnyAuthorizer,
  type AuthorizerKind,
  type FnSub,
  builtinSwagger,
  type LocalAuthorizerHandler,
  type SecurityDefinition,
} from '@chalice-ts/core';
import type { HttpMethod, RouteEntry } from '../app/route-entry.js';
import type { BuiltinAuthorizer } from '../authorizer/builtin-authorizer.js';

/** Where an authorizer is defined. */
export type AuthorizerSource = 'code' | 'yaml';

/** Where a route's effective authorizer comes from. */
export type RouteAuthorizerSource = 'code' | 'yaml-route' | 'default' | 'none';

/** A `path#export` handler reference from chalice.yaml, resolved against the project directory. */
export interface HandlerRef {
  /** As written in chalice.yaml, e.g. `src/auth.ts#demoAuth`. */
  ref: string;
  /** Absolute path of the module. */
  file: string;
  exportName: string;
}

/**
 * One authorizer of the app, whether declared in code or in chalice.yaml: what the local gateway,
 * the test kit, the deployer and `chalice-ts routes` all read.
 */
export interface EffectiveAuthorizer {
  name: string;
  kind: AuthorizerKind;
  source: AuthorizerSource;
  /** Built-in authorizers: `'token'` or `'request'`. */
  type?: 'token' | 'request';
  /** Policy cache TTL; built-in and custom default to 300 (API Gateway's default); IAM and Cognito 0. */
  ttlSeconds: number;
  header: string;
  /** `header:Authorization`, `query:token`, ... (empty for IAM). */
  identitySources: readonly string[];
  /** Scopes declared on the authorizer itself (a route may narrow them: see `EffectiveRoute.scopes`). */
  scopes: readonly string[];
  providerArns?: readonly string[];
  authorizerUri?: string;
  invokeRoleArn?: string;
  executionRole?: string;
  /** Custom authorizers: what the local emulator runs instead of the remote Lambda. */
  localHandler?: LocalAuthorizerHandler;
  /** Built-in (and request) authorizers: the runnable authorizer. */
  builtin?: BuiltinAuthorizer;
  /** YAML-declared handlers (`handler` / `local_handler`): where the function lives, for bundling. */
  handlerRef?: HandlerRef;
  /**
   * The Swagger `securityDefinitions` entry; built-in authorizers need the invocation URI of their
   * deployed function.
   */
  swagger(authorizerUri?: string | FnSub): SecurityDefinition;
}

/** One (method, path) of the app with its effective authorization. */
export interface EffectiveRoute {
  method: HttpMethod;
  path: string;
  entry: RouteEntry;
  authorizer: EffectiveAuthorizer | null;
  source: RouteAuthorizerSource;
  /** Scopes the route requires (route binding or `withScopes` copy, else the authorizer's). */
  scopes: readonly string[];
}

/** The app and its chalice.yaml as one model. */
export interface EffectiveModel {
  appName: string;
  stage: string;
  apiGatewayStage: string;
  routes: EffectiveRoute[];
  authorizers: Map<string, EffectiveAuthorizer>;
}

function requireUri(name: string, uri: string | FnSub | undefined): string | FnSub {
  if (uri === undefined) {
    throw new TypeError(
      `Built-in authorizer "${name}": swagger(authorizerUri) needs the invocation URI of its function.`,
    );
  }
  return uri;
}

/** The effective view of an authorizer object created in code (scopes reset: routes carry their own). */
export function fromCodeAuthorizer(
  authorizer: AnyAuthorizer,
  builtin?: BuiltinAuthorizer,
): EffectiveAuthorizer {
  switch (authorizer.kind) {
    case 'iam':
      return {
        name: authorizer.name,
        kind: 'iam',
        source: 'code',
        ttlSeconds: 0,
        header: 'Authorization',
        identitySources: [],
        scopes: [],
        swagger: () => authorizer.toSwagger(),
      };
    case 'cognito_user_pools':
      return {
        name: authorizer.name,
        kind: authorizer.kind,
        source: 'code',
        ttlSeconds: 0,
        header: authorizer.header,
        identitySources: [`header:${authorizer.header}`],
        scopes: authorizer.scopes,
        providerArns: authorizer.providerArns,
        swagger: () => authorizer.toSwagger(),
      };
    case 'custom':
      return {
        name: authorizer.name,
        kind: 'custom',
        source: 'code',
        ttlSeconds: authorizer.ttlSeconds,
        header: authorizer.header,
        identitySources: [`header:${authorizer.header}`],
        scopes: authorizer.scopes,
        authorizerUri: authorizer.authorizerUri,
        ...(authorizer.invokeRoleArn !== undefined && { invokeRoleArn: authorizer.invokeRoleArn }),
        ...(authorizer.localHandler !== undefined && { localHandler: authorizer.localHandler }),
        swagger: () => authorizer.toSwagger(),
      };
    case 'builtin':
      return fromBuiltin(builtin ?? (authorizer as BuiltinAuthorizer), 'code');
  }
}

/** The effective view of a built-in authorizer. */
export function fromBuiltin(
  builtin: BuiltinAuthorizer,
  source: AuthorizerSource,
  handlerRef?: HandlerRef,
): EffectiveAuthorizer {
  return {
    name: builtin.name,
    kind: 'builtin',
    source,
    type: builtin.type,
    // API Gateway caches authorizer results for 300 s when no TTL is configured.
    ttlSeconds: builtin.ttlSeconds ?? 300,
    header: builtin.header,
    identitySources: builtin.identitySources,
    scopes: builtin.scopes,
    ...(builtin.executionRole !== undefined && { executionRole: builtin.executionRole }),
    builtin,
    ...(handlerRef && { handlerRef }),
    swagger: (uri) => builtinSwagger(builtin, requireUri(builtin.name, uri)),
  };
}
