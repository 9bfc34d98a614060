/**
 * `@chalice-ts/core`: the authorizer model, the IAM policy builder and evaluator, and execute-api
 * ARN helpers. The chalice.yaml schema lives behind the `@chalice-ts/core/config` subpath.
 */
export * from './arn/index.js';
export type { CoreErrorCode } from './errors.js';
export { ChaliceTsError, packageTimeOnly } from './errors.js';
export * from './model/index.js';
export * from './policy/index.js';
