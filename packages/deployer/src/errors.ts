import { ChaliceTsError } from '@chalice-ts/core';

/** Stable error codes raised by `@chalice-ts/deployer`. Match on `code`, never on the message. */
export type DeployerErrorCode =
  | 'INVALID_MODEL'
  | 'INVALID_CONFIG'
  | 'DUPLICATE_RESOURCE_NAME'
  | 'BUNDLE_FAILED'
  | 'PACKAGE_WRITE_FAILED'
  | 'BOOTSTRAP_FAILED'
  | 'CHANGE_SET_FAILED'
  | 'DEPLOY_FAILED'
  | 'UPDATE_ROLLED_BACK'
  | 'STACK_BUSY'
  | 'TEMPLATE_TOO_LARGE'
  | 'DELETE_FAILED'
  | 'ABORTED'
  | 'THROTTLED'
  | 'AWS_ERROR'
  | (string & {});

/**
 * The one error base class of `@chalice-ts/deployer`: every error it raises on purpose carries a stable
 * `code`, a message that says what to do, and the original failure as `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await deployApp(options);
 * } catch (err) {
 *   if (err instanceof DeployerError && err.code === 'DEPLOY_FAILED') process.exitCode = 1;
 * }
 * ```
 */
export class DeployerError extends ChaliceTsError {
  constructor(code: DeployerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'DeployerError';
  }
}
