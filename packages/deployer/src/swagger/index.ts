export type { SwaggerDocument } from './build-swagger.js';
export { buildSwagger } from './build-swagger.js';
export { builtinSecurityDefinition, securityDefinition } from './builtin-definition.js';
export { accessControlHeaders, preflightOperation } from './cors.js';
export type { FnSub } from './uri.js';
export { lambdaInvocationUri } from './uri.js';
export type { StackEnvironment } from './resolve-intrinsics.js';
export { resolveSwaggerIntrinsics, stackEnvironment } from './resolve-intrinsics.js';
