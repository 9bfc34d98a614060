/**
 * `@chalice-ts/core/config`: the `chalice.yaml` schema, loader and stage resolution. Kept apart
 * from the main entry so that Lambda bundles never contain zod or yaml.
 */
export { checkAuthorizerNames, type NamedAuthorizers } from './authorizer-names.js';
export { ConfigError } from './config-error.js';
export { didYouMean, editDistance } from './did-you-mean.js';
export {
  DEFAULT_LAMBDA_MEMORY_SIZE,
  DEFAULT_LAMBDA_TIMEOUT,
  defaultConfig,
  defaultResolvedConfig,
  type FunctionSettings,
  functionSettings,
} from './function-settings.js';
export {
  type ConfigIssue,
  type ConfigPath,
  type ConfigResult,
  formatConfigIssue,
  formatConfigPath,
} from './issues.js';
export { chaliceConfigJsonSchema, chaliceConfigJsonSchemaText } from './json-schema.js';
export { loadConfigFile, type ParseOptions, parseConfig, validateConfigObject } from './load.js';
export { AUTHORIZER_KEYS, type AuthorizerType, authorizerSchema } from './schema/authorizers.js';
export {
  type AuthorizerConfig,
  type AuthorizerOverride,
  type BuiltinAuthorizerConfig,
  type ChaliceConfig,
  type ChaliceConfigInput,
  type CognitoAuthorizerConfig,
  type CustomAuthorizerConfig,
  chaliceConfigSchema,
  type IamAuthorizerConfig,
  type LocalConfig,
  type RequestAuthorizerConfig,
  ROUTE_METHODS,
  type RouteBinding,
  type StageConfig,
} from './schema/document.js';
export {
  type CliOverrides,
  checkStage,
  DEFAULT_STAGE,
  type ResolvedConfig,
  type ResolveOptions,
  resolveStage,
} from './stage.js';
