import { ChaliceTsError, packageTimeOnly } from '../errors.js';
import type { LocalAuthorizerHandler } from './auth-request.js';
import { checkCognitoOptions, checkCustomOptions } from './authorizer-checks.js';
import type { SecurityDefinition } from './types.js';
import { securityDefinition } from './validate.js';

const frozen = (list: readonly string[] | null | undefined): readonly string[] =>
  Object.freeze([...(list ?? [])]);

/**
 * Authorizes with IAM (SigV4-signed requests). Its security definition key is always `sigv4`.
 *
 * @example
 * ```ts
 * app.route('/iam-auth', { authorizer: new IAMAuthorizer() }, () => ({ success: true }));
 * ```
 */
export class IAMAuthorizer {
  readonly kind = 'iam' as const;
  readonly name = 'sigv4';
  readonly scopes: readonly string[] = Object.freeze([]);

  /** @throws {ChaliceTsError} `SCOPES_NOT_SUPPORTED`: IAM authorization has no OAuth scopes. */
  withScopes(_scopes: readonly string[]): never {
    throw new ChaliceTsError(
      'SCOPES_NOT_SUPPORTED',
      globalThis.__CHALICE_TS_PROD__
        ? 'IAMAuthorizer does not support scopes'
        : 'IAMAuthorizer does not support scopes: SigV4 requests carry no OAuth scopes. ' +
            'Use a CognitoUserPoolAuthorizer or a CustomAuthorizer for scoped routes.',
    );
  }

  /** Chalice's `securityDefinitions` entry for IAM. */
  toSwagger(): SecurityDefinition {
    // Package-time only: compiled out of Lambda bundles (docs/decisions/0002-production-bundles.md).
    if (!globalThis.__CHALICE_TS_PROD__) {
      return securityDefinition('Authorization', 'awsSigv4');
    }
    throw packageTimeOnly('toSwagger');
  }
}

/** Options of {@link CognitoUserPoolAuthorizer}. */
export interface CognitoUserPoolAuthorizerOptions {
  /** ARNs of the user pools whose tokens are accepted; at least one. */
  providerArns: readonly string[];
  /** Header holding the token; default `Authorization`. */
  header?: string;
  /** OAuth scopes the access token must carry (none: an id token is expected). */
  scopes?: readonly string[];
}

/**
 * Authorizes with an existing Amazon Cognito user pool.
 *
 * @example
 * ```ts
 * const pool = new CognitoUserPoolAuthorizer('MyPool', {
 *   providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'],
 * });
 * app.route('/user-pools', { authorizer: pool.withScopes(['read']) }, () => ({ success: true }));
 * ```
 */
export class CognitoUserPoolAuthorizer {
  readonly kind = 'cognito_user_pools' as const;
  declare readonly name: string;
  declare readonly providerArns: readonly string[];
  declare readonly header: string;
  declare readonly scopes: readonly string[];

  constructor(name: string, options: CognitoUserPoolAuthorizerOptions) {
    if (!globalThis.__CHALICE_TS_PROD__) checkCognitoOptions(name, options);
    this.name = name;
    this.providerArns = frozen(options.providerArns);
    this.header = options.header ?? 'Authorization';
    this.scopes = frozen(options.scopes);
  }

  /** A copy of this authorizer requiring `scopes` (the original is unchanged). */
  withScopes(scopes: readonly string[]): CognitoUserPoolAuthorizer {
    return new CognitoUserPoolAuthorizer(this.name, { ...this, scopes });
  }

  /** Chalice's `securityDefinitions` entry for a Cognito user pool. */
  toSwagger(): SecurityDefinition {
    // Package-time only: compiled out of Lambda bundles (docs/decisions/0002-production-bundles.md).
    if (!globalThis.__CHALICE_TS_PROD__) {
      return securityDefinition(this.header, 'cognito_user_pools', {
        type: 'cognito_user_pools',
        providerARNs: [...this.providerArns],
      });
    }
    throw packageTimeOnly('toSwagger');
  }
}

/** Options of {@link CustomAuthorizer}. */
export interface CustomAuthorizerOptions {
  /** `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function-arn>/invocations`. */
  authorizerUri: string;
  /** How long API Gateway caches the policy; default 300, 0 disables caching. */
  ttlSeconds?: number;
  /** Header holding the token; default `Authorization`. */
  header?: string;
  /** Role API Gateway assumes to invoke the authorizer function. */
  invokeRoleArn?: string;
  scopes?: readonly string[];
  /** Stand-in run by the local emulator instead of the deployed Lambda (it gets the real TOKEN event). */
  localHandler?: LocalAuthorizerHandler;
}

/**
 * Authorizes with an existing Lambda TOKEN authorizer, referenced by its invocation URI.
 *
 * @example
 * ```ts
 * const custom = new CustomAuthorizer('MyCustomAuth', {
 *   header: 'Authorization',
 *   authorizerUri: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Auth/invocations',
 * });
 * ```
 */
export class CustomAuthorizer {
  readonly kind = 'custom' as const;
  declare readonly name: string;
  declare readonly authorizerUri: string;
  declare readonly ttlSeconds: number;
  declare readonly header: string;
  declare readonly invokeRoleArn: string | undefined;
  declare readonly scopes: readonly string[];
  declare readonly localHandler: LocalAuthorizerHandler | undefined;

  constructor(name: string, options: CustomAuthorizerOptions) {
    if (!globalThis.__CHALICE_TS_PROD__) checkCustomOptions(name, options);
    this.name = name;
    this.authorizerUri = options.authorizerUri;
    this.ttlSeconds = options.ttlSeconds ?? 300;
    this.header = options.header ?? 'Authorization';
    this.invokeRoleArn = options.invokeRoleArn ?? undefined;
    this.scopes = frozen(options.scopes);
    this.localHandler = options.localHandler;
  }

  /** A copy of this authorizer requiring `scopes` (the original is unchanged). */
  withScopes(scopes: readonly string[]): CustomAuthorizer {
    // Every option the constructor reads is a field of the same name; undefined ones are optional.
    return new CustomAuthorizer(this.name, { ...this, scopes });
  }

  /** Chalice's `securityDefinitions` entry; `authorizerCredentials` only when an invoke role is set. */
  toSwagger(): SecurityDefinition {
    // Package-time only: compiled out of Lambda bundles (docs/decisions/0002-production-bundles.md).
    if (!globalThis.__CHALICE_TS_PROD__) {
      const authorizer: SecurityDefinition['x-amazon-apigateway-authorizer'] = {
        type: 'token',
        authorizerUri: this.authorizerUri,
        authorizerResultTtlInSeconds: this.ttlSeconds,
      };
      if (this.invokeRoleArn !== undefined) authorizer.authorizerCredentials = this.invokeRoleArn;
      return securityDefinition(this.header, 'custom', authorizer);
    }
    throw packageTimeOnly('toSwagger');
  }
}
