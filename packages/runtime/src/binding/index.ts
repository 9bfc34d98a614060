/**
 * `@chalice-ts/runtime/binding`: binds a resolved chalice.yaml to an app and returns the effective
 * model the local gateway, the test kit, the deployer and the CLI share. Kept apart from the main
 * entry because it imports `@chalice-ts/core/config` (zod, yaml), which must stay out of Lambda bundles.
 */
export { type BindOptions, type BindResult, bindApp, bindConfig } from './bind-config.js';
export type {
  AuthorizerSource,
  EffectiveAuthorizer,
  EffectiveModel,
  EffectiveRoute,
  HandlerRef,
  RouteAuthorizerSource,
} from './effective-model.js';
export type { ModuleLoader } from './yaml-authorizers.js';
