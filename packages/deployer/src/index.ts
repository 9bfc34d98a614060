export type { DeployerErrorCode } from './errors.js';
export { DeployerError } from './errors.js';
export * from './model/index.js';
export * from './swagger/index.js';
export * from './template/index.js';
export * from './bundle/index.js';
export * from './package/index.js';
export * from './deploy/index.js';
