import type { GatewayLogger } from '../../log/request-log.js';
import { GATEWAY_ERRORS } from '../error-responses.js';
import type { AuthOutcome, RequestAuthorizer } from './outcome.js';

/**
 * A custom authorizer (an existing Lambda, by ARN) with no local handler: there is nothing to run
 * locally, so every request fails closed with 500, and the log says how to give it one.
 */
export class UnconfiguredCustomAuthorizer implements RequestAuthorizer {
  readonly kind = 'custom';
  readonly name: string;
  readonly #logger: GatewayLogger;

  constructor(name: string, logger: GatewayLogger) {
    this.name = name;
    this.#logger = logger;
  }

  async authorize(): Promise<AuthOutcome> {
    this.#logger.error(
      `custom authorizer ${this.name} has no local handler, so the request was refused (500). ` +
        `Add "local_handler: src/local-auth.ts#handler" under authorizers.${this.name} in chalice.yaml ` +
        `(or pass localHandler to new CustomAuthorizer(...)): a function (event) => policy that stands in ` +
        `for the deployed Lambda.`,
    );
    return {
      ok: false,
      decision: 'error',
      cache: null,
      reason: `custom authorizer ${this.name} has no local_handler`,
      error: GATEWAY_ERRORS.authorizerConfiguration,
    };
  }
}
