import type { FunctionSettings } from '@chalice-ts/core/config';
import type { EffectiveModel } from '@chalice-ts/runtime/binding';

/**
 * What the deployer reads from the app: structurally the runtime's `EffectiveModel` (seam 0001,
 * `bindConfig`) and the resolved `chalice.yaml` (`@chalice-ts/core/config`). Declared here, narrowly,
 * so the pure stages only depend on the fields they use; `_EffectiveModelFits` below keeps the
 * real type assignable to it.
 */

/** The authorizer kinds of core's model (`kind` discriminant). */
export type AuthorizerKind = 'iam' | 'cognito_user_pools' | 'custom' | 'builtin';

/** The part of a route entry (`app.routes[i]`) that the OpenAPI document needs. */
export interface RouteEntryInput {
  readonly apiKeyRequired?: boolean;
  readonly cors?: boolean | CorsInput | null;
  readonly contentTypes?: readonly string[];
  readonly name?: string;
}

/** Chalice's `CORSConfig` fields (camelCase). `true` means the defaults. */
export interface CorsInput {
  readonly allowOrigin?: string;
  readonly allowHeaders?: readonly string[];
  readonly exposeHeaders?: readonly string[];
  readonly maxAge?: number;
  readonly allowCredentials?: boolean;
}

/** A built-in authorizer as the runtime defines it (only the spec fields are read here). */
export interface BuiltinAuthorizerInput {
  readonly type?: 'token' | 'request';
  /** As given by the user: `undefined` lets API Gateway apply its default, as Chalice does. */
  readonly ttlSeconds?: number | undefined;
}

/** Where a YAML-declared handler lives (`path#export`, as written in chalice.yaml). */
export interface HandlerRefInput {
  readonly ref: string;
  readonly exportName: string;
}

/** One authorizer after binding code and `chalice.yaml` (seam: `EffectiveAuthorizer`). */
export interface EffectiveAuthorizerInput {
  readonly name: string;
  readonly kind: AuthorizerKind;
  readonly source: 'code' | 'yaml';
  /** Built-in authorizers: TOKEN or REQUEST. */
  readonly type?: 'token' | 'request' | undefined;
  readonly ttlSeconds?: number | undefined;
  readonly header?: string;
  readonly identitySources?: readonly string[];
  readonly scopes?: readonly string[];
  readonly executionRole?: string | undefined;
  /** YAML-declared built-in/request authorizers: the `path#export` of the function. */
  readonly handlerRef?: HandlerRefInput | undefined;
  readonly builtin?: BuiltinAuthorizerInput | undefined;
  /** Chalice's `securityDefinitions` entry (non-built-in kinds); built-ins get one from the deployer. */
  swagger(authorizerUri?: string): object;
}

/** One route after binding (seam: `EffectiveRoute`). */
export interface EffectiveRouteInput {
  readonly method: string;
  readonly path: string;
  readonly entry: RouteEntryInput;
  readonly authorizer: EffectiveAuthorizerInput | null;
  readonly scopes?: readonly string[];
}

/** The bound app (seam: `EffectiveModel`). */
export interface EffectiveModelInput {
  readonly appName: string;
  readonly stage: string;
  readonly apiGatewayStage: string;
  readonly routes: readonly EffectiveRouteInput[];
  readonly authorizers: ReadonlyMap<string, EffectiveAuthorizerInput>;
  /** `app.api.binaryTypes` when the runtime exposes it. */
  readonly binaryTypes?: readonly string[];
}

/** Looks up per-function settings: core's `functionSettings(resolved, fnName, cli)` by default. */
export type FunctionSettingsLookup = (functionName: string) => FunctionSettings;

type Assignable<T, U extends T> = U;
/** Compile-time check: the runtime's real model can be passed wherever the deployer takes its input. */
export type _EffectiveModelFits = Assignable<EffectiveModelInput, EffectiveModel>;
