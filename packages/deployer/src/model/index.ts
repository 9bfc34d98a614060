export type {
  AuthorizerKind,
  CorsInput,
  EffectiveAuthorizerInput,
  EffectiveModelInput,
  EffectiveRouteInput,
  FunctionSettingsLookup,
  HandlerRefInput,
  RouteEntryInput,
} from './input.js';
export type {
  ApiAuthorizerModel,
  ApiRouteModel,
  AuthorizerSourceModel,
  BuiltinAuthorizerModel,
  FunctionModel,
  ResourceModel,
  RoleModel,
} from './resource-model.js';
export type { BuildResourceModelOptions } from './build-resource-model.js';
export { buildResourceModel, isFunctionBacked } from './build-resource-model.js';
export { toCfnName } from './cfn-name.js';
